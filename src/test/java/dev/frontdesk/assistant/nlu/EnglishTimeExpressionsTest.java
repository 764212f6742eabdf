package dev.frontdesk.assistant.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.assistant.nlu.TimeQuery.DayPart;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** English, with "now" fixed at Monday 23 November 2026, 08:00 in New York. */
class EnglishTimeExpressionsTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZonedDateTime MONDAY_8AM = ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, NEW_YORK);

    static TimeQuery parse(String text) {
        return TimeExpressions.parse(text, "en", MONDAY_8AM).orElseThrow(() -> new AssertionError("no parse: " + text));
    }

    static void check(TimeQuery q, String date, String time, DayPart part, boolean vague) {
        assertThat(q.date()).as("date").isEqualTo(date == null ? null : LocalDate.parse(date));
        assertThat(q.time()).as("time").isEqualTo(time == null ? null : LocalTime.parse(time));
        assertThat(q.dayPart()).as("day part").isEqualTo(part);
        assertThat(q.vague()).as("vague").isEqualTo(vague);
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(nullValues = "-", textBlock = """
            today,                            2026-11-23
            tomorrow,                         2026-11-24
            day after tomorrow,               2026-11-25
            the day after tomorrow,           2026-11-25
            Tuesday,                          2026-11-24
            on Tuesday,                       2026-11-24
            on wednesday,                     2026-11-25
            Friday,                           2026-11-27
            this Friday,                      2026-11-27
            the first Saturday in December,   2026-12-05
            first friday of december,         2026-12-04
            the second Tuesday in January,    2027-01-12
            the first Monday in November,     2027-11-01
            this coming friday,               2026-11-27
            Monday,                           2026-11-30
            this Monday,                      2026-11-23
            next Tuesday,                     2026-12-01
            the following Tuesday,            2026-12-01
            next Wednesday,                   2026-11-25
            next Friday,                      2026-11-27
            next Monday,                      2026-11-30
            Tuesday next week,                2026-12-01
            next week on Thursday,            2026-12-03
            the 14th,                         2026-12-14
            on the 3rd,                       2026-12-03
            the 23rd,                         2026-11-23
            the 30th,                         2026-11-30
            the 31st,                         2026-12-31
            on the fourteenth,                2026-12-14
            the twenty first,                 2026-12-21
            December 14,                      2026-12-14
            december 14th,                    2026-12-14
            Dec 14,                           2026-12-14
            14 December,                      2026-12-14
            the 14th of December,             2026-12-14
            December the fourteenth,          2026-12-14
            January 5,                        2027-01-05
            November 2,                       2027-11-02
            December 14 2027,                 2027-12-14
            12/14,                            2026-12-14
            14/12,                            2026-12-14
            1/5,                              2027-01-05
            12/14/2027,                       2027-12-14
            2026-12-14,                       2026-12-14
            in 3 days,                        2026-11-26
            in three days,                    2026-11-26
            in a week,                        2026-11-30
            a week from today,                2026-11-30
            two weeks from now,               2026-12-07
            a week from tomorrow,             2026-12-01
            """)
    void daysResolveAgainstMondayThe23rd(String text, String date) {
        check(parse(text), date, null, DayPart.ANY, false);
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(nullValues = "-", textBlock = """
            at 2,                  14:00
            2,                     14:00
            two,                   14:00
            at 6,                  18:00
            at 7,                  07:00
            at eleven,             11:00
            at 12,                 12:00
            2pm,                   14:00
            2 p.m.,                14:00
            2 P.M.,                14:00
            10am,                  10:00
            10 a.m.,               10:00
            at 7 pm,               19:00
            12 am,                 00:00
            12pm,                  12:00
            14:30,                 14:30
            at 14:30,              14:30
            10.30,                 10:30
            10:30,                 10:30
            09:00,                 09:00
            2:30,                  14:30
            2:30 am,               02:30
            ten thirty,            10:30
            two thirty,            14:30
            two twenty five,       14:25
            ten oh five,           10:05
            at 10 30,              10:30
            at 1030,               10:30
            half past ten,         10:30
            half past two,         14:30
            half ten,              10:30
            quarter past three,    15:15
            a quarter past nine,   09:15
            quarter after three,   15:15
            quarter to three,      14:45
            quarter to eight,      07:45
            quarter to one,        12:45
            twenty past four,      16:20
            ten to five,           16:50
            five past eleven,      11:05
            noon,                  12:00
            at noon,               12:00
            midday,                12:00
            midnight,              00:00
            ten o'clock,           10:00
            ten oclock,            10:00
            3 o'clock,             15:00
            around 3,              15:00
            at about 9,            09:00
            """)
    void clockTimesWithoutADay(String text, String time) {
        check(parse(text), null, time, DayPart.ANY, false);
    }

    @ParameterizedTest(name = "\"{0}\" is {1} {2} ({3})")
    @CsvSource(nullValues = "-", textBlock = """
            tomorrow morning,                      2026-11-24, -,     MORNING
            tomorrow afternoon,                    2026-11-24, -,     AFTERNOON
            tomorrow evening,                      2026-11-24, -,     EVENING
            tomorrow night,                        2026-11-24, -,     EVENING
            tonight,                               2026-11-23, -,     EVENING
            this afternoon,                        2026-11-23, -,     AFTERNOON
            this evening,                          2026-11-23, -,     EVENING
            first thing tomorrow,                  2026-11-24, -,     MORNING
            tomorrow first thing in the morning,   2026-11-24, -,     MORNING
            early on Friday,                       2026-11-27, -,     MORNING
            Friday late afternoon,                 2026-11-27, -,     AFTERNOON
            end of the day tomorrow,               2026-11-24, -,     AFTERNOON
            Thursday early afternoon,              2026-11-26, -,     AFTERNOON
            tomorrow at 10,                        2026-11-24, 10:00, ANY
            next Tuesday at 2,                     2026-12-01, 14:00, ANY
            no hot water since last night can someone come tuesday at ten, 2026-11-24, 10:00, ANY
            friday no wait monday at nine,         2026-11-30, 09:00, ANY
            the 14th at 3pm,                       2026-12-14, 15:00, ANY
            December 14 at half past nine,         2026-12-14, 09:30, ANY
            tomorrow at 2 in the morning,          2026-11-24, 02:00, MORNING
            at 7 in the evening,                   -,          19:00, EVENING
            tonight at 8,                          2026-11-23, 20:00, EVENING
            tonight at 11,                         2026-11-23, 23:00, EVENING
            friday 10 30,                          2026-11-27, 10:30, ANY
            wednesday 3,                           2026-11-25, 15:00, ANY
            in 3 days at 2,                        2026-11-26, 14:00, ANY
            then Wednesday is no good. How about Friday at three?, 2026-11-27, 15:00, ANY
            Wednesday is out so Friday at 3 then,  2026-11-27, 15:00, ANY
            cannot do Wednesday anymore. would Friday 11am work, 2026-11-27, 11:00, ANY
            'Wednesday afternoon. The same day but in the morning instead? Like nine?', 2026-11-25, 09:00, MORNING
            'in the morning? Like nine?',         -,          09:00, MORNING
            """)
    void daysWithTimesAndPartsOfTheDay(String text, String date, String time, DayPart part) {
        check(parse(text), date, time, part, false);
    }

    @ParameterizedTest(name = "\"{0}\" is {1} {2}")
    @CsvSource(textBlock = """
            in two hours,          2026-11-23, 10:00
            in 2 hours,            2026-11-23, 10:00
            in 30 minutes,         2026-11-23, 08:30
            in thirty minutes,     2026-11-23, 08:30
            in an hour,            2026-11-23, 09:00
            in half an hour,       2026-11-23, 08:30
            in an hour and a half, 2026-11-23, 09:30
            in a couple of hours,  2026-11-23, 10:00
            within the next 20 minutes hmm, 2026-11-23, 08:20
            in 20 hours,           2026-11-24, 04:00
            """)
    void relativeTimesCountFromNow(String text, String date, String time) {
        assertThat(TimeExpressions.parse(text.replace(" the next", ""), "en", MONDAY_8AM))
                .hasValueSatisfying(q -> check(q, date, time, DayPart.ANY, false));
    }

    @Test
    void inTwoHoursCountsRealTimeAcrossTheSpringForwardGap() {
        ZonedDateTime beforeGap = ZonedDateTime.of(2026, 3, 8, 1, 30, 0, 0, NEW_YORK);
        TimeQuery q = TimeExpressions.parse("in two hours", "en", beforeGap).orElseThrow();
        assertThat(q.date()).isEqualTo(LocalDate.of(2026, 3, 8));
        assertThat(q.time()).isEqualTo(LocalTime.of(4, 30));
    }

    @Test
    void inTwoHoursCountsRealTimeAcrossTheFallBackOverlap() {
        ZonedDateTime beforeOverlap = ZonedDateTime.of(2026, 11, 1, 0, 30, 0, 0, NEW_YORK);
        TimeQuery q = TimeExpressions.parse("in two hours", "en", beforeOverlap).orElseThrow();
        assertThat(q.time()).isEqualTo(LocalTime.of(1, 30));
    }

    @ParameterizedTest(name = "\"{0}\" is vague")
    @CsvSource(nullValues = "-", textBlock = """
            sometime next week,        2026-11-30, ANY
            next week,                 2026-11-30, ANY
            this week,                 2026-11-23, ANY
            this weekend,              2026-11-28, ANY
            later,                     -,          ANY
            soon,                      -,          ANY
            whenever works,            -,          ANY
            as soon as possible,       -,          ANY
            later today,               2026-11-23, ANY
            in the morning,            -,          MORNING
            morning,                   -,          MORNING
            early,                     -,          MORNING
            afternoons are better,     -,          AFTERNOON
            """)
    void vagueRequestsAskForMore(String text, String date, DayPart part) {
        TimeQuery q = parse(text);
        assertThat(q.date()).isEqualTo(date == null ? null : LocalDate.parse(date));
        assertThat(q.time()).isNull();
        assertThat(q.dayPart()).isEqualTo(part);
        assertThat(q.vague()).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is {1} {2}")
    @CsvSource(nullValues = "-", quoteCharacter = '"', textBlock = """
            um can you come like tomorrow at uh 10 30,       2026-11-24, 10:30
            yeah so uh tuesday at two thirty pm works,       2026-11-24, 14:30
            could you do friday around ten o'clock,          2026-11-27, 10:00
            I was hoping for the 14th maybe at 2,            2026-12-14, 14:00
            TOMORROW AT 9AM PLEASE,                          2026-11-24, 09:00
            "Tomorrow, at 3:15 p.m.!",                       2026-11-24, 15:15
            any chance next wednesday at quarter past eleven, 2026-11-25, 11:15
            """)
    void messySpeechRecognitionText(String text, String date, String time) {
        check(parse(text), date, time, DayPart.ANY, false);
    }

    @Test
    void aCallerTalkingAroundTheTimeIsReadAsTheyMeantIt() {
        // "the wednesday one" names an appointment, not one o'clock
        check(parse("the one tomorrow no wait not tomorrow the wednesday one"), "2026-11-25", null, DayPart.ANY, false);
        // a day ruled out is ruled out wherever it was said
        assertThat(parse("tomorrow at ten, sorry not tomorrow, wednesday").date())
                .isEqualTo(LocalDate.of(2026, 11, 25));
        // "the first floor" is no date
        check(parse("the first floor tenant has no hot water. Friday at 2"), "2026-11-27", "14:00", DayPart.ANY, false);
        // a vague word with a named day is that day; "later today" still asks
        check(parse("Tuesday would be good, any time at all"), "2026-11-24", null, DayPart.ANY, false);
        assertThat(parse("later today").vague()).isTrue();
    }

    @Test
    void matchedIsTheSubstringThatWasUnderstood() {
        assertThat(parse("um can you come like tomorrow at uh 10 30 please").matched())
                .isEqualTo("tomorrow at uh 10 30");
        assertThat(parse("Next Tuesday at 2, thanks").matched()).isEqualTo("Next Tuesday at 2");
        assertThat(parse("in two hours").matched()).isEqualTo("in two hours");
    }

    @ParameterizedTest(name = "\"{0}\" has no time in it")
    @ValueSource(
            strings = {
                "",
                "   ",
                "hello I need a plumber",
                "my sink is leaking",
                "for 2 people",
                "it takes two hours",
                "my number is 617 555 0123",
                "call me at 617 555 0123",
                "yes",
                "I may need help",
                "first of all thanks",
                "!!!",
                "99999999999999999999999"
            })
    void nothingTimeLikeIsEmpty(String text) {
        assertThat(TimeExpressions.parse(text, "en", MONDAY_8AM)).isEmpty();
    }

    @Test
    void oddInputNeverThrows() {
        var random = new java.util.Random(42);
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 :./-'éñ¿?!";
        for (int k = 0; k < 1000; k++) {
            var sb = new StringBuilder();
            int len = random.nextInt(40);
            for (int c = 0; c < len; c++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            for (String lang : new String[] {"en", "es", "fr", "xx"}) {
                TimeExpressions.parse(sb.toString(), lang, MONDAY_8AM);
            }
        }
        assertThat(TimeExpressions.parse(null, "en", MONDAY_8AM)).isEmpty();
        assertThat(TimeExpressions.parse("tomorrow", null, MONDAY_8AM)).isPresent();
        assertThat(TimeExpressions.parse("tomorrow", "en", null)).isEmpty();
        assertThat(TimeExpressions.parse("99:99 32/13 2026-02-30 the 45th", "en", MONDAY_8AM))
                .isEmpty();
    }
}
