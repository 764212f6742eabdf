package dev.frontdesk.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.MutableClock;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
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
 * The done-when's second run: a sandbox campaign of 1,000 leads in thirteen time zones (some in their night
 * when it starts, some with half-hour offsets) is run by two dialer nodes — two db-scheduler instances on
 * the same database running the application's own {@code campaign-dialer} job — on one clock the test
 * moves (the scheduler's and the dialer's). Each call's result is fixed by its lead and attempt (a person,
 * no answer, busy, an answering machine, a failure), and the campaign retries twice, 30 minutes apart.
 * Mid-campaign node A dies while placing a round of calls: the provider took one call it never recorded,
 * and it claimed others it never placed (its thread hangs, its scheduler stops). Node B revives its job,
 * records the call A did not, places the calls A left, and finishes the campaign; two rounds after B took
 * over, A's frozen thread wakes up (a node that was only frozen) and ends its round without placing any of
 * the calls B took over. Every lead is dialled exactly as many times as its results and the
 * retry policy say (no call lost, none repeated, no retry forgotten across the death), never a
 * do-not-call lead, never outside 08:00-21:00 local nor outside the campaign's window (06:00-19:30), never
 * two calls to a lead at once, never more than 20 calls at once, and the counts add up to 1,000. Runs on
 * PostgreSQL under CI (on H2 locally).
 */
@ApiTest
@TestPropertySource(properties = "frontdesk.jobs.enabled=false")
class TwoNodeThousandLeadCampaignIT {

    static final Instant MONDAY_NOON_UTC = Instant.parse("2026-11-23T12:00:00Z");
    static final List<String> ZONES = List.of(
            "Pacific/Honolulu",
            "America/Los_Angeles",
            "America/Chicago",
            "America/New_York",
            "America/St_Johns",
            "America/Sao_Paulo",
            "Europe/London",
            "Europe/Madrid",
            "Asia/Dubai",
            "Asia/Kolkata",
            "Asia/Tokyo",
            "Australia/Adelaide",
            "Pacific/Auckland");
    static final int LEADS = 1000;
    static final int RETRIES = 2;
    static final Duration BACKOFF = Duration.ofMinutes(30);
    static final int AT_ONCE = 20;
    static final LocalTime WINDOW_START = LocalTime.of(6, 0);
    static final LocalTime WINDOW_END = LocalTime.of(19, 30);

    static final ThreadLocal<String> NODE = new ThreadLocal<>();

    /**
     * The sandbox dialer, noting which node placed each call. Once armed, node A dies in the middle of a
     * round: the provider takes its call, and with other calls of the round still to place, its thread hangs
     * before the call's sid is recorded, until the test releases it.
     */
    static final class KillablePlacer implements CallPlacer {
        private final SandboxCallPlacer sandbox;
        private final JdbcClient jdbc;
        final Map<String, String> nodeOfCall = new ConcurrentHashMap<>();
        final AtomicBoolean armed = new AtomicBoolean();
        final CountDownLatch hung = new CountDownLatch(1);
        final CountDownLatch released = new CountDownLatch(1);
        volatile long leftUnplaced;

        KillablePlacer(SandboxCallPlacer sandbox, JdbcClient jdbc) {
            this.sandbox = sandbox;
            this.jdbc = jdbc;
        }

        @Override
        public String place(OutboundCall call) {
            String node = NODE.get();
            String sid = sandbox.place(call);
            nodeOfCall.put(sid, String.valueOf(node));
            if ("A".equals(node) && armed.get()) {
                long others = jdbc.sql("SELECT COUNT(*) FROM campaign_lead WHERE business_id = :b"
                                + " AND state = 'CALLING' AND call_sid IS NULL AND attempt_id <> :a")
                        .param("b", call.business().value())
                        .param("a", call.attemptId())
                        .query(Long.class)
                        .single();
                if (others > 0 && armed.compareAndSet(true, false)) {
                    leftUnplaced = others;
                    hung.countDown();
                    while (released.getCount() > 0) {
                        try {
                            released.await();
                        } catch (InterruptedException e) {
                            // a frozen node does not notice its scheduler being stopped
                        }
                    }
                    // it wakes up (a node that was only frozen) and goes on with its round
                    Thread.interrupted();
                }
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
            return new MutableClock(MONDAY_NOON_UTC);
        }

        @Bean
        @Primary
        KillablePlacer killablePlacer(JdbcClient jdbc, Clock clock) {
            return new KillablePlacer(new SandboxCallPlacer(jdbc, clock), jdbc);
        }
    }

    @Autowired
    TestApi api;

    @Autowired
    MutableClock clock;

    @Autowired
    KillablePlacer placer;

    @Autowired
    CustomTask<Void> campaignDialerTask;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    /** The clock's time when a node last finished a run of the job. */
    final AtomicReference<Instant> lastRun = new AtomicReference<>();

    /** Node A's round that froze has run to its end, after A woke up. */
    final CountDownLatch wokenRoundDone = new CountDownLatch(1);

    /** What the lead's {@code attempt}-th call (1-based) ends with; fixed per lead and attempt. */
    static String result(int lead, int attempt) {
        int h = (lead * 7919 + attempt * 104_729) * 0x9E3779B1;
        int r = Math.floorMod(h ^ (h >>> 16), 20);
        return r < 7 ? "human" : r < 12 ? "no-answer" : r < 15 ? "busy" : r < 18 ? "machine" : "failed";
    }

    static boolean doNotCallBefore(int lead) {
        return lead % 25 == 0;
    }

    static boolean doNotCallAfter(int lead) {
        return lead % 25 == 12;
    }

    /** How many calls the lead gets and the stage it ends in, by its results and the retry policy. */
    record Expected(int calls, String stage) {}

    static Expected expected(int lead) {
        if (doNotCallBefore(lead) || doNotCallAfter(lead)) {
            return new Expected(0, "doNotCall");
        }
        for (int attempt = 1; ; attempt++) {
            switch (result(lead, attempt)) {
                case "human" -> {
                    return new Expected(attempt, "contacted");
                }
                case "failed" -> {
                    // a failed call is retried like no answer; the last one leaves the lead FAILED
                    if (attempt == 1 + RETRIES) {
                        return new Expected(attempt, "failed");
                    }
                }
                default -> {
                    if (attempt == 1 + RETRIES) {
                        return new Expected(attempt, "noAnswer");
                    }
                }
            }
        }
    }

    static String phone(int i) {
        return "+16178" + String.format("%06d", i);
    }

    /** One call seen ringing: the lead, which of its calls it is, when it was placed. */
    record Seen(int lead, int attempt, Instant at) {}

    JsonNode send(TestBusiness business, String path, String body, int status) {
        return api.read(api.perform(
                api.as(business, post(path))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                status));
    }

    Scheduler node(String name) {
        return Scheduler.create(dataSource, campaignDialerTask)
                .schedulerName(new SchedulerName.Fixed("node-" + name))
                .clock(clock::instant)
                .pollingInterval(Duration.ofMillis(100))
                .heartbeatInterval(Duration.ofMillis(200))
                .missedHeartbeatsLimit(4)
                .threads(2)
                .shutdownMaxWait(Duration.ofMillis(300))
                .addExecutionInterceptor((instance, context, chain) -> {
                    NODE.set(name);
                    try {
                        var done = chain.proceed(instance, context);
                        if (name.equals("A") && placer.hung.getCount() == 0) {
                            wokenRoundDone.countDown();
                        } else {
                            lastRun.set(clock.instant());
                        }
                        return done;
                    } finally {
                        NODE.remove();
                    }
                })
                .build();
    }

    static void stop(Scheduler node) throws InterruptedException {
        Thread stopper = new Thread(node::stop);
        stopper.start();
        stopper.join(10_000);
    }

    @Test
    void nodeADiesMidCampaignAndNodeBDialsEveryLeadAsItsResultsAndRetriesSay() throws Exception {
        clock.set(MONDAY_NOON_UTC);
        TestBusiness business = api.createBusiness("Two node outbound");
        StringBuilder csv = new StringBuilder("name,phone,timezone\n");
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < LEADS; i++) {
            csv.append("Lead ")
                    .append(i)
                    .append(',')
                    .append(phone(i))
                    .append(',')
                    .append(ZONES.get(i % ZONES.size()))
                    .append('\n');
            index.put(phone(i), i);
        }
        JsonNode imported = api.read(api.perform(
                api.as(business, post("/api/leads/upload"))
                        .contentType("text/csv")
                        .content(csv.toString().getBytes(StandardCharsets.UTF_8)),
                201));
        assertThat(imported.get("imported").asInt()).isEqualTo(LEADS);
        Map<Integer, String> ids = new HashMap<>();
        for (int page = 1; page <= LEADS / 100; page++) {
            for (JsonNode lead : api.getJson("/api/leads?pageSize=100&page=" + page, business, 200)
                    .get("items")) {
                ids.put(index.get(lead.get("phone").asString()), lead.get("id").asString());
            }
        }
        for (int i = 0; i < LEADS; i++) {
            if (doNotCallBefore(i)) {
                api.patchJson("/api/customers/" + ids.get(i), business, "{\"doNotCall\": true}", 200);
            }
        }
        String id = send(business, "/api/campaigns", """
                        {"name": "Two nodes", "purpose": "your winter boiler check",
                         "window": {"start": "06:00", "end": "19:30"}, "maxConcurrentCalls": %d,
                         "retry": {"attempts": %d, "backoffMinutes": %d}, "voicemail": "LEAVE_MESSAGE"}""".formatted(AT_ONCE, RETRIES, BACKOFF.toMinutes()), 201)
                .get("id")
                .asString();
        for (int i = 0; i < LEADS; i++) {
            if (doNotCallAfter(i)) {
                // asked not to be called after the campaign was made: skipped when their turn comes
                api.patchJson("/api/customers/" + ids.get(i), business, "{\"doNotCall\": true}", 200);
            }
        }
        TaskInstanceId job = TaskInstanceId.of(DialerJobs.TASK, id);

        Scheduler a = node("A");
        Scheduler b = node("B");
        a.start();
        b.start();
        Map<String, Seen> seen = new HashMap<>();
        Map<Integer, List<Instant>> calls = new HashMap<>();
        Instant killedAt = null;
        int killedRound = -1;
        try {
            send(business, "/api/campaigns/" + id + "/start", "", 200);
            int ended = 0;
            boolean completed = false;
            for (int round = 0; round < 3000 && !completed; round++) {
                Instant now = clock.instant();
                boolean killedNow = awaitRound(job, now, killedAt == null ? List.of(a, b) : List.of(b));
                JsonNode ringing = api.getJson("/api/sandbox/outbound-calls?status=ringing&limit=1000", business, 200);
                assertThat(ringing.size()).as("calls at once").isLessThanOrEqualTo(AT_ONCE);
                Set<String> inCall = new HashSet<>();
                for (JsonNode call : ringing) {
                    String to = call.get("to").asString();
                    assertThat(inCall.add(to)).as("a lead in two calls at once").isTrue();
                    String sid = call.get("callSid").asString();
                    if (seen.containsKey(sid)) {
                        continue; // a call still going on since the last round
                    }
                    int i = index.get(to);
                    Instant at = Instant.parse(call.get("createdAt").asString());
                    assertThat(doNotCallBefore(i) || doNotCallAfter(i))
                            .as("a do-not-call lead was dialled")
                            .isFalse();
                    LocalTime local =
                            at.atZone(ZoneId.of(ZONES.get(i % ZONES.size()))).toLocalTime();
                    assertThat(local)
                            .as("lead " + i + " called outside 08:00-21:00 local")
                            .isAfterOrEqualTo(LocalTime.of(8, 0))
                            .isBefore(LocalTime.of(21, 0));
                    assertThat(local)
                            .as("lead " + i + " called outside the campaign's window")
                            .isAfterOrEqualTo(WINDOW_START)
                            .isBefore(WINDOW_END);
                    List<Instant> times = calls.computeIfAbsent(i, k -> new ArrayList<>());
                    times.add(at);
                    seen.put(sid, new Seen(i, times.size(), at));
                }
                if (killedAt != null && round == killedRound + 2) {
                    // two rounds after B took over, A's frozen round wakes up and finishes: it must place none of
                    // the calls B took over (they are no longer claimed for A's attempts)
                    placer.released.countDown();
                    assertThat(wokenRoundDone.await(30, TimeUnit.SECONDS))
                            .as("node A's frozen round ran to its end")
                            .isTrue();
                }
                if (killedNow) {
                    // node A died placing this round: its calls go on into the next round, when B has taken over
                    stop(a);
                    killedAt = now;
                    killedRound = round;
                } else {
                    for (JsonNode call : ringing) {
                        String sid = call.get("callSid").asString();
                        Seen s = seen.get(sid);
                        drive(business, sid, result(s.lead(), s.attempt()));
                        ended++;
                    }
                }
                if (killedAt == null && ended >= 400) {
                    placer.armed.set(true);
                }
                completed = api.getJson("/api/campaigns/" + id, business, 200)
                        .get("status")
                        .asString()
                        .equals("COMPLETED");
                if (!completed) {
                    Instant next = b.getScheduledExecution(job)
                            .filter(e -> !e.isPicked())
                            .map(ScheduledExecution::getExecutionTime)
                            .orElse(now);
                    Instant later = now.plus(Duration.ofMinutes(5));
                    clock.set(next.isAfter(later) ? next : later);
                }
            }
            assertThat(completed).as("the campaign ran to completion").isTrue();
        } finally {
            stop(b);
            placer.released.countDown();
        }

        assertThat(killedAt).as("node A died mid-campaign").isNotNull();
        assertThat(placer.leftUnplaced).as("node A left claimed calls unplaced").isPositive();
        Map<String, Integer> perNode = new HashMap<>();
        for (var entry : seen.entrySet()) {
            String node = placer.nodeOfCall.get(entry.getKey());
            perNode.merge(node, 1, Integer::sum);
            if (entry.getValue().at().isAfter(killedAt)) {
                assertThat(node).as("a call placed after node A died").isEqualTo("B");
            }
        }
        assertThat(perNode.keySet()).containsExactlyInAnyOrder("A", "B");

        Map<String, Integer> stages = new HashMap<>();
        int retriedAcrossTheDeath = 0;
        for (int i = 0; i < LEADS; i++) {
            Expected expected = expected(i);
            stages.merge(expected.stage(), 1, Integer::sum);
            List<Instant> times = calls.getOrDefault(i, List.of());
            int lead = i;
            assertThat(times)
                    .as(() -> "calls to lead " + lead + ", its call log: " + callLog(phone(lead)))
                    .hasSize(expected.calls());
            for (int k = 1; k < times.size(); k++) {
                assertThat(Duration.between(times.get(k - 1), times.get(k)))
                        .as("the backoff between calls to lead " + i)
                        .isGreaterThanOrEqualTo(BACKOFF);
            }
            if (!times.isEmpty()
                    && !times.getFirst().isAfter(killedAt)
                    && times.getLast().isAfter(killedAt)) {
                retriedAcrossTheDeath++;
            }
        }
        assertThat(retriedAcrossTheDeath)
                .as("leads called before node A died and called again after")
                .isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM campaign_sandbox_call WHERE business_id = :b")
                        .param("b", UUID.fromString(business.id()))
                        .query(Integer.class)
                        .single())
                .as("every call placed was seen ringing")
                .isEqualTo(seen.size());
        assertThat(api.getJson("/api/campaigns/" + id + "/calls", business, 200)
                        .get("total")
                        .asInt())
                .as("the campaign's call log: the calls placed, not the claims never placed")
                .isEqualTo(seen.size());

        JsonNode counts = api.getJson("/api/campaigns/" + id, business, 200).get("counts");
        assertThat(counts.get("queued").asInt() + counts.get("calling").asInt()).isZero();
        assertThat(counts.get("meetings").asInt()).isZero();
        assertThat(counts.get("erased").asInt()).isZero();
        assertThat(counts.get("doNotCall").asInt()).isEqualTo(80).isEqualTo(stages.get("doNotCall"));
        assertThat(counts.get("contacted").asInt()).isEqualTo(stages.get("contacted"));
        assertThat(counts.get("noAnswer").asInt()).isEqualTo(stages.get("noAnswer"));
        assertThat(counts.get("failed").asInt()).isEqualTo(stages.get("failed"));
        int total = 0;
        for (var stage : counts.properties()) {
            total += stage.getValue().asInt();
        }
        assertThat(total).as("the counts add up to the campaign's leads").isEqualTo(LEADS);
        for (var stage : Map.of("CONTACTED", "contacted", "NO_ANSWER", "noAnswer", "FAILED", "failed")
                .entrySet()) {
            assertThat(api.getJson("/api/leads?pageSize=1&status=" + stage.getKey(), business, 200)
                            .get("total")
                            .asInt())
                    .as("customers " + stage.getKey())
                    .isEqualTo(stages.get(stage.getValue()));
        }
    }

    private List<Map<String, Object>> callLog(String phone) {
        return jdbc.sql("SELECT attempt, call_sid, status, placed_at, ended_at, answered_by FROM campaign_call"
                        + " WHERE phone = :p ORDER BY placed_at")
                .param("p", phone)
                .query()
                .listOfRows();
    }

    /** Answers and ends one ringing call with its result, through the sandbox API. */
    private void drive(TestBusiness business, String sid, String result) {
        String calls = "/api/sandbox/outbound-calls/" + sid;
        switch (result) {
            case "human" -> {
                send(business, calls + "/answer", "{\"answeredBy\": \"human\"}", 200);
                send(business, calls + "/end", "{\"status\": \"completed\"}", 200);
            }
            case "machine" -> {
                send(business, calls + "/answer", "{\"answeredBy\": \"machine_end_beep\"}", 200);
                send(business, calls + "/end", "{\"status\": \"completed\"}", 200);
            }
            default -> send(business, calls + "/end", "{\"status\": \"" + result + "\"}", 200);
        }
    }

    /**
     * Waits (real time) until a node has run the campaign's job at the clock's time and the job is planned
     * for later, or gone (the campaign is over); or node A hangs in it, dead (then true). The clock stands
     * still meanwhile, so the nodes are told to look for due jobs.
     */
    private boolean awaitRound(TaskInstanceId job, Instant now, List<Scheduler> alive) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            boolean ran = now.equals(lastRun.get());
            var execution = alive.getLast().getScheduledExecution(job);
            if (execution.isEmpty() && ran) {
                return false;
            }
            var e = execution.orElse(null);
            if (ran && !e.isPicked() && e.getExecutionTime().isAfter(now)) {
                return false;
            }
            if (alive.size() == 2
                    && e != null
                    && e.isPicked()
                    && "node-A".equals(e.getPickedBy())
                    && placer.hung.getCount() == 0) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                fail("the campaign's job did not run at " + now + ": " + e);
            }
            for (Scheduler node : alive) {
                node.triggerCheckForDueExecutions();
            }
            Thread.sleep(20);
        }
    }
}
