package dev.frontdesk.telephony;

import static dev.frontdesk.telephony.TwilioClient.sms;
import static dev.frontdesk.telephony.TwilioClient.spoken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.SqlStatements;
import dev.frontdesk.support.SqlStatements.Kind;
import dev.frontdesk.support.TestApi;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * What a text conversation costs the database, text by text: statements, connections and the commits that
 * write, counted on the webhook's thread and the assistant's turn threads (not the background listeners a
 * booking starts, which run after the answer). A text answered in place commits three times: the opening of
 * the sender's conversation and its hold, each on its own so that the sender's next text sees them at once
 * and queues behind this one, then one transaction with everything else (the idempotency claim, dialogue,
 * transcript and stored answer), like a voice turn; a booking commits on its own too (docs/performance.md,
 * "Fix 6"; before it, 6 write commits a text, 7 with a booking, on 10-13 connections). The limits are
 * today's counts: a change that adds a statement or a commit to every text fails here.
 */
@ApiTest
@Import(SqlStatements.Recording.class)
@TestPropertySource(
        properties = {
            "frontdesk.fixed-clock=2026-11-23T13:00:00Z",
            "frontdesk.jobs.enabled=false",
            "frontdesk.telephony.auth-token=" + TwilioClient.AUTH_TOKEN,
            "frontdesk.telephony.public-base-url=" + TwilioClient.PUBLIC_BASE_URL
        })
class SmsTurnStatementsTest {

    record Cost(long statements, long connections, long writeCommits, List<String> sql) {
        @Override
        public String toString() {
            return statements + " statements, " + connections + " connections, " + writeCommits + " write commits";
        }
    }

    @Autowired
    TestApi api;

    @Autowired
    SqlStatements sql;

    @Test
    void aBookingTextAndAQuestionTextEachCommitTheirWritesTogether() {
        var twilio = new TwilioClient(api, TwilioClient.AUTH_TOKEN);
        var business = api.createBusiness("Counted text plumbing");
        Thread test = Thread.currentThread();
        // the webhook's own thread and the assistant's unnamed turn threads; not the event listeners ("task-N")
        sql.countOnly(thread ->
                thread == test || (thread.isVirtual() && thread.getName().isEmpty()));
        // a first text warms up what is loaded once per process (model, caches)
        twilio.post("/twilio/sms", sms(TwilioClient.sid("SM"), "+16175550199", business.phoneNumber(), "hello"), 200);

        Map<String, Cost> costs = new LinkedHashMap<>();
        Map<String, String> answers = new LinkedHashMap<>();
        String[] texts = {
            "Hi, can I book a drain cleaning tomorrow at 10? My name is Paul Smith",
            "Yes",
            "what time do you open on saturday"
        };
        for (String text : texts) {
            sql.reset();
            answers.put(
                    text,
                    twilio.post(
                            "/twilio/sms",
                            sms(TwilioClient.sid("SM"), "+16175550123", business.phoneNumber(), text),
                            200,
                            "I-Twilio-Idempotency-Token",
                            TwilioClient.sid("tok")));
            costs.put(text, cost());
        }
        costs.forEach((text, cost) ->
                System.out.println("  " + text + ": " + cost + "\n    " + String.join("\n    ", cost.sql())));
        assertThat(spoken(answers.get("Yes"))).containsIgnoringCase("booked");
        assertThat(api.getJson("/api/appointments", business, 200).get("total").asInt())
                .isEqualTo(1);

        // the first text opens the conversation, and the customer list touches or adds the texter in the same
        // transaction (no event-publication row: docs/performance.md, "Fix 9"; 31 with the row, 32 without it);
        // the opening, the hold and the turn are the three write commits of a text
        assertThat(costs.get(texts[0])).satisfies(c -> within(c, 32, 8, 3));
        // the booking commits on its own too (on the assistant's turn thread, before the answer says it is booked);
        // it reads the email the texter's customer has on file, for the invite (one statement and one connection
        // more: 37 / 6); a bare "Yes" could be a last word after a goodbye, so the sender's latest conversation is
        // read first (Afterwords: it is open, so the text is a turn in it): 38
        assertThat(costs.get(texts[1])).satisfies(c -> within(c, 38, 6, 4));
        assertThat(costs.get(texts[2])).satisfies(c -> within(c, 24, 5, 3));
    }

    private Cost cost() {
        return new Cost(
                sql.count(Kind.STATEMENT), sql.count(Kind.CONNECTION), sql.count(Kind.WRITE_COMMIT), sql.statements());
    }

    private void within(Cost cost, int statements, int connections, int writeCommits) {
        assertThat(cost.statements())
                .as("statements of the text:%n  %s", String.join("\n  ", cost.sql()))
                .isLessThanOrEqualTo(statements);
        assertThat(cost.connections()).as("connections taken from the pool").isLessThanOrEqualTo(connections);
        assertThat(cost.writeCommits())
                .as("commits that write: the text's one transaction, plus a booking's own")
                .isLessThanOrEqualTo(writeCommits);
    }
}
