package dev.frontdesk.assistant.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Says times the way people do: "10:30 tomorrow morning" on a call (a voice reads it "ten thirty"), "Tuesday Nov 24 at
 * 10:30 AM" in a text; "mañana a las 10:30", "demain à 10 h 30", "morgen um 10:30 Uhr". The words and their order
 * are templates in each language's {@code assistant/lang/<language>/speech.properties}; this class only fills
 * them in.
 */
final class Speech {

    /** Per language, its templates; loaded once. */
    private static final Map<String, Properties> WORDS = load();

    private Speech() {}

    static String when(Instant instant, ZoneId zone, ZonedDateTime now, String language, boolean spoken) {
        Properties w = words(language);
        ZonedDateTime at = instant.atZone(zone);
        Locale locale = locale(w);
        Map<String, String> v = values(at, locale, w);
        if (!spoken) {
            return fill(w.getProperty("text"), v);
        }
        v.put("time", time(at, w, v));
        v.put("day", day(at.toLocalDate(), now.toLocalDate(), at.getHour(), w, v));
        return fill(w.getProperty("spoken"), v);
    }

    /**
     * A time read out in full, for telling callers when their appointments are: the weekday and the date
     * always ("two thirty tomorrow, Tuesday the 24th"), where {@link #when} may say only "tomorrow".
     */
    static String fullWhen(Instant instant, ZoneId zone, ZonedDateTime now, String language, boolean spoken) {
        if (!spoken) {
            return when(instant, zone, now, language, false);
        }
        Properties w = words(language);
        ZonedDateTime at = instant.atZone(zone);
        LocalDate date = at.toLocalDate();
        LocalDate today = now.toLocalDate();
        Map<String, String> v = values(at, locale(w), w);
        v.put("time", time(at, w, v));
        boolean near = date.equals(today) || date.equals(today.plusDays(1));
        if (near) {
            v.put("relative", Phrases.say(language, date.equals(today) ? "today" : "tomorrow"));
        }
        // "Monday, December 7th" in November: a day of another month says which month
        boolean otherMonth = !near && date.getMonth() != today.getMonth() && w.getProperty("full.month") != null;
        return fill(w.getProperty(near ? "full.near" : otherMonth ? "full.month" : "full"), v);
    }

    /** A clock time as said in opening hours: "8 AM", "12:30 PM"; "8 h", "8 h 30"; "8:00", "13:30". */
    static String clock(LocalTime time, String language) {
        Properties w = words(language);
        Map<String, String> v = clockValues(time.getHour(), time.getMinute());
        return fill(w.getProperty(time.getMinute() == 0 ? "clock.hour" : "clock.minutes"), v);
    }

    /** A weekday with its day of the month, as in "closed on Thursday 26" ({@code weekday-date}). */
    static String dayAndDate(LocalDate date, String language) {
        Properties w = words(language);
        Map<String, String> v = Map.of(
                "weekday", date.getDayOfWeek().getDisplayName(TextStyle.FULL, locale(w)),
                "d", String.valueOf(date.getDayOfMonth()));
        return fill(w.getProperty("weekday-date", "{weekday} {d}"), v);
    }

    static String dayName(DayOfWeek day, String language) {
        return day.getDisplayName(TextStyle.FULL, locale(words(language)));
    }

    /** The locale of a language's weekday and month names ({@code locale} in speech.properties). */
    static Locale locale(String language) {
        return locale(words(language));
    }

    /** A service's name as said inside a sentence: lower case where the language writes it so. */
    static String service(String name, String language) {
        if (name == null) {
            return "";
        }
        Properties w = words(language);
        return Boolean.parseBoolean(w.getProperty("lowercase-services", "true")) ? name.toLowerCase(locale(w)) : name;
    }

    private static String time(ZonedDateTime at, Properties w, Map<String, String> v) {
        String noon = w.getProperty("time.noon", "");
        if (at.getHour() == 12 && at.getMinute() == 0 && !noon.isBlank()) {
            return noon;
        }
        return fill(w.getProperty(at.getMinute() == 0 ? "time.hour" : "time.minutes"), v);
    }

    private static String day(LocalDate date, LocalDate today, int hour, Properties w, Map<String, String> v) {
        // "noon tomorrow", not "noon tomorrow afternoon"
        boolean noon = hour == 12;
        v.put(
                "part",
                noon
                        ? ""
                        : w.getProperty(
                                hour < 12 ? "part.morning" : hour < 17 ? "part.afternoon" : "part.evening", ""));
        if (date.equals(today)) {
            String todayNoon = w.getProperty("day.today-noon", "");
            return fill(noon && !todayNoon.isBlank() ? todayNoon : w.getProperty("day.today"), v);
        }
        if (date.equals(today.plusDays(1))) {
            return fill(w.getProperty("day.tomorrow"), v);
        }
        return fill(w.getProperty(date.isBefore(today.plusDays(7)) ? "day.week" : "day.later"), v);
    }

    private static Map<String, String> values(ZonedDateTime at, Locale locale, Properties w) {
        Map<String, String> v = clockValues(at.getHour(), at.getMinute());
        int d = at.getDayOfMonth();
        v.put("weekday", at.getDayOfWeek().getDisplayName(TextStyle.FULL, locale));
        v.put("month", at.getMonth().getDisplayName(TextStyle.FULL, locale));
        v.put("mon", at.getMonth().getDisplayName(TextStyle.SHORT, locale));
        v.put("d", String.valueOf(d));
        v.put("ordinal", fill(w.getProperty("ordinal." + d, w.getProperty("ordinal", "{d}")), Map.of("d", v.get("d"))));
        return v;
    }

    private static Map<String, String> clockValues(int hour, int minute) {
        Map<String, String> v = new HashMap<>();
        int h12 = hour % 12 == 0 ? 12 : hour % 12;
        v.put("H", String.valueOf(hour));
        v.put("h", String.valueOf(h12));
        v.put("mm", String.format(Locale.ROOT, "%02d", minute));
        v.put("ampm", hour < 12 ? "AM" : "PM");
        return v;
    }

    /** The template with {@code {name}} replaced, and the spaces an empty value leaves removed. */
    static String fill(String template, Map<String, String> values) {
        if (template == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(template.length() + 16);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close > i && values.containsKey(template.substring(i + 1, close))) {
                out.append(values.get(template.substring(i + 1, close)));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString().replaceAll(" {2,}", " ").replace(" ,", ",").strip();
    }

    private static Properties words(String language) {
        Properties w = language == null ? null : WORDS.get(language);
        return w != null ? w : WORDS.get(Phrases.LANGUAGES.getFirst());
    }

    private static Locale locale(Properties w) {
        return Locale.forLanguageTag(w.getProperty("locale", "en-US"));
    }

    private static Map<String, Properties> load() {
        Map<String, Properties> all = new HashMap<>();
        for (String language : Phrases.LANGUAGES) {
            String path = "/assistant/lang/" + language + "/speech.properties";
            try (InputStream in = Speech.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + path);
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                all.put(language, p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(all);
    }
}
