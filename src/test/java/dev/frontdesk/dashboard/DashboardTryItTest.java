package dev.frontdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Try it: talking to the business's assistant as a caller from the dashboard, turn by turn, with the booking
 * showing beside the chat; bad lines explained in place; roles; and one business's user never continuing or
 * seeing another business's conversation.
 */
@DashboardTest
class DashboardTryItTest {

    private static final Pattern SESSION = Pattern.compile("name=\"session\" value=\"([^\"]*)\"");
    private static final Pattern CONVERSATION = Pattern.compile("name=\"conversation\" value=\"([^\"]*)\"");

    @Autowired
    TestApi api;

    @Autowired
    Dashboard dashboard;

    @BeforeEach
    void clock() {
        dashboard.resetClock();
    }

    private static String body(MvcResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String field(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        return m.find() ? m.group(1) : "";
    }

    /** The chat form as htmx posts it, carrying the conversation so far from {@code previous} (if any). */
    private static MockHttpServletRequestBuilder say(MockHttpSession session, String previous, String text) {
        return post("/try")
                .session(session)
                .with(csrf())
                .header("HX-Request", "true")
                .param("session", previous == null ? "" : field(SESSION, previous))
                .param("conversation", previous == null ? "" : field(CONVERSATION, previous))
                .param("channel", "VOICE")
                .param("language", "en")
                .param("phone", "617 555 0123")
                .param("text", text);
    }

    private String turn(MockHttpSession session, String previous, String text) {
        return body(api.perform(say(session, previous, text), 200));
    }

    @Test
    void staffBookByTalkingToTheAssistantAndTheBookingShowsBesideTheChat() {
        TestBusiness business = api.createBusiness("Try it plumbing");
        MockHttpSession session = dashboard.signedIn(business, "STAFF");

        String page = body(api.perform(get("/try").session(session), 200));
        assertThat(page)
                .contains("<h1>Try it</h1>", "Phone call", "Text chat", "Spanish", "+1 617 555 0123")
                .contains("No upcoming appointments", "name=\"_csrf\"", "/dashboard/try-it.js");

        String first = turn(session, null, "hi I need a drain cleaning tomorrow at 10");
        // the greeting as on a call, the caller's line, and the assistant's answer, as a fragment
        assertThat(first)
                .doesNotContain("<html")
                .contains("Thanks for calling Try it plumbing", "hi I need a drain cleaning tomorrow at 10")
                .contains("Phone call in English from 617 555 0123");
        assertThat(field(SESSION, first)).isNotEmpty();

        String named = turn(session, first, "Dana Smith");
        String confirmed = turn(session, named, "yes please");
        assertThat(confirmed).contains("id=\"try-appointments\"", "hx-swap-oob=\"true\"");
        assertThat(confirmed).contains("Tue 24 Nov 10:00", "Drain cleaning", "Dana Smith", "this caller");
        assertThat(field(SESSION, confirmed)).isEqualTo(field(SESSION, first));

        // the API sees the same appointment and the conversation, and the chat goes on until the goodbye
        var appointments = api.getJson("/api/appointments", business, 200);
        assertThat(appointments.get("total").asInt()).isEqualTo(1);
        assertThat(appointments.at("/items/0/start").asString()).isEqualTo("2026-11-24T15:00:00Z");
        String last = turn(session, confirmed, "no that's all thanks");
        assertThat(last).contains("The assistant ended the conversation").doesNotContain("id=\"try-text\"");
        assertThat(api.getJson("/api/conversations", business, 200)
                        .at("/items/0/outcome")
                        .asString())
                .isEqualTo("BOOKED");
        assertThat(turn(session, last, "hello again")).contains("This conversation has ended");
    }

    @Test
    void aTextChatInSpanishIsAnsweredInSpanishAndStartOverBeginsANewConversation() {
        TestBusiness business = api.createBusiness("Fontanería Try");
        MockHttpSession session = dashboard.signedIn(business, "OWNER");

        String first = body(api.perform(
                post("/try")
                        .session(session)
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("channel", "SIMULATOR")
                        .param("language", "es")
                        .param("phone", "+16175550188")
                        .param("speak", "on")
                        .param("text", "hola"),
                200));
        assertThat(first).contains("asistente virtual de Fontanería Try", "Text chat in Spanish");
        assertThat(first).contains("name=\"speak\" value=\"on\" checked");

        String restarted = body(api.perform(
                post("/try/restart")
                        .session(session)
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("session", field(SESSION, first))
                        .param("conversation", field(CONVERSATION, first))
                        .param("channel", "SIMULATOR")
                        .param("language", "es")
                        .param("phone", "+16175550188"),
                200));
        // a new conversation: no lines, the settings kept and changeable again
        assertThat(restarted).doesNotContain("asistente virtual", "Start over to change these");
        assertThat(field(SESSION, restarted)).isEmpty();
        assertThat(restarted).contains("<option value=\"es\" selected=\"selected\">Spanish</option>");
        var conversations = api.getJson("/api/conversations", business, 200);
        assertThat(conversations.get("total").asInt()).isEqualTo(1);
        assertThat(conversations.at("/items/0/outcome").asString()).isNotEqualTo("IN_PROGRESS");
    }

    @Test
    void anEmptyLineALongLineAndABadNumberAreExplainedInPlaceAndStartNothing() {
        TestBusiness business = api.createBusiness("Try it errors plumbing");
        MockHttpSession session = dashboard.signedIn(business, "OWNER");

        assertThat(turn(session, null, "   ")).contains("Type what the caller says", "role=\"alert\"");
        String tooLong = turn(session, null, "a".repeat(501));
        assertThat(tooLong).contains("at most 500 characters", "aria-invalid=\"true\"");
        String badPhone = body(api.perform(
                post("/try")
                        .session(session)
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("phone", "not a number")
                        .param("text", "hello"),
                200));
        assertThat(badPhone).contains("Enter the caller&#39;s phone number", "value=\"hello\"");
        assertThat(api.getJson("/api/conversations", business, 200).get("total").asInt())
                .isZero();

        // without JavaScript the form posts and the whole page comes back with the explanation
        String plain =
                body(api.perform(post("/try").session(session).with(csrf()).param("text", ""), 200));
        assertThat(plain).contains("<html", "<h1>Try it</h1>", "Type what the caller says");
    }

    @Test
    void aBusinessSuspendedWhileItsOwnerIsOnTryItStopsTheChatAndSignsTheOwnerOut() {
        TestBusiness business = api.createBusiness("Try it suspended plumbing");
        MockHttpSession session = dashboard.signedIn(business, "OWNER");
        // suspended while its owner is signed in: the session ends (the Team and operator pages' rule), so
        // the line never reaches the assistant and nothing is stored
        api.perform(api.asAdmin(post("/api/admin/businesses/" + business.id() + "/suspend")), 200);

        api.perform(say(session, null, "hi I need a drain cleaning tomorrow at 10"), 401);
        api.perform(api.asAdmin(post("/api/admin/businesses/" + business.id() + "/activate")), 200);
        assertThat(api.getJson("/api/conversations", business, 200).get("total").asInt())
                .isZero();
    }

    @Test
    void aViewerSeesThePageButCannotTalkToTheAssistant() {
        TestBusiness business = api.createBusiness("Try it viewer plumbing");
        MockHttpSession session = dashboard.signedIn(business, "VIEWER");

        String page = body(api.perform(get("/try").session(session), 200));
        assertThat(page).contains("Your role (viewer)").doesNotContain("id=\"try-text\"");
        api.perform(say(session, null, "hi I need a drain cleaning tomorrow at 10"), 403);
        api.perform(post("/try/restart").session(session).with(csrf()), 403);
        assertThat(api.getJson("/api/conversations", business, 200).get("total").asInt())
                .isZero();
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() {
        TestBusiness business = api.createBusiness("Try it csrf plumbing");
        MockHttpSession session = dashboard.signedIn(business, "OWNER");
        api.perform(post("/try").session(session).param("text", "hello"), 403);
        assertThat(api.getJson("/api/conversations", business, 200).get("total").asInt())
                .isZero();
    }

    @Test
    void anotherBusinesssUserNeitherSeesNorContinuesTheConversationNorItsBooking() {
        TestBusiness mine = api.createBusiness("Try it mine plumbing");
        TestBusiness theirs = api.createBusiness("Try it theirs plumbing");
        MockHttpSession me = dashboard.signedIn(mine, "OWNER");
        MockHttpSession them = dashboard.signedIn(theirs, "OWNER");

        String booked = turn(
                me, turn(me, turn(me, null, "hi I need a drain cleaning tomorrow at 10"), "Dana Smith"), "yes please");
        assertThat(booked).contains("Dana Smith", "this caller");

        // their user posts my session and conversation ids: a new conversation of their own business
        String theirTurn = turn(them, booked, "hello");
        assertThat(theirTurn)
                .contains("Thanks for calling Try it theirs plumbing")
                .doesNotContain("Try it mine plumbing", "Dana Smith", "drain cleaning tomorrow at 10");
        assertThat(field(SESSION, theirTurn)).isNotEqualTo(field(SESSION, booked));
        assertThat(body(api.perform(get("/try").session(them), 200)))
                .contains("No upcoming appointments")
                .doesNotContain("Dana Smith");
        assertThat(api.getJson("/api/appointments", theirs, 200).get("total").asInt())
                .isZero();

        // my conversation did not hear their line
        String mineNow = turn(me, booked, "no that's all thanks");
        assertThat(mineNow).doesNotContain(">hello<");
    }
}
