package dev.frontdesk.assistant.nlu;

import dev.frontdesk.assistant.nlu.TimeQuery.DayPart;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;

/** A piece of a time expression found by one of the time rules, spanning tokens {@code [from, to)}. */
sealed interface TimePiece {

    int from();

    int to();

    /** A day; {@code absolute} when said as a date, {@code weekday} when said as a weekday. */
    record DayPiece(int from, int to, LocalDate date, boolean absolute, DayOfWeek weekday) implements TimePiece {}

    record WeekPiece(int from, int to, LocalDate monday, LocalDate date) implements TimePiece {}

    record PartPiece(int from, int to, DayPart part, Integer dayOffset) implements TimePiece {}

    record ClockPiece(int from, int to, int hour, int minute, int offset, Mer mer) implements TimePiece {}

    record RelPiece(int from, int to, Duration clock, int days) implements TimePiece {}

    record VaguePiece(int from, int to) implements TimePiece {}

    /** How a clock hour was said: plain, with am or pm, or in 24-hour form. */
    enum Mer {
        NONE,
        AM,
        PM,
        H24
    }
}
