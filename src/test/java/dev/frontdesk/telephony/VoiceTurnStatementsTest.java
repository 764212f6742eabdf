package dev.frontdesk.telephony;

import static dev.frontdesk.telephony.TwilioClient.call;
import static dev.frontdesk.telephony.TwilioClient.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.SqlStatements;
import dev.frontdesk.support.SqlStatements.Kind;
import dev.frontdesk.support.TestApi;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * What one call costs the database, turn by turn: statements executed, connections taken from the pool
 * and commits, counted on the request's thread and the assistant's turn thread (not the background
 * listeners a booking starts, which run after the answer). The limits are today's counts: a change that
 * adds a statement to every turn fails here instead of showing up later as a slower node
 * (docs/performance.md, "Statements per turn"). A voice turn commits once: its writes are one
 * transaction (docs/performance.md, "Fix 5"; before it, 5 write commits a turn on 7-10 connections). Before issue 13 a plain turn ("Dana Smith") made 22
 * statements on 14 connections (14 before the business's parsed row was kept by version, 13 now); the booking turn counts the business's first booking (the calendar row
 * is created then).
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
class VoiceTurnStatementsTest {

    /** Statements, connections and commits of one webhook. */
    record Cost(long statements, long connections, long commits, long writeCommits, java.util.List<String> sql) {
        @Override
        public String toString() {
            return statements + " statements, " + connections + " connections, " + commits + " commits, " + writeCommits
                    + " write commits";
        }
    }

    @Autowired
    TestApi api;

    @Autowired
    SqlStatements sql;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aCallOfFiveTurnsStaysWithinItsStatementsPerTurn() {
        var twilio = new TwilioClient(api, TwilioClient.AUTH_TOKEN);
        var business = api.createBusiness("Counted plumbing");
        Thread test = Thread.currentThread();
        // the webhook's own thread and the assistant's unnamed turn threads; not the event listeners ("task-N")
        sql.countOnly(thread ->
                thread == test || (thread.isVirtual() && thread.getName().isEmpty()));
        // a first call warms up what is loaded once per process (model, caches)
        var warmUp = call(TwilioClient.sid("CA"), "+16175550199", business.phoneNumber());
        twilio.post("/twilio/voice", warmUp, 200);
        twilio.post("/twilio/voice/gather?turn=1", with(warmUp, "SpeechResult", "what are your hours"), 200);

        var call = call(TwilioClient.sid("CA"), "+16175550123", business.phoneNumber());
        Map<String, Cost> costs = new LinkedHashMap<>();
        sql.reset();
        twilio.post("/twilio/voice", call, 200, "I-Twilio-Idempotency-Token", TwilioClient.sid("tok"));
        costs.put("greeting", cost());
        String[] said = {
            "hi I need a drain cleaning tomorrow at 10",
            "Dana Smith",
            "yes please",
            "what time do you open on saturday",
            "no that's all thanks"
        };
        for (int i = 0; i < said.length; i++) {
            sql.reset();
            twilio.post(
                    "/twilio/voice/gather?turn=" + (i + 1),
                    with(call, "SpeechResult", said[i], "Confidence", "0.93"),
                    200,
                    "I-Twilio-Idempotency-Token",
                    TwilioClient.sid("tok"));
            costs.put(said[i], cost());
        }
        costs.forEach((turn, cost) ->
                System.out.println("  " + turn + ": " + cost + "\n    " + String.join("\n    ", cost.sql())));

        // the greeting also touches (or adds) the caller in the customer list, in its own transaction: two
        // statements, where the event-publication row for a listener after the commit was one (16 before
        // docs/performance.md's "Fix 9", 17 now, and three commits fewer on the listeners' threads)
        assertThat(costs.get("greeting")).satisfies(c -> within(c, 17, 2, 1));
        assertThat(costs.get("hi I need a drain cleaning tomorrow at 10")).satisfies(c -> within(c, 18, 5, 1));
        assertThat(costs.get("Dana Smith")).satisfies(c -> within(c, 13, 2, 1));
        // a booking publishes one event per listening module (the customer list is one more: 24; the
        // outgoing webhooks one more again: 25; campaigns' meeting listener one more: 26; the notifications
        // (the customer's text and the owner's notice, one listener) one more: 27); since "Fix 9" the outgoing
        // webhooks look up their subscribers in the booking's transaction instead of adding a publication row
        // the booking commits on its own (on the assistant's turn thread, before the answer says it is booked);
        // a booking on the phone without an email reads the email the caller's customer has on file, for the
        // invite: one statement and one connection (on the assistant's thread, before the booking's) more, 27 / 4
        assertThat(costs.get("yes please")).satisfies(c -> within(c, 27, 4, 2));
        assertThat(costs.get("what time do you open on saturday")).satisfies(c -> within(c, 15, 3, 1));
        // the last turn ends the conversation, which publishes CrmEvents.ConversationEnded: the outgoing webhooks
        // look up their subscribers in the turn's transaction (and read the conversation only for a business
        // that subscribed), the notifications (missed calls) record one event-publication row
        assertThat(costs.get("no that's all thanks")).satisfies(c -> within(c, 17, 2, 1));
    }

    /**
     * A whole call, on every thread: the greeting, four turns, the status callback, and the listeners the call's
     * events start after the answers (counted until the event publication registry has none left open). Each
     * listener that keeps a publication in the registry commits three more times (the publication marked
     * processing, the listener's own transaction, the publication marked completed); before "Fix 9" a call
     * kept five (the customer list, two webhooks, the sheet, the missed-call notice) and made 18 write commits
     * (112 statements), now only the notice does: 9 (98 statements).
     */
    @Test
    void aWholeCallWritesOnceATurnAndKeepsOnePublicationForItsListeners() {
        var twilio = new TwilioClient(api, TwilioClient.AUTH_TOKEN);
        var business = api.createBusiness("Counted electricians");
        var warmUp = call(TwilioClient.sid("CA"), "+16175550198", business.phoneNumber());
        twilio.post("/twilio/voice", warmUp, 200);
        twilio.post("/twilio/voice/gather?turn=1", with(warmUp, "SpeechResult", "what are your hours"), 200);
        settled();

        sql.countOnly(thread -> true);
        sql.reset();
        var call = call(TwilioClient.sid("CA"), "+16175550124", business.phoneNumber());
        twilio.post("/twilio/voice", call, 200);
        String[] said = {"what time do you open on saturday", "do you do rewiring", "Dana Smith", "no thanks bye"};
        for (int i = 0; i < said.length; i++) {
            twilio.post("/twilio/voice/gather?turn=" + (i + 1), with(call, "SpeechResult", said[i]), 200);
        }
        twilio.post("/twilio/voice/status", with(call, "CallStatus", "completed", "CallDuration", "48"), 204);
        settled();

        long writes = sql.count(Kind.WRITE_COMMIT);
        System.out.println(
                "  a whole call: " + writes + " write commits, " + sql.count(Kind.STATEMENT) + " statements");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE event_type LIKE '%ConversationStarted'"
                                + " OR event_type LIKE '%CallCompleted'")
                        .query(Long.class)
                        .single())
                .as("the customer list, the webhooks and the sheet keep no publication")
                .isZero();
        assertThat(writes)
                .as("write commits of the call on every thread: the greeting and four turns, the call's end, and"
                        + " the missed-call notice's publication (marked processing, then completed)")
                .isLessThanOrEqualTo(9);
    }

    /** Waits until every listener the events started has finished. */
    private void settled() {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    private Cost cost() {
        return new Cost(
                sql.count(Kind.STATEMENT),
                sql.count(Kind.CONNECTION),
                sql.count(Kind.COMMIT),
                sql.count(Kind.WRITE_COMMIT),
                sql.statements());
    }

    private void within(Cost cost, int statements, int connections, int writeCommits) {
        assertThat(cost.statements())
                .as("statements of the turn:%n  %s", String.join("\n  ", cost.sql()))
                .isLessThanOrEqualTo(statements);
        assertThat(cost.connections()).as("connections taken from the pool").isLessThanOrEqualTo(connections);
        assertThat(cost.writeCommits())
                .as("commits that write (each writes the H2 file): the turn's one transaction, plus a booking's own")
                .isLessThanOrEqualTo(writeCommits);
    }
}
