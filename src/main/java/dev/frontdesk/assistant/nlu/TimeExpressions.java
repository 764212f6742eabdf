package dev.frontdesk.assistant.nlu;

import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Reads when a caller wants something from what they said or typed, in English, Spanish or French:
 * "tomorrow morning", "next Tuesday at 2", "the 14th", "half past ten", "in two hours", "mañana a las
 * diez", "jeudi prochain à 14h". Written for messy speech-recognition text: no punctuation, fillers ("um",
 * "euh"), accents dropped, "2 p.m.", "10 30", "ten o'clock".
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>A clock hour without am/pm: 1–6 means afternoon (13:00–18:00), 7–11 morning, 12 noon; 0 and 13–23
 *       are 24-hour; "09:00" with a leading zero is 24-hour. A said part of the day overrides ("at 2 in
 *       the morning" is 02:00, "a las diez de la noche" 22:00).
 *   <li>A bare weekday ("Tuesday", "el martes", "mardi") is the nearest one strictly after today; "this
 *       Friday" ("este viernes", "ce vendredi") may be today; "next Tuesday" ("el próximo martes", "el
 *       martes que viene", "mardi prochain") is the nearest Tuesday at least two days away, so said on a
 *       Monday it is the Tuesday of next week and said on a Thursday it is the coming one. With a week
 *       ("Tuesday next week") the weekday is taken inside that week.
 *   <li>A day of the month alone ("the 14th", "el 14", "le 14") is this month if it is today or still
 *       ahead, else the next month that has that day; a month and day without a year is the next
 *       occurrence.
 *   <li>Numeric dates: ISO {@code 2026-12-14} everywhere; {@code 12/14} is month/day in English and
 *       {@code 14/12} day/month in Spanish and French; the other order is used only when it is the one
 *       reading that is a date. With no language the English reading is tried first.
 *   <li>"in two hours" is counted on the clock (across DST changes), truncated to the minute; "in 3 days"
 *       gives a day only.
 *   <li>{@code vague} is set for vague words ("later", "soon", "sometime", "más tarde", "bientôt"), a
 *       whole week ("next week", "this weekend") and a part of the day with no day and no time ("in the
 *       morning", "early"): the engine should ask. A time with no day ("at 3") is not vague; its date is
 *       null.
 * </ul>
 */
public final class TimeExpressions {

    private static final int MAX_LENGTH = 1000;

    private TimeExpressions() {}

    /**
     * @param text what the caller said
     * @param language "en", "es" or "fr" (regional forms such as "es-MX" work); any other value tries all
     *     three and keeps the reading that understood the most text
     * @param now the current time in the business's timezone
     * @return the time expression found, or empty when there is none
     */
    public static Optional<TimeQuery> parse(String text, String language, ZonedDateTime now) {
        if (text == null || text.isBlank() || now == null) {
            return Optional.empty();
        }
        String input = text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
        TimeQuery best = null;
        for (Language lang : Languages.forCode(language)) {
            TimeQuery q = TimeParser.parse(input, lang.lexicon(), now).orElse(null);
            if (q != null
                    && (best == null || q.matched().length() > best.matched().length())) {
                best = q;
            }
        }
        return Optional.ofNullable(best);
    }
}
