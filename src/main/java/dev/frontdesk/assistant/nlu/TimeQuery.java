package dev.frontdesk.assistant.nlu;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * When a caller wants something, as far as they said it.
 *
 * @param date the day, or null when no day was said ("at 3": the engine assumes today or asks)
 * @param time the time of day, or null when only a day or a part of the day was said
 * @param dayPart the part of the day that was said ("tomorrow morning", "tonight", "por la tarde"),
 *     {@link DayPart#ANY} when none was said (it is not derived from {@code time})
 * @param vague true when the engine should ask a clarifying question rather than offer slots: a vague
 *     word ("later", "soon", "sometime", "más tarde", "bientôt"), a whole week ("next week", "this
 *     weekend"), or a part of the day with no day and no time ("in the morning")
 * @param matched the part of the caller's text that was understood, from the first word used to the last
 */
public record TimeQuery(LocalDate date, LocalTime time, DayPart dayPart, boolean vague, String matched) {

    /** Parts of the day; {@link #ANY} when none was said. */
    public enum DayPart {
        MORNING,
        AFTERNOON,
        EVENING,
        ANY
    }

    public TimeQuery {
        Objects.requireNonNull(dayPart, "dayPart");
        Objects.requireNonNull(matched, "matched");
    }
}
