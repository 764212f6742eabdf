package dev.frontdesk.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.assistant.Channel;
import dev.frontdesk.scheduling.TimeSlot;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.ServiceOffering;
import dev.frontdesk.tenants.TimeRange;
import dev.frontdesk.tenants.WeeklyHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** What the LLM's tools answer, bound to one business and one caller. */
class BoundLlmToolsTest {

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);
    static final LocalDate THURSDAY = LocalDate.of(2026, 11, 26);

    /** A business open Tuesdays 8:00-17:00, closed on Thanksgiving (Thursday), free every {@code step} minutes. */
    private static BoundLlmTools tools(int step) {
        Business business = Mockito.mock(Business.class);
        Mockito.when(business.timezone()).thenReturn(ZONE);
        Mockito.when(business.service("Drain cleaning"))
                .thenReturn(Optional.of(new ServiceOffering("Drain cleaning", 60, null, List.of())));
        Mockito.when(business.closedDates()).thenReturn(Set.of(THURSDAY));
        Mockito.when(business.hours())
                .thenReturn(new WeeklyHours(Map.of(
                        DayOfWeek.TUESDAY,
                                List.of(TimeRange.parse("08:00-17:00").orElseThrow()),
                        DayOfWeek.THURSDAY,
                                List.of(TimeRange.parse("08:00-17:00").orElseThrow()))));
        AssistantTools tools = new AssistantTools(null, null, null, null, null, null, null, null) {
            @Override
            List<TimeSlot> checkAvailability(Business b, String service, LocalDate date, boolean emergency) {
                List<TimeSlot> slots = new ArrayList<>();
                if (date.equals(THURSDAY)) {
                    return slots;
                }
                for (int minute = 8 * 60; minute <= 16 * 60 + 30; minute += step) { // starts up to 16:30
                    Instant start =
                            date.atTime(minute / 60, minute % 60).atZone(ZONE).toInstant();
                    slots.add(new TimeSlot(start, start.plus(Duration.ofMinutes(60))));
                }
                return slots;
            }
        };
        return new BoundLlmTools(
                tools, null, business, new Dialogue(), UUID.randomUUID(), "+16175550123", Channel.VOICE);
    }

    private static long times(String answer) {
        return Pattern.compile("\"\\d\\d:\\d\\d\"").matcher(answer).results().count();
    }

    @Test
    void availabilityListsEveryFreeTimeSoALateAfternoonSlotIsNotHidden() {
        String answer = tools(30).checkAvailability("Drain cleaning", TUESDAY, null, null);

        assertThat(answer).contains("\"08:00\"").contains("\"15:00\"").contains("\"16:30\"");
        assertThat(times(answer)).isEqualTo(18);
        assertThat(answer).doesNotContain("truncated", "closed");
    }

    @Test
    void aTimeWindowListsOnlyTheTimesInside() {
        String answer =
                tools(30).checkAvailability("Drain cleaning", TUESDAY, LocalTime.of(14, 0), LocalTime.of(16, 0));

        assertThat(answer)
                .isEqualTo("{\"date\": \"2026-11-24\", \"from\": \"14:00\", \"to\": \"16:00\","
                        + " \"free\": [\"14:00\", \"14:30\", \"15:00\", \"15:30\"]}");
    }

    @Test
    void aLongListIsCutAndSaysSoWithTheTimeToAskFromNext() {
        String answer = tools(5).checkAvailability("Drain cleaning", TUESDAY, null, null); // 103 starts

        assertThat(times(answer)).isEqualTo(BoundLlmTools.MAX_SLOTS + 1); // the listed ones and ask_again_from
        assertThat(answer).contains("\"truncated\": true, \"more\": 79, \"ask_again_from\": \"10:00\"");
    }

    @Test
    void aClosedDaySaysItIsClosed() {
        assertThat(tools(30).checkAvailability("Drain cleaning", THURSDAY, null, null))
                .isEqualTo("{\"date\": \"2026-11-26\", \"closed\": true, \"free\": []}");
    }
}
