package dev.frontdesk.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.scheduling.TimeSlot;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.ServiceOffering;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** What the LLM's tools answer, bound to one business and one caller. */
class BoundLlmToolsTest {

    static final ZoneId ZONE = ZoneId.of("America/New_York");

    @Test
    void availabilityListsEveryFreeTimeSoALateAfternoonSlotIsNotHidden() {
        Business business = Mockito.mock(Business.class);
        Mockito.when(business.timezone()).thenReturn(ZONE);
        Mockito.when(business.service("Drain cleaning"))
                .thenReturn(java.util.Optional.of(new ServiceOffering("Drain cleaning", 60, null, List.of())));
        AssistantTools tools = new AssistantTools(null, null, null, null, null, null, null) {
            @Override
            List<TimeSlot> checkAvailability(Business b, String service, LocalDate date, boolean emergency) {
                List<TimeSlot> slots = new ArrayList<>();
                for (int half = 16; half < 34; half++) { // 8:00 to 16:30, every half hour: 18 starts
                    Instant start =
                            date.atTime(half / 2, half % 2 * 30).atZone(ZONE).toInstant();
                    slots.add(new TimeSlot(start, start.plus(Duration.ofMinutes(60))));
                }
                return slots;
            }
        };
        var bound = new BoundLlmTools(tools, business, "+16175550123", null, "VOICE");

        String answer = bound.checkAvailability("Drain cleaning", LocalDate.of(2026, 11, 24));

        assertThat(answer).contains("\"08:00\"").contains("\"15:00\"").contains("\"16:30\"");
        assertThat(java.util.regex.Pattern.compile("\"\\d\\d:\\d\\d\"")
                        .matcher(answer)
                        .results()
                        .count())
                .isEqualTo(18);
    }
}
