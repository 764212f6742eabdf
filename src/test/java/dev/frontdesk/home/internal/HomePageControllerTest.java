package dev.frontdesk.home.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** With Twilio configured the home page does not present the service as a sandbox. */
class HomePageControllerTest {

    @Test
    void withTwilioConfiguredTheSandboxCallInstructionsGiveWayToTheWebhooks() {
        String page = HomePageController.page("https://frontdesk.example.com", false, "n0nce");
        assertThat(page)
                .doesNotContain("Place a sandbox call")
                .contains("Twilio is configured", "/twilio/voice")
                .contains("<code>https://frontdesk.example.com</code>");
    }

    @Test
    void theAddressShownIsEscaped() {
        assertThat(HomePageController.page("http://evil\"><script>x</script>", true, "n0nce"))
                .doesNotContain("<script>")
                .contains("&lt;script&gt;");
    }
}
