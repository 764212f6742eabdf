package dev.frontdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Asking for password reset links is limited per email (3 an hour) and per client address (10 an hour); over a
 * limit no link is sent and the page answers exactly as it does for an email that is no login.
 */
@DashboardTest
class PasswordResetLimitsTest {

    @Autowired
    TestApi api;

    @Autowired
    Dashboard dashboard;

    @BeforeEach
    void clock() {
        dashboard.resetClock();
    }

    /** Posts the reset form from this client address; returns the page without its CSRF token. */
    private String askForReset(String email, String clientAddress) throws Exception {
        return api.perform(
                        post("/password-reset")
                                .with(csrf())
                                .with(request -> {
                                    request.setRemoteAddr(clientAddress);
                                    return request;
                                })
                                .param("email", email),
                        200)
                .getResponse()
                .getContentAsString()
                .replaceAll("value=\"[^\"]+\"", "");
    }

    /** Emails the sandbox sent to this address. */
    private long emailsTo(TestBusiness business, String to) {
        long count = 0;
        for (var message :
                api.getJson("/api/outbox?pageSize=100", business, 200).get("items")) {
            if (message.get("to").asString().equals(to)) {
                count++;
            }
        }
        return count;
    }

    @Test
    void aFourthLinkForOneEmailWithinTheHourIsNotSentAndTheAnswerIsTheSameAsForNoLogin() throws Exception {
        TestBusiness business = api.createBusiness("Reset limit per email");
        String email = dashboard.addUser(business, "STAFF");
        String neutral = askForReset("nobody-" + UUID.randomUUID() + "@reset.example", "192.0.2.10");

        for (int i = 0; i < 3; i++) {
            assertThat(askForReset(email, "192.0.2.11")).isEqualTo(neutral);
        }
        assertThat(emailsTo(business, email)).isEqualTo(3);

        // over the limit, even from another address: the same page, no fourth email
        assertThat(askForReset(email, "192.0.2.12")).isEqualTo(neutral);
        assertThat(emailsTo(business, email)).isEqualTo(3);

        // a third of the hour later, one more may be sent
        dashboard.clock().advance(Duration.ofMinutes(21));
        assertThat(askForReset(email, "192.0.2.12")).isEqualTo(neutral);
        assertThat(emailsTo(business, email)).isEqualTo(4);
    }

    @Test
    void oneClientAddressAskingForManyEmailsGetsNoLinkPastTenAnHour() throws Exception {
        TestBusiness business = api.createBusiness("Reset limit per address");
        String email = dashboard.addUser(business, "OWNER");
        String busy = "198.51.100.7";
        String neutral = askForReset("nobody-" + UUID.randomUUID() + "@reset.example", busy);
        for (int i = 0; i < 9; i++) {
            askForReset("guess-" + i + "-" + UUID.randomUUID() + "@reset.example", busy);
        }

        assertThat(askForReset(email, busy)).isEqualTo(neutral);
        assertThat(emailsTo(business, email)).isZero();

        // another address is not held back by it
        assertThat(askForReset(email, "192.0.2.99")).isEqualTo(neutral);
        assertThat(emailsTo(business, email)).isEqualTo(1);
    }
}
