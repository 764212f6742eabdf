package dev.frontdesk.dashboard;

import static dev.frontdesk.dashboard.DashboardConversationsTest.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.directory.Directory;
import dev.frontdesk.messaging.Messages;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import dev.frontdesk.tenants.BusinessId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;

/**
 * The Messages page (open and handled messages for staff, marking one handled, the staff directory with
 * who is available now) and the Outbox page (what the sandbox sent for the business).
 */
@DashboardTest
class DashboardMessagesTest {

    @Autowired
    TestApi api;

    @Autowired
    Dashboard dashboard;

    @Autowired
    Directory directory;

    @Autowired
    Messages messages;

    @BeforeEach
    void clock() {
        dashboard.resetClock();
    }

    static BusinessId id(TestBusiness business) {
        return new BusinessId(UUID.fromString(business.id()));
    }

    private void add(TestBusiness business, String path, String json) {
        api.perform(
                api.as(business, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json),
                201);
    }

    @Test
    void staffSeeOpenMessagesMarkOneHandledAndSeeWhoIsAvailable() {
        TestBusiness business = api.createBusiness("Messages page plumbing");
        add(business, "/api/departments", """
                {"name": "Billing", "description": "Invoices and payments", "hours": {"MONDAY": ["09:00-17:00"]}}""");
        add(business, "/api/employees", """
                {"name": "Sam Lee", "phone": "+16175550111", "department": "Billing", "roles": ["accounts"],
                 "hours": {"MONDAY": ["08:00-12:00"]}}""");
        add(business, "/api/employees", """
                {"name": "Alex Away", "phone": "+16175550112", "status": "AWAY"}""");
        var first = directory.leaveMessage(id(business), "Sam", "Dana Smith", "+16175550123", "Call me about my bill");
        directory.leaveMessage(id(business), null, "Lee Jones", "+16175550124", "The boiler is ticking again");
        MockHttpSession staff = dashboard.signedIn(business, "STAFF");

        String page = body(api.perform(get("/messages").session(staff), 200));
        assertThat(page)
                .contains("<h1>Messages and staff</h1>")
                .contains("Call me about my bill", "for <span>Sam Lee</span>")
                .contains("The boiler is ticking again", "for <span>Owner</span>")
                .contains("Mark the message from Dana Smith handled");
        String roster = page.replaceAll("\\s+", " ");
        assertThat(roster)
                .contains("<td>Sam Lee</td> <td>Billing</td> <td>accounts</td> <td>Active</td> <td>Yes</td>")
                .contains("<td>Alex Away</td> <td>–</td> <td></td> <td>Away</td> <td>No</td>")
                // Billing opens at 09:00; it is 08:00 on Monday in New York
                .contains("<td>Billing</td> <td>Invoices and payments</td> <td>No</td>");

        String list = body(api.perform(
                post("/messages/" + first.messageId() + "/handled")
                        .session(staff)
                        .with(csrf())
                        .header("HX-Request", "true"),
                200));
        assertThat(list)
                .contains("Marked handled.", "The boiler is ticking again")
                .doesNotContain("Call me about my bill")
                .doesNotContain("<html");
        assertThat(api.getJson("/api/messages/" + first.messageId(), business, 200)
                        .get("status")
                        .asString())
                .isEqualTo("DONE");
        assertThat(body(api.perform(get("/messages?show=handled").session(staff), 200)))
                .contains("Call me about my bill")
                .doesNotContain("The boiler is ticking again")
                .doesNotContain("Mark the message");

        api.perform(post("/messages/not-an-id/handled").session(staff).with(csrf()), 404);
    }

    @Test
    void aViewerSeesMessagesButCannotMarkThemHandled() {
        TestBusiness business = api.createBusiness("Messages viewer plumbing");
        var message = directory.leaveMessage(id(business), null, "Dana Smith", "+16175550123", "Please call back");
        MockHttpSession viewer = dashboard.signedIn(business, "VIEWER");

        assertThat(body(api.perform(get("/messages").session(viewer), 200)))
                .contains("Please call back")
                .doesNotContain("Mark the message");
        api.perform(
                post("/messages/" + message.messageId() + "/handled")
                        .session(viewer)
                        .with(csrf()),
                403);
        assertThat(api.getJson("/api/messages/" + message.messageId(), business, 200)
                        .get("status")
                        .asString())
                .isNotEqualTo("DONE");
    }

    @Test
    void theOutboxShowsWhatTheSandboxSentForTheBusinessFilteredByChannel() {
        TestBusiness business = api.createBusiness("Outbox page plumbing");
        messages.sendSms(
                id(business),
                new dev.frontdesk.shared.PhoneNumber("+16175550123"),
                "Reminder: drain cleaning tomorrow at 10:00",
                Messages.Purpose.REMINDER);
        messages.sendEmail(
                id(business),
                new Messages.Email(
                        "dana@example.com",
                        "Dana",
                        "Your appointment",
                        "See you on Tuesday",
                        List.of(new Messages.Attachment("invite.ics", "text/calendar", "BEGIN:VCALENDAR"))));
        MockHttpSession viewer = dashboard.signedIn(business, "VIEWER");

        String all = body(api.perform(get("/outbox").session(viewer), 200));
        assertThat(all)
                .contains("<h1>Sandbox outbox</h1>")
                .contains("Reminder: drain cleaning tomorrow at 10:00", "+16175550123")
                .contains("Your appointment", "dana@example.com", "Attached: invite.ics");
        assertThat(body(api.perform(get("/outbox?channel=EMAIL").session(viewer), 200)))
                .contains("Your appointment")
                .doesNotContain("Reminder: drain cleaning");
        assertThat(body(api.perform(get("/outbox?channel=WHATSAPP").session(viewer), 200)))
                .contains("Nothing sent yet.");
    }
}
