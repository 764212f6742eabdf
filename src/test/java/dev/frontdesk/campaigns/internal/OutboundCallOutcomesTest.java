package dev.frontdesk.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What a campaign's call ends in when it is driven like a real one through the sandbox dialer: the person books
 * a meeting by talking with the assistant (MEETING_SCHEDULED, the call in the lead's timeline, the confirmation
 * text and the invite to the email on file), an answering machine hears the voicemail, and a person who says
 * "stop calling me" is never called again, and a failed call is tried again like an unanswered one. The dialer's
 * rounds are run by the test.
 */
@ApiTest
@TestPropertySource(properties = "frontdesk.jobs.enabled=false")
class OutboundCallOutcomesTest extends CampaignApiTestSupport {

    private String leadWithEmail(TestBusiness business, String name, String phone, String email) {
        return send(business, "/api/customers", """
                        {"name": "%s", "phone": "%s", "email": "%s", "lead": true}""".formatted(name, phone, email), 201)
                .get("id")
                .asString();
    }

    /** Starts the campaign and runs the dialer's round; the CallSid of the call it placed. */
    private String dialled(TestBusiness business, String campaign) {
        send(business, "/api/campaigns/" + campaign + "/start", "", 200);
        dialer.tick(UUID.fromString(campaign));
        JsonNode ringing = api.getJson("/api/sandbox/outbound-calls?status=ringing", business, 200);
        assertThat(ringing.size()).isEqualTo(1);
        return ringing.at("/0/callSid").asString();
    }

    /** A person picks up: what they hear. */
    private JsonNode answered(TestBusiness business, String callSid) {
        return send(business, "/api/sandbox/outbound-calls/" + callSid + "/answer", "{}", 200);
    }

    /** The call ends normally (Twilio's status callback, completed). */
    private void hungUp(TestBusiness business, String callSid) {
        send(business, "/api/sandbox/outbound-calls/" + callSid + "/end", "{\"status\": \"completed\"}", 200);
    }

    private JsonNode say(TestBusiness business, String callSid, String text) {
        return send(business, "/api/sandbox/outbound-calls/" + callSid + "/say", "{\"text\": \"" + text + "\"}", 200);
    }

    @Test
    void aLeadWhoBooksOnTheCallIsMeetingScheduledWithTheCallInItsTimelineAndGetsTheConfirmations() {
        TestBusiness business = api.createBusiness("Outbound meetings");
        String dana = leadWithEmail(business, "Dana Smith", "+16175550171", "dana@example.com");
        String campaign = campaignWith(business, "LEAVE_MESSAGE", dana);
        String sid = dialled(business, campaign);

        JsonNode opening = answered(business, sid);
        assertThat(opening.get("said").asString())
                .startsWith("Hello Dana Smith, this is the virtual assistant of Outbound meetings, calling about your"
                        + " annual boiler check.");
        // greeted by name, so not asked it again
        assertThat(say(business, sid, "Yes. I'd like to book a drain cleaning tomorrow at 10")
                        .get("said")
                        .asString())
                .contains("Dana Smith")
                .doesNotContainIgnoringCase("your name");
        assertThat(say(business, sid, "yes").get("said").asString()).startsWith("You're booked");
        JsonNode goodbye = say(business, sid, "no thanks, bye");
        assertThat(goodbye.get("ended").asBoolean()).isTrue();
        assertThat(goodbye.get("said").asString())
                .as("the business called: the person is thanked for their time, not for calling")
                .isEqualTo("Thanks for your time. Have a good day, goodbye!");
        clock.advance(Duration.ofSeconds(95));
        hungUp(business, sid);

        JsonNode appointment = api.getJson("/api/appointments", business, 200).at("/items/0");
        assertThat(appointment.get("start").asString()).isEqualTo("2026-11-24T15:00:00Z");
        assertThat(appointment.at("/customer/phone").asString()).isEqualTo("+16175550171");
        JsonNode done = api.getJson("/api/campaigns/" + campaign, business, 200);
        assertThat(done.at("/counts/meetings").asInt()).isEqualTo(1);
        assertThat(done.at("/counts/contacted").asInt()).isZero();
        assertThat(api.getJson("/api/customers/" + dana, business, 200)
                        .get("status")
                        .asString())
                .isEqualTo("MEETING_SCHEDULED");

        // the call is the business's call (outbound, its campaign, how long it lasted) and in the lead's timeline
        JsonNode call = api.getJson("/api/calls", business, 200).at("/items/0");
        assertThat(call.get("callSid").asString()).isEqualTo(sid);
        assertThat(call.get("direction").asString()).isEqualTo("outbound-api");
        assertThat(call.at("/campaign/id").asString()).isEqualTo(campaign);
        assertThat(call.get("outcome").asString()).isEqualTo("BOOKED");
        assertThat(call.get("durationSeconds").asInt()).isEqualTo(95);
        assertThat(call.get("language").asString()).isEqualTo("en");
        JsonNode timeline = api.getJson("/api/customers/" + dana + "/timeline", business, 200);
        assertThat(timeline.get("items")
                        .valueStream()
                        .map(e -> e.get("type").asString() + " "
                                + e.get("channel").asString() + " "
                                + e.path("outcome").asString(e.path("status").asString())))
                .containsExactly("APPOINTMENT VOICE SCHEDULED", "CONVERSATION VOICE BOOKED");
        assertThat(timeline.at("/items/1/summary").asString())
                .isEqualTo(call.get("summary").asString())
                .isEqualTo("Booked Drain cleaning for Dana Smith at 10:00 AM EST on Tue Nov 24, 2026.");

        // the confirmation text to the number called, and the invite to the email the lead has on file
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.getJson("/api/outbox?channel=EMAIL", business, 200)
                                .get("total")
                                .asInt()
                        > 0);
        JsonNode sms = api.getJson("/api/outbox?channel=SMS", business, 200).at("/items/0");
        assertThat(sms.get("to").asString()).isEqualTo("+16175550171");
        assertThat(sms.get("purpose").asString()).isEqualTo("CONFIRMATION");
        JsonNode email = api.getJson("/api/outbox?channel=EMAIL", business, 200).at("/items/0");
        assertThat(email.get("to").asString()).isEqualTo("dana@example.com");
        assertThat(email.get("body").asString()).contains("Drain cleaning");
    }

    @Test
    void anAnsweringMachineHearsWhoCalledWhyAndTheNumberToCallBackAndTheLeadIsCalledAgain() {
        TestBusiness business = api.createBusiness("Outbound voicemail");
        String ana = lead(business, "Ana", "+16175550172");
        String campaign = campaignWith(business, "LEAVE_MESSAGE", ana);
        String sid = dialled(business, campaign);

        JsonNode machine = send(
                business,
                "/api/sandbox/outbound-calls/" + sid + "/answer",
                "{\"answeredBy\": \"machine_end_beep\"}",
                200);
        assertThat(machine.get("said").asString())
                .isEqualTo("Hello Ana, this is the virtual assistant of Outbound voicemail, calling about your annual"
                        + " boiler check. Please call us back at " + business.phoneNumber() + ". Thank you, goodbye.");
        assertThat(machine.get("ended").asBoolean()).isTrue();
        hungUp(business, sid);

        assertThat(api.getJson("/api/campaigns/" + campaign, business, 200)
                        .at("/counts/queued")
                        .asInt())
                .as("a retry is due after the backoff")
                .isEqualTo(1);
        clock.advance(Duration.ofMinutes(61));
        dialer.tick(UUID.fromString(campaign));
        assertThat(api.getJson("/api/sandbox/outbound-calls?status=ringing", business, 200)
                        .size())
                .isEqualTo(1);
    }

    @Test
    void aFailedCallIsTriedAgainAfterTheBackoffAndTheLeadIsFailedWhenTheRetryFailsToo() {
        TestBusiness business = api.createBusiness("Outbound failures");
        String gus = lead(business, "Gus", "+16175550177");
        String campaign = campaignWith(business, "LEAVE_MESSAGE", gus);
        String sid = dialled(business, campaign);
        send(business, "/api/sandbox/outbound-calls/" + sid + "/end", "{\"status\": \"failed\"}", 200);

        JsonNode counts =
                api.getJson("/api/campaigns/" + campaign, business, 200).get("counts");
        assertThat(counts.get("queued").asInt())
                .as("a retry is due after the backoff")
                .isEqualTo(1);
        assertThat(counts.get("failed").asInt()).isZero();
        assertThat(api.getJson("/api/customers/" + gus, business, 200)
                        .get("status")
                        .asString())
                .isEqualTo("QUEUED");
        clock.advance(Duration.ofMinutes(59));
        dialer.tick(UUID.fromString(campaign));
        assertThat(api.getJson("/api/sandbox/outbound-calls?status=ringing", business, 200)
                        .size())
                .as("not before the backoff")
                .isZero();

        clock.advance(Duration.ofMinutes(2));
        dialer.tick(UUID.fromString(campaign));
        JsonNode ringing = api.getJson("/api/sandbox/outbound-calls?status=ringing", business, 200);
        assertThat(ringing.size()).isEqualTo(1);
        send(
                business,
                "/api/sandbox/outbound-calls/" + ringing.at("/0/callSid").asString() + "/end",
                "{\"status\": \"failed\"}",
                200);

        JsonNode done = api.getJson("/api/campaigns/" + campaign, business, 200).get("counts");
        assertThat(done.get("failed").asInt()).as("no retry left").isEqualTo(1);
        assertThat(done.get("queued").asInt() + done.get("noAnswer").asInt()).isZero();
        assertThat(api.getJson("/api/customers/" + gus, business, 200)
                        .get("status")
                        .asString())
                .isEqualTo("FAILED");
    }

    @Test
    void aLeadWhoSaysStopCallingMeDuringTheCallIsNeverCalledAgain() {
        TestBusiness business = api.createBusiness("Outbound opt-out");
        String ben = lead(business, "Ben", "+16175550173");
        String campaign = campaignWith(business, "LEAVE_MESSAGE", ben);
        String sid = dialled(business, campaign);

        answered(business, sid);
        JsonNode reply = say(business, sid, "please stop calling me");
        assertThat(reply.get("said").asString()).contains("won't contact you again");
        assertThat(reply.get("ended").asBoolean()).isTrue();
        hungUp(business, sid);

        JsonNode lead = api.getJson("/api/customers/" + ben, business, 200);
        assertThat(lead.get("doNotCall").asBoolean()).isTrue();
        assertThat(lead.get("status").asString()).isEqualTo("DO_NOT_CALL");
        JsonNode counts =
                api.getJson("/api/campaigns/" + campaign, business, 200).get("counts");
        assertThat(counts.get("doNotCall").asInt()).isEqualTo(1);
        assertThat(counts.get("queued").asInt() + counts.get("calling").asInt()).isZero();
        // nor by this campaign later, nor by a new one
        clock.advance(Duration.ofHours(3));
        dialer.tick(UUID.fromString(campaign));
        String again = campaignWith(business, "LEAVE_MESSAGE", ben);
        assertThat(api.getJson("/api/campaigns/" + again, business, 200)
                        .at("/counts/doNotCall")
                        .asInt())
                .isEqualTo(1);
        send(business, "/api/campaigns/" + again + "/start", "", 200);
        dialer.tick(UUID.fromString(again));
        List<String> dialledNumbers = api.getJson("/api/sandbox/outbound-calls", business, 200)
                .valueStream()
                .map(c -> c.get("to").asString())
                .toList();
        assertThat(dialledNumbers).containsExactly("+16175550173");
    }

    @Test
    void aLeadWhoAnswersYesToTheOpeningIsAskedWhenAMeetingWouldSuitThem() {
        TestBusiness business = api.createBusiness("Outbound yes");
        String eve = lead(business, "Eve Stone", "+16175550174");
        String sid = dialled(business, campaignWith(business, "LEAVE_MESSAGE", eve));
        assertThat(answered(business, sid).get("said").asString()).endsWith("Do you have a moment?");

        JsonNode reply = say(business, sid, "yeah sure");

        assertThat(reply.get("said").asString())
                .isEqualTo("Great. Let's find a time for you: what day and time would suit you?");
        assertThat(reply.get("ended").asBoolean()).isFalse();
    }

    @Test
    void aLeadWhoSaysTheyAreNotInterestedIsThankedAndCountedNotInterestedButMayBeCalledByAnotherCampaign() {
        TestBusiness business = api.createBusiness("Outbound not interested");
        String finn = lead(business, "Finn", "+16175550175");
        String campaign = campaignWith(business, "LEAVE_MESSAGE", finn);
        String sid = dialled(business, campaign);
        answered(business, sid);

        JsonNode reply = say(business, sid, "no thanks, I'm not interested");
        assertThat(reply.get("said").asString())
                .isEqualTo("No problem, thanks for your time. Have a good day, goodbye!");
        assertThat(reply.get("ended").asBoolean()).isTrue();
        hungUp(business, sid);

        JsonNode lead = api.getJson("/api/customers/" + finn, business, 200);
        assertThat(lead.get("status").asString()).isEqualTo("NOT_INTERESTED");
        assertThat(lead.get("doNotCall").asBoolean())
                .as("not interested is not a do-not-call")
                .isFalse();
        JsonNode counts =
                api.getJson("/api/campaigns/" + campaign, business, 200).get("counts");
        assertThat(counts.get("notInterested").asInt()).isEqualTo(1);
        assertThat(counts.get("contacted").asInt()
                        + counts.get("queued").asInt()
                        + counts.get("doNotCall").asInt())
                .isZero();
        assertThat(api.getJson("/api/calls", business, 200)
                        .at("/items/0/outcome")
                        .asString())
                .isEqualTo("NOT_INTERESTED");
        // this campaign does not call again; a new one may
        clock.advance(Duration.ofHours(3));
        dialer.tick(UUID.fromString(campaign));
        assertThat(api.getJson("/api/sandbox/outbound-calls?status=ringing", business, 200)
                        .size())
                .isZero();
        String again = campaignWith(business, "LEAVE_MESSAGE", finn);
        assertThat(api.getJson("/api/campaigns/" + again, business, 200)
                        .at("/counts/queued")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void aSpanishLeadWhoIsNotInterestedIsAnsweredInSpanish() {
        TestBusiness business = api.createBusiness("Outbound no me interesa");
        String lola = send(business, "/api/customers", """
                        {"name": "Lola", "phone": "+16175550176", "language": "es", "lead": true}""", 201).get("id").asString();
        String campaign = campaignWith(business, "LEAVE_MESSAGE", lola);
        String sid = dialled(business, campaign);
        assertThat(answered(business, sid).get("said").asString()).startsWith("Hola Lola");

        JsonNode reply = say(business, sid, "no gracias, no me interesa");

        assertThat(reply.get("said").asString())
                .isEqualTo("No hay problema, gracias por su tiempo. ¡Que tenga un buen día, adiós!");
        hungUp(business, sid);
        assertThat(api.getJson("/api/customers/" + lola, business, 200)
                        .get("status")
                        .asString())
                .isEqualTo("NOT_INTERESTED");
    }
}
