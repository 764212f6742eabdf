package dev.frontdesk.notifications;

import static dev.frontdesk.notifications.CustomerTextsTest.book;
import static dev.frontdesk.notifications.CustomerTextsTest.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.dashboard.Dashboard;
import dev.frontdesk.dashboard.DashboardTest;
import dev.frontdesk.directory.Directory;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import dev.frontdesk.tenants.BusinessId;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The owner's choices per event ({@code /api/notification-settings}): SMS to the owner's phone
 * (+16175550142), email to the owner's address (owner@example.com), both or none; defaults as before
 * owners could choose (emergencies by SMS, messages by SMS and email, the rest none).
 */
@DashboardTest
class OwnerNotificationsTest {

    static final String OWNER_PHONE = "+16175550142";
    static final String OWNER_EMAIL = "owner@example.com";

    @Autowired
    TestApi api;

    @Autowired
    Dashboard dashboard;

    @Autowired
    Directory directory;

    @Autowired
    Conversations conversations;

    @BeforeEach
    void clock() {
        dashboard.resetClock();
    }

    private JsonNode choose(TestBusiness business, String json, int status) {
        return api.read(api.perform(
                api.as(business, put("/api/notification-settings"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json),
                status));
    }

    private List<String> ownerTexts(TestBusiness business) {
        return texts(api, business, OWNER_PHONE, "OWNER_ALERT").stream()
                .map(m -> m.get("body").asString())
                .toList();
    }

    private List<JsonNode> ownerEmails(TestBusiness business) {
        return api.getJson("/api/outbox?channel=EMAIL&pageSize=100", business, 200)
                .get("items")
                .valueStream()
                .filter(m -> m.get("to").asString().equals(OWNER_EMAIL))
                .toList();
    }

    private static BusinessId id(TestBusiness business) {
        return new BusinessId(UUID.fromString(business.id()));
    }

    @Test
    void theSettingsStartAtTheDefaultsAndAChoiceIsKept() {
        TestBusiness business = api.createBusiness("Choosing Plumbing");
        JsonNode defaults = api.getJson("/api/notification-settings", business, 200);
        assertThat(defaults.get("newBooking").asString()).isEqualTo("NONE");
        assertThat(defaults.get("cancellation").asString()).isEqualTo("NONE");
        assertThat(defaults.get("emergency").asString()).isEqualTo("SMS");
        assertThat(defaults.get("messageTaken").asString()).isEqualTo("SMS_AND_EMAIL");
        assertThat(defaults.get("missedCall").asString()).isEqualTo("NONE");
        assertThat(defaults.get("dailySummary").asBoolean()).isFalse();
        assertThat(defaults.get("dailySummaryHour").asInt()).isEqualTo(7);

        JsonNode saved =
                choose(business, "{\"newBooking\": \"email\", \"dailySummary\": true, \"dailySummaryHour\": 18}", 200);
        assertThat(saved.get("newBooking").asString()).isEqualTo("EMAIL");
        assertThat(saved.get("emergency").asString()).isEqualTo("SMS");
        JsonNode read = api.getJson("/api/notification-settings", business, 200);
        assertThat(read.get("newBooking").asString()).isEqualTo("EMAIL");
        assertThat(read.get("dailySummary").asBoolean()).isTrue();
        assertThat(read.get("dailySummaryHour").asInt()).isEqualTo(18);
    }

    @Test
    void aWrongChoiceIsAProblemNamingTheFieldAndChangesNothing() {
        TestBusiness business = api.createBusiness("Wrong Choice Plumbing");
        var result = api.perform(
                api.as(business, put("/api/notification-settings"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"emergency\": \"PIGEON\", \"dailySummaryHour\": 24}"),
                400);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        JsonNode problem = api.read(result);
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("emergency", "dailySummaryHour");
        assertThat(api.getJson("/api/notification-settings", business, 200)
                        .get("emergency")
                        .asString())
                .isEqualTo("SMS");
        choose(business, "{\"dailySummaryHour\": \"seven\"}", 400);
        api.perform(get("/api/notification-settings"), 401);
    }

    @Test
    void oneBusinessesChoicesAreNotAnothers() {
        TestBusiness a = api.createBusiness("Isolated A");
        TestBusiness b = api.createBusiness("Isolated B");
        choose(a, "{\"newBooking\": \"SMS_AND_EMAIL\", \"missedCall\": \"SMS\"}", 200);
        JsonNode seenByB = api.getJson("/api/notification-settings", b, 200);
        assertThat(seenByB.get("newBooking").asString()).isEqualTo("NONE");
        assertThat(seenByB.get("missedCall").asString()).isEqualTo("NONE");
        choose(b, "{\"newBooking\": \"NONE\"}", 200);
        assertThat(api.getJson("/api/notification-settings", a, 200)
                        .get("newBooking")
                        .asString())
                .isEqualTo("SMS_AND_EMAIL");
    }

    @Test
    void theOwnerHearsOfBookingsAndCancellationsTheWayTheyChose() {
        TestBusiness business = api.createBusiness("Told Plumbing");
        choose(business, "{\"newBooking\": \"EMAIL\", \"cancellation\": \"SMS\"}", 200);
        String id = book(api, business, "2026-11-24T10:00", "+16175550301", null);

        await().atMost(Duration.ofSeconds(10)).until(() -> ownerEmails(business).size() == 1);
        JsonNode email = ownerEmails(business).getFirst();
        assertThat(email.get("subject").asString()).isEqualTo("Told Plumbing: new booking");
        assertThat(email.get("body").asString())
                .isEqualTo(
                        "New booking: Drain cleaning for Dana Smith (+16175550301) on Tuesday, November 24 at 10:00 AM.");

        api.perform(api.as(business, post("/api/appointments/" + id + "/cancel")), 200);
        await().atMost(Duration.ofSeconds(10)).until(() -> ownerTexts(business).size() == 1);
        assertThat(ownerTexts(business).getFirst())
                .isEqualTo(
                        "Cancelled: Drain cleaning for Dana Smith (+16175550301) on Tuesday, November 24 at 10:00 AM.");
        // the booking was not texted, the cancellation not emailed
        assertThat(ownerEmails(business)).hasSize(1);
    }

    @Test
    void byDefaultTheOwnerIsNotToldOfBookings() {
        TestBusiness business = api.createBusiness("Untold Plumbing");
        book(api, business, "2026-11-24T10:00", "+16175550302", null);
        // once the customer's text is out, the listeners have run: nothing went to the owner
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        texts(api, business, "+16175550302", "CONFIRMATION").size() == 1);
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(3))
                .until(() ->
                        ownerTexts(business).isEmpty() && ownerEmails(business).isEmpty());
    }

    @Test
    void aMessageForTheOwnerGoesTheWayTheOwnerChose() {
        TestBusiness emailOnly = api.createBusiness("Email Messages Plumbing");
        choose(emailOnly, "{\"messageTaken\": \"EMAIL\"}", 200);
        var receipt = directory.leaveMessage(id(emailOnly), null, "Lee Jones", "+16175550303", "Call me back please");
        assertThat(receipt.status()).isEqualTo("DELIVERED");
        assertThat(ownerEmails(emailOnly)).hasSize(1);
        assertThat(ownerEmails(emailOnly).getFirst().get("body").asString()).contains("Call me back please");
        assertThat(ownerTexts(emailOnly)).isEmpty();

        TestBusiness none = api.createBusiness("Dashboard Only Plumbing");
        choose(none, "{\"messageTaken\": \"NONE\"}", 200);
        directory.leaveMessage(id(none), null, "Lee Jones", "+16175550303", "Call me back please");
        assertThat(ownerEmails(none)).isEmpty();
        assertThat(ownerTexts(none)).isEmpty();
        assertThat(api.getJson("/api/messages", none, 200).get("total").asInt()).isEqualTo(1);
    }

    @Test
    void aMissedCallIsTextedWhenTheOwnerAskedForIt() {
        TestBusiness business = api.createBusiness("Missed Calls Plumbing");
        choose(business, "{\"missedCall\": \"SMS\"}", 200);
        var call = conversations.openOrContinue(
                id(business), "VOICE", "CA" + UUID.randomUUID(), "+16175550304", "en", Duration.ofMinutes(30));
        conversations.end(id(business), call.id(), Conversation.Outcome.ABANDONED, "Hung up", false);

        await().atMost(Duration.ofSeconds(10)).until(() -> ownerTexts(business).size() == 1);
        assertThat(ownerTexts(business).getFirst())
                .isEqualTo("Missed call from +16175550304 at 8:00 AM: they hung up before anything was done.");
    }

    private void say(TestBusiness business, String text) {
        api.perform(
                api.as(business, post("/api/simulator/turns"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"" + text
                                + "\", \"channel\": \"VOICE\", \"callerPhone\": \"+16175550305\"}"),
                200);
    }

    @Test
    void anEmergencyIsEmailedWhenTheOwnerChoseEmailAndTextedByDefault() {
        TestBusiness emailed = api.createBusiness("Emailed Emergencies Plumbing");
        choose(emailed, "{\"emergency\": \"EMAIL\"}", 200);
        say(emailed, "help a pipe burst in my kitchen and there's water everywhere");
        assertThat(ownerEmails(emailed)).hasSize(1);
        assertThat(ownerEmails(emailed).getFirst().get("subject").asString())
                .isEqualTo("URGENT - Emailed Emergencies Plumbing: emergency call");
        assertThat(ownerEmails(emailed).getFirst().get("body").asString()).contains("pipe burst");
        assertThat(ownerTexts(emailed)).isEmpty();

        TestBusiness texted = api.createBusiness("Texted Emergencies Plumbing");
        say(texted, "help a pipe burst in my kitchen and there's water everywhere");
        assertThat(ownerTexts(texted)).hasSize(1).first().asString().startsWith("URGENT");
        assertThat(ownerEmails(texted)).isEmpty();
    }
}
