package dev.frontdesk.assistant.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Says times the way people do: "10:30 tomorrow morning" on a call (a voice reads it "ten thirty"), "Tuesday Nov 24 at 10:30 AM" in a
 * text; Spanish and French read naturally ("mañana a las 10:30", "demain à 10 h 30").
 */
final class Speech {

    private Speech() {}

    static String when(Instant instant, ZoneId zone, ZonedDateTime now, String language, boolean spoken) {
        ZonedDateTime at = instant.atZone(zone);
        LocalDate today = now.toLocalDate();
        LocalDate date = at.toLocalDate();
        Locale locale = Phrases.locale(language);
        if (!spoken) {
            String day = at.getDayOfWeek().getDisplayName(TextStyle.FULL, locale) + " "
                    + at.getMonth().getDisplayName(TextStyle.SHORT, locale) + " " + at.getDayOfMonth();
            String time =
                    String.format(locale, "%d:%02d %s", hour12(at), at.getMinute(), at.getHour() < 12 ? "AM" : "PM");
            return switch (language) {
                case "es" ->
                    at.getDayOfWeek().getDisplayName(TextStyle.FULL, locale) + " " + at.getDayOfMonth() + " a las "
                            + String.format("%d:%02d", at.getHour(), at.getMinute());
                case "fr" ->
                    at.getDayOfWeek().getDisplayName(TextStyle.FULL, locale) + " " + at.getDayOfMonth() + " à "
                            + String.format("%d h %02d", at.getHour(), at.getMinute());
                default -> day + " at " + time;
            };
        }
        return switch (language) {
            case "es" ->
                dayEs(date, today, locale) + " a las "
                        + (at.getMinute() == 0
                                ? String.valueOf(at.getHour())
                                : String.format("%d:%02d", at.getHour(), at.getMinute()));
            case "fr" ->
                dayFr(date, today, locale) + " à "
                        + (at.getMinute() == 0
                                ? at.getHour() + " heures"
                                : String.format("%d h %02d", at.getHour(), at.getMinute()));
            default -> timeEn(at) + " " + dayEn(date, today, at.getHour());
        };
    }

    /**
     * A time read out in full, for telling callers when their appointments are: the weekday and the date
     * always ("two thirty tomorrow, Tuesday the 24th"), where {@link #when} may say only "tomorrow".
     */
    static String fullWhen(Instant instant, ZoneId zone, ZonedDateTime now, String language, boolean spoken) {
        if (!spoken) {
            return when(instant, zone, now, language, false);
        }
        ZonedDateTime at = instant.atZone(zone);
        LocalDate date = at.toLocalDate();
        LocalDate today = now.toLocalDate();
        Locale locale = Phrases.locale(language);
        String weekday = at.getDayOfWeek().getDisplayName(TextStyle.FULL, locale);
        String relative = date.equals(today) || date.equals(today.plusDays(1))
                ? Phrases.say(language, date.equals(today) ? "today" : "tomorrow") + " "
                : "";
        return switch (language) {
            case "es", "fr" -> {
                String said = when(instant, zone, now, language, true);
                String time = said.substring(said.indexOf(language.equals("es") ? " a las " : " à "));
                String day = relative.isEmpty()
                        ? (language.equals("es") ? "el " : "") + weekday
                        : relative.strip() + ", " + weekday;
                yield day + " " + date.getDayOfMonth() + time;
            }
            default ->
                timeEn(at) + " " + (relative.isEmpty() ? "on " : relative.strip() + ", ") + weekday + " the "
                        + ordinal(date.getDayOfMonth());
        };
    }

    private static int hour12(ZonedDateTime at) {
        int h = at.getHour() % 12;
        return h == 0 ? 12 : h;
    }

    /**
     * "11 o'clock", "10:30", "noon": digits, which every text-to-speech voice reads as a person would say
     * them ("ten thirty"), and which read right in a transcript.
     */
    private static String timeEn(ZonedDateTime at) {
        int minute = at.getMinute();
        if (at.getHour() == 12 && minute == 0) {
            return "noon";
        }
        if (minute == 0) {
            return hour12(at) + " o'clock";
        }
        return String.format(Locale.ROOT, "%d:%02d", hour12(at), minute);
    }

    private static String dayEn(LocalDate date, LocalDate today, int hour) {
        // "noon tomorrow", not "noon tomorrow afternoon"
        boolean noon = hour == 12;
        String part = noon ? "" : hour < 12 ? " morning" : hour < 17 ? " afternoon" : " evening";
        if (date.equals(today)) {
            return noon ? "today" : hour < 12 ? "this morning" : hour < 17 ? "this afternoon" : "this evening";
        }
        if (date.equals(today.plusDays(1))) {
            return "tomorrow" + part;
        }
        String weekday = date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US);
        if (date.isBefore(today.plusDays(7))) {
            return "on " + weekday + part;
        }
        return "on " + weekday + " the " + ordinal(date.getDayOfMonth());
    }

    private static String dayEs(LocalDate date, LocalDate today, Locale locale) {
        if (date.equals(today)) {
            return "hoy";
        }
        if (date.equals(today.plusDays(1))) {
            return "mañana";
        }
        return "el " + date.getDayOfWeek().getDisplayName(TextStyle.FULL, locale) + " " + date.getDayOfMonth();
    }

    private static String dayFr(LocalDate date, LocalDate today, Locale locale) {
        if (date.equals(today)) {
            return "aujourd'hui";
        }
        if (date.equals(today.plusDays(1))) {
            return "demain";
        }
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, locale) + " " + date.getDayOfMonth();
    }

    static String ordinal(int day) {
        if (day >= 11 && day <= 13) {
            return day + "th";
        }
        return day
                + switch (day % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
    }

    /** A clock time as said in opening hours: "8 AM", "12:30 PM"; "8 h", "8 h 30"; "8:00", "13:30". */
    static String clock(LocalTime time, String language) {
        return switch (language == null ? "en" : language) {
            case "fr" ->
                time.getMinute() == 0
                        ? time.getHour() + " h"
                        : time.getHour() + " h " + String.format("%02d", time.getMinute());
            case "es" -> String.format("%d:%02d", time.getHour(), time.getMinute());
            default -> {
                int h = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
                String ampm = time.getHour() < 12 ? "AM" : "PM";
                yield time.getMinute() == 0 ? h + " " + ampm : String.format("%d:%02d %s", h, time.getMinute(), ampm);
            }
        };
    }

    static String dayName(DayOfWeek day, String language) {
        return day.getDisplayName(TextStyle.FULL, Phrases.locale(language));
    }
}
