package dev.frontdesk.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Owners read the times in a conversation's summary in their business's timezone, summer time included. */
class SummariesTest {

    @Test
    void movedAndCancelledTimesAreInTheBusinessesOwnTime() {
        String summary = Summaries.of(
                List.of(
                        "Moved Boiler service to 2026-07-14T08:30:00Z.",
                        "Cancelled Gas check at 2026-12-01T16:00:00Z."),
                ZoneId.of("Europe/London"));
        assertThat(summary)
                .isEqualTo("Moved Boiler service to 9:30 AM BST on Tue Jul 14, 2026."
                        + " Cancelled Gas check at 4:00 PM GMT on Tue Dec 1, 2026.");
    }

    @Test
    void aConversationWithNothingDoneSaysSo() {
        assertThat(Summaries.of(List.of(), ZoneId.of("America/New_York")))
                .isEqualTo("The caller left without a request.");
    }
}
