package dev.frontdesk.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.MutableClock;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A node that dies mid-campaign loses and repeats no call: a call claimed but never placed is placed once
 * later, a call placed but not recorded is found at the provider and not placed again. Two nodes running
 * the same campaign's dialer at the same moment never dial a lead twice nor exceed the campaign's limit.
 */
@ApiTest
@TestPropertySource(properties = "frontdesk.jobs.enabled=false")
class DialerRecoveryTest {

    static final Instant MONDAY_10AM_NEW_YORK = Instant.parse("2026-11-23T15:00:00Z");

    /** The sandbox dialer, made to die before or after the provider took the call. */
    static final class DyingPlacer implements CallPlacer {
        private final SandboxCallPlacer sandbox;
        volatile String dies = "never";
        /** Runs once, as the first call of a round is placed (what happens meanwhile elsewhere). */
        volatile java.util.function.Consumer<OutboundCall> meanwhile = call -> {};

        DyingPlacer(SandboxCallPlacer sandbox) {
            this.sandbox = sandbox;
        }

        @Override
        public String place(OutboundCall call) {
            var now = meanwhile;
            meanwhile = c -> {};
            now.accept(call);
            if (dies.equals("refused")) {
                throw new NotPlaced("the provider refused the call", null);
            }
            if (dies.equals("before")) {
                throw new IllegalStateException("the node died before the call was placed");
            }
            String sid = sandbox.place(call);
            if (dies.equals("after")) {
                throw new IllegalStateException("the node died before it recorded " + sid);
            }
            return sid;
        }

        @Override
        public Optional<String> placedFor(OutboundCall call) {
            return sandbox.placedFor(call);
        }
    }

    @TestConfiguration
    static class Nodes {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(MONDAY_10AM_NEW_YORK);
        }

        @Bean
        @Primary
        DyingPlacer dyingPlacer(JdbcClient jdbc, Clock clock) {
            return new DyingPlacer(new SandboxCallPlacer(jdbc, clock));
        }
    }

    @Autowired
    TestApi api;

    @Autowired
    MutableClock clock;

    @Autowired
    Dialer dialer;

    @Autowired
    DyingPlacer placer;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void reset() {
        clock.set(MONDAY_10AM_NEW_YORK);
        placer.dies = "never";
        placer.meanwhile = call -> {};
    }

    JsonNode send(TestBusiness business, String path, String body, int status) {
        return api.read(api.perform(
                api.as(business, post(path))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                status));
    }

    UUID campaign(TestBusiness business, int leads, int max) {
        StringBuilder csv = new StringBuilder("name,phone\n");
        for (int i = 0; i < leads; i++) {
            csv.append("Lead ")
                    .append(i)
                    .append(",+16173")
                    .append(String.format("%06d", i))
                    .append('\n');
        }
        api.perform(
                api.as(business, post("/api/leads/upload"))
                        .contentType("text/csv")
                        .content(csv.toString().getBytes(StandardCharsets.UTF_8)),
                201);
        String id = send(business, "/api/campaigns", """
                        {"name": "Recovery", "purpose": "your check-up", "window": {"start": "09:00", "end": "18:00"},
                         "maxConcurrentCalls": %d, "retry": {"attempts": 0, "backoffMinutes": 30}}""".formatted(max), 201)
                .get("id")
                .asString();
        send(business, "/api/campaigns/" + id + "/start", "", 200);
        return UUID.fromString(id);
    }

    long sandboxCalls(TestBusiness business) {
        return api.getJson("/api/sandbox/outbound-calls?limit=1000", business, 200)
                .size();
    }

    @Test
    void aCallTheProviderRefusesIsTriedAgainAfterTheBackoffThenTheLeadIsFailed() {
        var business = api.createBusiness("Refused call");
        String lead = send(business, "/api/customers", """
                        {"name": "Rae", "phone": "+16173999001", "lead": true}""", 201).get("id").asString();
        String id = send(business, "/api/campaigns", """
                        {"name": "Refused", "purpose": "your check-up", "leadIds": ["%s"],
                         "window": {"start": "09:00", "end": "18:00"}, "maxConcurrentCalls": 1,
                         "retry": {"attempts": 1, "backoffMinutes": 30}}""".formatted(lead), 201)
                .get("id")
                .asString();
        send(business, "/api/campaigns/" + id + "/start", "", 200);
        placer.dies = "refused";
        dialer.tick(UUID.fromString(id));

        JsonNode counts = api.getJson("/api/campaigns/" + id, business, 200).get("counts");
        assertThat(counts.get("queued").asInt())
                .as("a retry is due after the backoff")
                .isEqualTo(1);
        assertThat(counts.get("failed").asInt()).isZero();
        clock.advance(Duration.ofMinutes(29));
        dialer.tick(UUID.fromString(id));
        assertThat(api.getJson("/api/campaigns/" + id, business, 200)
                        .at("/counts/queued")
                        .asInt())
                .as("not before the backoff")
                .isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        dialer.tick(UUID.fromString(id));
        JsonNode done = api.getJson("/api/campaigns/" + id, business, 200);
        assertThat(done.at("/counts/failed").asInt())
                .as("refused again, no retry left")
                .isEqualTo(1);
        assertThat(done.at("/counts/queued").asInt()).isZero();
        assertThat(api.getJson("/api/customers/" + lead, business, 200)
                        .get("status")
                        .asString())
                .isEqualTo("FAILED");
        assertThat(jdbc.sql("SELECT attempts FROM campaign_lead WHERE campaign_id = :c")
                        .param("c", UUID.fromString(id))
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aCallClaimedByANodeThatDiedBeforePlacingItIsPlacedOnceLater() {
        var business = api.createBusiness("Lost call");
        UUID id = campaign(business, 1, 1);
        placer.dies = "before";
        dialer.tick(id);
        placer.dies = "never";
        assertThat(sandboxCalls(business)).isZero();
        dialer.tick(id);
        assertThat(sandboxCalls(business))
                .as("not yet: the other node may still be placing it")
                .isZero();

        clock.advance(Duration.ofMinutes(3));
        dialer.tick(id);
        assertThat(sandboxCalls(business)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT attempts FROM campaign_lead WHERE campaign_id = :c")
                        .param("c", id)
                        .query(Integer.class)
                        .single())
                .as("the lost attempt does not count")
                .isEqualTo(1);
        clock.advance(Duration.ofMinutes(3));
        dialer.tick(id);
        assertThat(sandboxCalls(business)).isEqualTo(1);
    }

    @Test
    void aCallClaimedByANodeThatDiedIsPlacedWhenTheCampaignResumesHoursLaterAndItsAttemptDoesNotCount() {
        var business = api.createBusiness("Paused after a crash");
        UUID id = campaign(business, 1, 1);
        placer.dies = "before";
        dialer.tick(id);
        placer.dies = "never";
        send(business, "/api/campaigns/" + id + "/pause", "", 200);
        // longer than a call may go without reporting its end: still, this one was never placed
        clock.advance(Duration.ofHours(3));
        send(business, "/api/campaigns/" + id + "/resume", "", 200);
        dialer.tick(id);

        assertThat(sandboxCalls(business)).as("the lead is called now").isEqualTo(1);
        JsonNode lead = api.getJson("/api/campaigns/" + id + "/leads", business, 200)
                .get("items")
                .get(0);
        assertThat(lead.get("stage").asString()).isEqualTo("CALLING");
        assertThat(lead.get("attempts").asInt())
                .as("the claim never placed does not count")
                .isEqualTo(1);
        String sid = api.getJson("/api/sandbox/outbound-calls", business, 200)
                .get(0)
                .get("callSid")
                .asString();
        send(business, "/api/sandbox/outbound-calls/" + sid + "/answer", "{\"answeredBy\": \"human\"}", 200);
        send(business, "/api/sandbox/outbound-calls/" + sid + "/end", "{\"status\": \"completed\"}", 200);
        JsonNode counts = api.getJson("/api/campaigns/" + id, business, 200).get("counts");
        assertThat(counts.get("contacted").asInt()).isEqualTo(1);
        assertThat(counts.get("noAnswer").asInt()).isZero();
        assertThat(api.getJson("/api/campaigns/" + id + "/calls", business, 200)
                        .get("total")
                        .asInt())
                .as("no lost call in the log: only the call placed")
                .isEqualTo(1);
    }

    @Test
    void aCallPlacedByANodeThatDiedBeforeRecordingItIsFoundAndNotRepeated() {
        var business = api.createBusiness("Unrecorded call");
        UUID id = campaign(business, 1, 1);
        placer.dies = "after";
        dialer.tick(id);
        placer.dies = "never";
        assertThat(sandboxCalls(business)).isEqualTo(1);

        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(3));
            dialer.tick(id);
        }
        assertThat(sandboxCalls(business)).isEqualTo(1);
        String sid = api.getJson("/api/sandbox/outbound-calls", business, 200)
                .get(0)
                .get("callSid")
                .asString();
        assertThat(jdbc.sql("SELECT call_sid FROM campaign_lead WHERE campaign_id = :c")
                        .param("c", id)
                        .query(String.class)
                        .single())
                .isEqualTo(sid);
        send(business, "/api/sandbox/outbound-calls/" + sid + "/answer", "{\"answeredBy\": \"human\"}", 200);
        send(business, "/api/sandbox/outbound-calls/" + sid + "/end", "{\"status\": \"completed\"}", 200);
        assertThat(api.getJson("/api/campaigns/" + id, business, 200)
                        .at("/counts/contacted")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void aLeadErasedBetweenItsClaimAndItsCallIsNotCalled() {
        var business = api.createBusiness("Erased meanwhile");
        UUID id = campaign(business, 2, 2);
        // the two leads are claimed in one round; while the first call is placed, the other lead is erased
        placer.meanwhile = call -> {
            String other = api.getJson("/api/leads", business, 200)
                    .get("items")
                    .valueStream()
                    .filter(l -> !l.get("phone").asString().equals(call.to()))
                    .findFirst()
                    .orElseThrow()
                    .get("id")
                    .asString();
            api.perform(api.as(business, delete("/api/customers/" + other)), 204);
        };
        dialer.tick(id);
        assertThat(sandboxCalls(business))
                .as("only the lead not erased is called")
                .isEqualTo(1);
        JsonNode counts = api.getJson("/api/campaigns/" + id, business, 200).get("counts");
        assertThat(counts.get("calling").asInt()).isEqualTo(1);
        assertThat(counts.get("erased").asInt()).isEqualTo(1);
        assertThat(api.getJson("/api/campaigns/" + id + "/calls", business, 200)
                        .get("total")
                        .asInt())
                .as("the claim never placed is not a call")
                .isEqualTo(1);
        String sid = api.getJson("/api/sandbox/outbound-calls", business, 200)
                .get(0)
                .get("callSid")
                .asString();
        send(business, "/api/sandbox/outbound-calls/" + sid + "/end", "{\"status\": \"completed\"}", 200);
        clock.advance(Duration.ofMinutes(3));
        assertThat(dialer.tick(id))
                .as("no call holds a slot: the campaign is done")
                .isNull();
        assertThat(api.getJson("/api/campaigns/" + id, business, 200)
                        .get("status")
                        .asString())
                .isEqualTo("COMPLETED");
        assertThat(sandboxCalls(business)).isEqualTo(1);
    }

    @Test
    void twoNodesDiallingOneCampaignAtOnceNeverDialALeadTwiceNorExceedTheLimit() throws Exception {
        var business = api.createBusiness("Two nodes");
        UUID id = campaign(business, 120, 7);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 60; round++) {
                var barrier = new CyclicBarrier(2);
                Future<?> a = nodes.submit(() -> {
                    barrier.await();
                    return dialer.tick(id);
                });
                Future<?> b = nodes.submit(() -> {
                    barrier.await();
                    return dialer.tick(id);
                });
                a.get();
                b.get();
                JsonNode ringing = api.getJson("/api/sandbox/outbound-calls?status=ringing&limit=1000", business, 200);
                assertThat(ringing.size()).isLessThanOrEqualTo(7);
                Set<String> phones = new HashSet<>();
                for (JsonNode call : ringing) {
                    assertThat(phones.add(call.get("to").asString())).isTrue();
                    send(
                            business,
                            "/api/sandbox/outbound-calls/" + call.get("callSid").asString() + "/end",
                            "{\"status\": \"completed\"}",
                            200);
                }
                if (api.getJson("/api/campaigns/" + id, business, 200)
                        .get("status")
                        .asString()
                        .equals("COMPLETED")) {
                    break;
                }
                clock.advance(Duration.ofSeconds(10));
            }
        } finally {
            nodes.shutdownNow();
        }
        JsonNode done = api.getJson("/api/campaigns/" + id, business, 200);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.at("/counts/contacted").asInt()).isEqualTo(120);
        assertThat(sandboxCalls(business)).as("one call per lead").isEqualTo(120);
    }
}
