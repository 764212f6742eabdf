package dev.frontdesk.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.MutableClock;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
 * The slice's done-when: a sandbox campaign of 1,000 leads in five time zones runs to completion on a
 * clock the test moves. Each round runs the dialer job's work ({@link Dialer#tick}) and answers every call
 * it placed through the sandbox API, with outcomes fixed per lead (no answer every time, busy then a
 * person, a machine then a person, a failure every time, a failure then a person, a booking, a person). No call is outside 08:00-21:00 local
 * (the window asks for 06:00-23:00), no do-not-call number is dialled (50 marked before the campaign, 50
 * after it was created), no lead is in two calls at once, never more than 20 calls at once, retries come
 * as configured (2 after the first call, 30 minutes apart at least, failed calls too), and the counts add up.
 */
@ApiTest
@TestPropertySource(properties = "frontdesk.jobs.enabled=false")
class ThousandLeadCampaignTest {

    static final Instant MONDAY_MIDNIGHT_UTC = Instant.parse("2026-11-23T00:00:00Z");
    static final List<String> ZONES =
            List.of("America/Los_Angeles", "America/New_York", "Europe/Madrid", "Asia/Tokyo", "Australia/Sydney");

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(MONDAY_MIDNIGHT_UTC);
        }
    }

    @Autowired
    TestApi api;

    @Autowired
    MutableClock clock;

    @Autowired
    Dialer dialer;

    @Autowired
    JdbcClient jdbc;

    static String phone(int i) {
        return "+16172" + String.format("%06d", i);
    }

    /** What happens on the lead's {@code attempt}-th call (1-based). */
    static String outcome(int i, int attempt) {
        if (i % 100 == 5) {
            return "meeting";
        }
        return switch (i % 10) {
            case 1 -> attempt == 1 ? "no-answer" : "busy"; // never reached
            case 2 -> attempt == 1 ? "busy" : "human";
            case 3 -> attempt == 1 ? "machine" : "human";
            case 4 -> "failed"; // every call fails: retried, then FAILED
            case 6 -> attempt == 1 ? "failed" : "human";
            default -> "human";
        };
    }

    JsonNode send(TestBusiness business, String path, String body, int status) {
        return api.read(api.perform(
                api.as(business, post(path))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                status));
    }

    @Test
    void aThousandLeadsInFiveTimeZonesAreCalledOnlyInTheirCallingHoursAndTheCountsAddUp() {
        clock.set(MONDAY_MIDNIGHT_UTC);
        TestBusiness business = api.createBusiness("Outbound plumbing");
        StringBuilder csv = new StringBuilder("name,phone,timezone\n");
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            csv.append("Lead ")
                    .append(i)
                    .append(',')
                    .append(phone(i))
                    .append(',')
                    .append(ZONES.get(i % 5))
                    .append('\n');
            index.put(phone(i), i);
        }
        JsonNode imported = api.read(api.perform(
                api.as(business, post("/api/leads/upload"))
                        .contentType("text/csv")
                        .content(csv.toString().getBytes(StandardCharsets.UTF_8)),
                201));
        assertThat(imported.get("imported").asInt()).isEqualTo(1000);
        Map<Integer, String> ids = new HashMap<>();
        for (int page = 1; page <= 10; page++) {
            for (JsonNode lead : api.getJson("/api/leads?pageSize=100&page=" + page, business, 200)
                    .get("items")) {
                ids.put(index.get(lead.get("phone").asString()), lead.get("id").asString());
            }
        }
        for (int i = 0; i < 1000; i += 20) {
            api.patchJson("/api/customers/" + ids.get(i), business, "{\"doNotCall\": true}", 200);
        }

        JsonNode created = send(business, "/api/campaigns", """
                {"name": "Winter checks", "purpose": "your winter boiler check",
                 "window": {"start": "06:00", "end": "23:00"}, "maxConcurrentCalls": 20,
                 "retry": {"attempts": 2, "backoffMinutes": 30}, "voicemail": "LEAVE_MESSAGE"}""", 201);
        String id = created.get("id").asString();
        assertThat(created.get("status").asString()).isEqualTo("DRAFT");
        assertThat(created.at("/counts/queued").asInt()).isEqualTo(950);
        assertThat(created.at("/counts/doNotCall").asInt()).isEqualTo(50);
        for (int i = 10; i < 1000; i += 20) {
            // asked not to be called after the campaign was made: skipped when their turn comes
            api.patchJson("/api/customers/" + ids.get(i), business, "{\"doNotCall\": true}", 200);
        }
        send(business, "/api/campaigns/" + id + "/start", "", 200);

        Map<Integer, List<Instant>> calls = new HashMap<>();
        int meetings = 0;
        for (int round = 0; round < 2000; round++) {
            Instant next = dialer.tick(UUID.fromString(id));
            Instant now = clock.instant();
            JsonNode ringing = api.getJson("/api/sandbox/outbound-calls?status=ringing&limit=1000", business, 200);
            assertThat(ringing.size()).isLessThanOrEqualTo(20);
            Set<String> inCall = new HashSet<>();
            for (JsonNode call : ringing) {
                String to = call.get("to").asString();
                assertThat(inCall.add(to)).as("a lead in two calls at once").isTrue();
                int i = index.get(to);
                assertThat(i % 10).as("a do-not-call lead was dialled").isNotZero();
                LocalTime local = now.atZone(ZoneId.of(ZONES.get(i % 5))).toLocalTime();
                assertThat(local).isAfterOrEqualTo(LocalTime.of(8, 0)).isBefore(LocalTime.of(21, 0));
                calls.computeIfAbsent(i, k -> new ArrayList<>()).add(now);
            }
            for (JsonNode call : ringing) {
                String sid = call.get("callSid").asString();
                int i = index.get(call.get("to").asString());
                String outcome = outcome(i, calls.get(i).size());
                switch (outcome) {
                    case "no-answer", "busy", "failed" ->
                        send(
                                business,
                                "/api/sandbox/outbound-calls/" + sid + "/end",
                                "{\"status\": \"" + outcome + "\"}",
                                200);
                    case "machine" -> {
                        JsonNode step = send(
                                business,
                                "/api/sandbox/outbound-calls/" + sid + "/answer",
                                "{\"answeredBy\": \"machine_end_beep\"}",
                                200);
                        assertThat(step.get("said").asString())
                                .contains("Outbound plumbing", "your winter boiler check", "call us back");
                        assertThat(step.get("twiml").asString()).contains("<Hangup/>");
                        send(
                                business,
                                "/api/sandbox/outbound-calls/" + sid + "/end",
                                "{\"status\": \"completed\"}",
                                200);
                    }
                    default -> {
                        JsonNode step = send(
                                business,
                                "/api/sandbox/outbound-calls/" + sid + "/answer",
                                "{\"answeredBy\": \"human\"}",
                                200);
                        assertThat(step.get("said").asString())
                                .startsWith("Hello Lead " + i + ", this is the virtual assistant of Outbound plumbing,"
                                        + " calling about your winter boiler check.");
                        assertThat(step.get("twiml").asString()).contains("/twilio/voice/gather?turn=1");
                        if (outcome.equals("meeting")) {
                            book(business, phone(i), meetings++);
                            await().atMost(Duration.ofSeconds(10))
                                    .until(() -> "MEETING_SCHEDULED".equals(state(id, ids.get(i))));
                        }
                        send(
                                business,
                                "/api/sandbox/outbound-calls/" + sid + "/end",
                                "{\"status\": \"completed\"}",
                                200);
                    }
                }
            }
            JsonNode progress = api.getJson("/api/campaigns/" + id, business, 200);
            if (progress.get("status").asString().equals("COMPLETED")) {
                break;
            }
            assertThat(next).as("a running campaign plans its next round").isNotNull();
            Instant later = now.plus(Duration.ofMinutes(5));
            clock.set(next.isAfter(later) ? next : later);
        }

        JsonNode done = api.getJson("/api/campaigns/" + id, business, 200);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        JsonNode counts = done.get("counts");
        assertThat(counts.get("queued").asInt() + counts.get("calling").asInt()).isZero();
        assertThat(counts.get("doNotCall").asInt()).isEqualTo(100);
        assertThat(counts.get("meetings").asInt()).isEqualTo(10);
        assertThat(counts.get("failed").asInt()).isEqualTo(100); // i % 10 == 4, after 3 calls
        assertThat(counts.get("noAnswer").asInt()).isEqualTo(100); // i % 10 == 1
        assertThat(counts.get("contacted").asInt()).isEqualTo(1000 - 100 - 10 - 100 - 100);
        int total = 0;
        for (String stage : List.of("queued", "calling", "contacted", "meetings", "noAnswer", "failed", "doNotCall")) {
            total += counts.get(stage).asInt();
        }
        assertThat(total).isEqualTo(1000);

        for (var entry : calls.entrySet()) {
            int i = entry.getKey();
            List<Instant> times = entry.getValue();
            int expected = i % 100 == 5
                    ? 1
                    : switch (i % 10) {
                        case 1, 4 -> 3;
                        case 2, 3, 6 -> 2;
                        default -> 1;
                    };
            assertThat(times).as("calls to lead " + i).hasSize(expected);
            for (int k = 1; k < times.size(); k++) {
                assertThat(Duration.between(times.get(k - 1), times.get(k)))
                        .isGreaterThanOrEqualTo(Duration.ofMinutes(30));
            }
        }
        assertThat(calls).hasSize(900);
        JsonNode lead = api.getJson("/api/customers/" + ids.get(11), business, 200);
        assertThat(lead.get("status").asString()).isEqualTo("NO_ANSWER");
        assertThat(api.getJson("/api/customers/" + ids.get(14), business, 200)
                        .get("status")
                        .asString())
                .isEqualTo("FAILED");
        assertThat(api.getJson("/api/customers/" + ids.get(16), business, 200)
                        .get("status")
                        .asString())
                .isEqualTo("CONTACTED");
        assertThat(api.getJson("/api/customers/" + ids.get(5), business, 200)
                        .get("status")
                        .asString())
                .isEqualTo("MEETING_SCHEDULED");
    }

    private void book(TestBusiness business, String phone, int k) {
        // Tuesdays Dec 1 and Dec 8, 08:00-16:00 New York (UTC-5)
        Instant start = Instant.parse("2026-12-01T13:00:00Z")
                .plus(Duration.ofDays(7L * (k / 9)))
                .plus(Duration.ofHours(k % 9));
        send(business, "/api/appointments", """
                {"service": "Drain cleaning", "start": "%s", "customer": {"name": "Lead", "phone": "%s"}}""".formatted(start, phone), 201);
    }

    private String state(String campaign, String customer) {
        return jdbc.sql("SELECT state FROM campaign_lead WHERE campaign_id = :c AND customer_id = :l")
                .param("c", UUID.fromString(campaign))
                .param("l", UUID.fromString(customer))
                .query(String.class)
                .single();
    }
}
