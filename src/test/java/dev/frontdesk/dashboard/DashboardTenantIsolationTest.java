package dev.frontdesk.dashboard;

import static dev.frontdesk.dashboard.DashboardConversationsTest.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.directory.Directory;
import dev.frontdesk.messaging.Messages;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import dev.frontdesk.tenants.BusinessId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;

/**
 * A user of one business never reaches another business's conversations, customers (their page, timeline
 * and flags), lead imports, messages or outbox by changing ids: another business's id is "not found"
 * (404, not 403, which would confirm it exists), as in the API, and nothing of it changes. (The
 * appointments' isolation is in {@link DashboardAppointmentsTest}.)
 */
@DashboardTest
class DashboardTenantIsolationTest {

    @Autowired
    TestApi api;

    @Autowired
    Dashboard dashboard;

    @Autowired
    Conversations conversations;

    @Autowired
    Directory directory;

    @Autowired
    Messages messages;

    @Test
    void aUserOfOneBusinessGetsNotFoundForAnotherBusinesssIdsOnEveryPage() {
        TestBusiness mine = api.createBusiness("My isolated plumbing");
        TestBusiness theirs = api.createBusiness("Their isolated plumbing");
        BusinessId their = new BusinessId(UUID.fromString(theirs.id()));
        String customer = api.read(api.perform(
                        api.as(theirs, post("/api/customers"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\": \"Their Customer\", \"phone\": \"+16175550177\"}"),
                        201))
                .get("id")
                .asString();
        var conversation = conversations.openOrContinue(their, "SMS", "+16175550177", "+16175550177", "en", null);
        conversations.record(their, conversation.id(), "CALLER", "Their secret transcript");
        conversations.end(their, conversation.id(), Conversation.Outcome.ANSWERED, "Their secret summary", false);
        var message = directory.leaveMessage(their, null, "Their Caller", "+16175550177", "Their secret message");
        messages.sendSms(
                their,
                new dev.frontdesk.shared.PhoneNumber("+16175550177"),
                "Their secret text",
                Messages.Purpose.REPLY);
        String leadImport = api.read(api.perform(
                        api.as(theirs, post("/api/leads/upload"))
                                .contentType("text/csv")
                                .content("name,phone\nTheir Lead,+16175550178\nTheir Secret Lead,not a number\n"),
                        201))
                .get("id")
                .asString();
        MockHttpSession me = dashboard.signedIn(mine, "OWNER");

        // their ids, one by one: not found, and the answer says nothing of theirs
        for (String path : new String[] {
            "/conversations/" + conversation.id(),
            "/customers/" + customer,
            "/customers/" + customer + "?page=2",
            "/customers/imports/" + leadImport,
            "/customers/imports/" + leadImport + "/status",
            "/customers/imports/" + leadImport + "/errors.csv"
        }) {
            assertThat(body(api.perform(get(path).session(me), 404)))
                    .as(path)
                    .doesNotContain("Their secret", "Their Customer", "Their Lead");
        }
        api.perform(
                post("/customers/" + customer + "/flags")
                        .session(me)
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("doNotCall", "true"),
                404);
        api.perform(
                post("/messages/" + message.messageId() + "/handled")
                        .session(me)
                        .with(csrf())
                        .header("HX-Request", "true"),
                404);

        // their data appears in none of my lists
        for (String path : new String[] {
            "/conversations", "/conversations?q=secret", "/customers", "/customers?q=Their", "/messages", "/outbox", "/"
        }) {
            assertThat(body(api.perform(get(path).session(me), 200)))
                    .as(path)
                    .doesNotContain("Their secret", "Their Customer", "Their Caller", "Their Lead");
        }

        // and nothing of theirs changed
        var theirCustomer = api.getJson("/api/customers/" + customer, theirs, 200);
        assertThat(theirCustomer.get("doNotCall").asBoolean()).isFalse();
        assertThat(api.getJson("/api/messages/" + message.messageId(), theirs, 200)
                        .get("status")
                        .asString())
                .isNotEqualTo("DONE");
    }

    @Test
    void aUserOfOneBusinessGetsNotFoundForAnotherBusinesssKnowledgeEntriesAndNeverItsAnswers() {
        TestBusiness mine = api.createBusiness("My knowledge plumbing");
        TestBusiness theirs = api.createBusiness("Their knowledge plumbing");
        String entry = api.read(api.perform(
                        api.as(theirs, post("/api/knowledge"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                        {"question": "What is your secret discount code?",
                                         "answer": "Their secret code is PIPES50."}"""),
                        201))
                .get("id")
                .asString();
        MockHttpSession me = dashboard.signedIn(mine, "OWNER");

        assertThat(body(api.perform(get("/knowledge/" + entry).session(me), 404)))
                .doesNotContain("Their secret", "secret discount");
        api.perform(
                post("/knowledge/" + entry)
                        .session(me)
                        .with(csrf())
                        .param("question", "Mine now?")
                        .param("answer", "Taken over."),
                404);
        api.perform(post("/knowledge/" + entry + "/delete").session(me).with(csrf()), 404);

        assertThat(body(api.perform(get("/knowledge").session(me), 200))).doesNotContain("Their secret");
        assertThat(body(api.perform(get("/knowledge").param("q", "secret").session(me), 200)))
                .doesNotContain("Their secret");
        assertThat(body(api.perform(
                        get("/knowledge/test")
                                .param("question", "What is your secret discount code?")
                                .session(me),
                        200)))
                .doesNotContain("PIPES50")
                .contains("No answer");

        var theirEntry = api.getJson("/api/knowledge/" + entry, theirs, 200);
        assertThat(theirEntry.get("question").asString()).isEqualTo("What is your secret discount code?");
        assertThat(theirEntry.get("answer").asString()).isEqualTo("Their secret code is PIPES50.");
    }
}
