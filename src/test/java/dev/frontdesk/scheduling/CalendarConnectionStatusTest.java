package dev.frontdesk.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the dashboard's settings page says about video links, for each meetings provider. */
class CalendarConnectionStatusTest {

    private static CalendarConnection.Status with(String meetings) {
        return new CalendarConnection.Status("google", "team@example.com", meetings, null, null);
    }

    @Test
    void theOwnerReadsWhichProviderMakesTheVideoLinks() {
        assertThat(with("zoom").meetingsLabel()).startsWith("Zoom connected");
        assertThat(with("google_meet").meetingsLabel()).startsWith("Google Meet");
        assertThat(with("none").meetingsLabel()).isEqualTo("Not connected");
        assertThat(with(null).meetingsLabel()).isEqualTo("Not connected");
    }
}
