package dev.frontdesk.assistant.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A move by an amount rather than to a time: "two hours later", "push it back an hour", "a day earlier",
 * "same time next week", "1h30 plus tard". The words are those of {@code moves.properties}.
 */
final class MoveShifts {

    private MoveShifts() {}

    /** "1h30", "1 h 30", "1:30" said next to "later" or "earlier": hours and minutes. */
    private static final Pattern HOURS_MINUTES = Pattern.compile("(?<![\\d:])(\\d{1,2})\\s*h\\s*([0-5]\\d)(?!\\d)");

    /** Whether "later" or "earlier" comes right after ("1h30 plus tard"). */
    private static boolean saysDirectionNext(String rest) {
        String next = rest.stripLeading();
        return Moves.pattern("later").matcher(next).lookingAt()
                || Moves.pattern("earlier").matcher(next).lookingAt();
    }

    /** "Two hours later", "push it back an hour", "a day earlier", "same time next week". */
    static Optional<Duration> read(String text) {
        if (Moves.pattern("sameTimeNextWeek").matcher(text).find()) {
            return Optional.of(Duration.ofDays(7));
        }
        // "au surlendemain même heure", "al día siguiente a la misma hora", "de samedi à la veille, même heure"
        for (var day : List.of(
                java.util.Map.entry("dayAfterNext", 2),
                java.util.Map.entry("nextDay", 1),
                java.util.Map.entry("prevDay", -1))) {
            Matcher m = Moves.pattern(day.getKey()).matcher(text);
            if (m.find()) {
                // "to the next day, an hour later": the hours said beside the day too
                Duration hours =
                        byAmount(m.replaceAll(" "), List.of("hour"), true).orElse(Duration.ZERO);
                return Optional.of(Duration.ofDays(day.getValue()).plus(hours));
            }
        }
        return byAmount(text, List.of("hour", "day", "week"), false);
    }

    /** "Two hours later", "a day earlier": an amount of one of the units and a direction. */
    private static Optional<Duration> byAmount(String text, List<String> units, boolean directionNext) {
        // "une heure de l'après-midi": a part of the day holding a direction word is no direction
        String directions = Moves.pattern("notDirection") != null
                ? Moves.pattern("notDirection").matcher(text).replaceAll(" ")
                : text;
        boolean later = Moves.pattern("later").matcher(directions).find();
        boolean earlier = Moves.pattern("earlier").matcher(directions).find();
        if (later == earlier) {
            if (later || !Moves.pattern("neutral").matcher(text).find()) {
                return Optional.empty();
            }
            later = true; // "décaler d'une heure", "correr una hora": later unless said otherwise
        }
        Matcher hoursMinutes = HOURS_MINUTES.matcher(text);
        if (hoursMinutes.find() && saysDirectionNext(text.substring(hoursMinutes.end()))) {
            // "1h30 plus tard", "1:30 later": an hour and a half, not half past one
            Duration by = Duration.ofHours(Integer.parseInt(hoursMinutes.group(1)))
                    .plusMinutes(Integer.parseInt(hoursMinutes.group(2)));
            return Optional.of(later ? by : by.negated());
        }
        for (String unit : units) {
            Matcher u = Moves.pattern(unit).matcher(text);
            int amount = 0;
            // "demain à neuf heures ... deux heures plus tard": the first hour word may be a time of day
            while (amount == 0 && u.find()) {
                amount = amountBefore(text.substring(0, u.start()));
                if (amount > 0 && unit.equals("hour") && saysAtBefore(text.substring(0, u.start()))) {
                    amount = 0; // "mercredi à 16 heures": a time of day, not sixteen hours
                }
                if (amount > 0 && directionNext && !saysDirectionNext(text.substring(u.end()))) {
                    amount = 0; // beside a day ("celle de 14 heures ... au lendemain"): only "an hour later" is one
                }
            }
            if (amount == 0) {
                continue; // "après-demain à la même heure": an hour word without an amount is no shift
            }
            Duration one = switch (unit) {
                case "hour" -> Duration.ofHours(1);
                case "day" -> Duration.ofDays(1);
                default -> Duration.ofDays(7);
            };
            Duration by = one.multipliedBy(amount);
            if (unit.equals("hour")
                    && Moves.pattern("half").matcher(text.substring(u.end())).lookingAt()) {
                by = by.plusMinutes(30); // "an hour and a half later", "una hora y media antes"
            }
            return Optional.of(later ? by : by.negated());
        }
        return Optional.empty();
    }

    /** Whether the word before the amount that ends these words is the word for "at" ("à 16", "at 4"). */
    private static boolean saysAtBefore(String text) {
        String[] words = text.trim().split("\\s+");
        if (words.length < 2) {
            return false;
        }
        // compared as said: "à 16 heures" is a time of day, while "a" may be the article ("back a 2 hour slot")
        String said = words[words.length - 2].toLowerCase(java.util.Locale.ROOT);
        String before = LanguageData.fold(said).strip();
        boolean article = said.equals(before) && Moves.isArticleOne(said);
        // "n'importe quand après 15 heures", "after 3 hours": a bound on the time of day, not an amount either
        return !article
                && java.util.stream.Stream.concat(Moves.words("at").stream(), Moves.words("bound").stream())
                        .anyMatch(at -> LanguageData.fold(at).strip().equals(before));
    }

    /** The amount said just before a unit: a digit or a word from the data ("a couple of" is 2); 0 if none. */
    private static int amountBefore(String text) {
        String[] words = text.trim().split("\\s+");
        String last = words.length == 0 ? "" : words[words.length - 1];
        if (last.matches("\\d{1,2}")) {
            return Integer.parseInt(last);
        }
        String tail =
                String.join(" ", java.util.Arrays.copyOfRange(words, Math.max(0, words.length - 3), words.length));
        for (int n = 4; n >= 1; n--) {
            Matcher m = Moves.pattern(Integer.toString(n)).matcher(tail);
            while (m.find()) {
                if (m.end() == tail.length() || tail.substring(m.end()).isBlank()) {
                    return n;
                }
            }
        }
        return 0;
    }
}
