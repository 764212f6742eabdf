package dev.frontdesk.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestDatabaseContextCustomizerFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Many callers racing for one slot through the real HTTP server: exactly one wins, every other gets a
 * 409, and nothing is half-written. Runs on PostgreSQL under CI (on H2 locally).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestApi.class)
@TestPropertySource(properties = "frontdesk.fixed-clock=2026-11-23T13:00:00Z")
class NoDoubleBookingIT {

    private static final int RACERS = 100;

    @LocalServerPort
    int port;

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().build();

    private HttpResponse<String> post(String path, String apiKey, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("X-API-Key", apiKey)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Runs all calls at once (released together by a latch) and returns their status codes. A 503 ("briefly
     * unavailable", the pool busy on a loaded machine) is retried as a client would, so the tally is of answers.
     */
    private List<Integer> race(List<java.util.concurrent.Callable<HttpResponse<String>>> calls) throws Exception {
        var start = new CountDownLatch(1);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (var call : calls) {
                futures.add(executor.submit(() -> {
                    start.await();
                    HttpResponse<String> response = call.call();
                    for (int retry = 0; retry < 20 && response.statusCode() == 503; retry++) {
                        Thread.sleep(200);
                        response = call.call();
                    }
                    return response;
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var future : futures) {
                statuses.add(future.get().statusCode());
            }
            return statuses;
        }
    }

    private static Map<Integer, Long> tally(List<Integer> statuses) {
        return statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @Test
    void hundredConcurrentBookingsOfOneSlotBookItExactlyOnce() throws Exception {
        var business = api.createBusiness("Popular");
        List<java.util.concurrent.Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            String phone = "+1617555" + String.format("%04d", 1000 + i);
            calls.add(() -> post(
                    "/api/appointments",
                    business.apiKey(),
                    AppointmentsApiTest.bookingJson("Drain cleaning", "2026-11-24T15:00:00Z", phone)));
        }

        assertThat(tally(race(calls))).isEqualTo(Map.of(201, 1L, 409, (long) RACERS - 1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appointment WHERE business_id = CAST(:id AS UUID)")
                        .param("id", business.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void concurrentReschedulesIntoOneFreeSlotMoveExactlyOne() throws Exception {
        var business = api.createBusiness("Shuffler");
        List<String> ids = new ArrayList<>();
        // Tuesday 08:00-17:00 New York: nine one-hour appointments from 08:00 to 16:00 local
        for (int hour = 13; hour <= 21; hour++) {
            var booked = post(
                    "/api/appointments",
                    business.apiKey(),
                    AppointmentsApiTest.bookingJson(
                            "Drain cleaning", "2026-11-24T" + hour + ":00:00Z", "+16175550199"));
            assertThat(booked.statusCode()).isEqualTo(201);
            ids.add(booked.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
        }
        String target = ids.removeFirst();
        post("/api/appointments/" + target + "/cancel", business.apiKey(), "{}");

        List<java.util.concurrent.Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (String id : ids) {
            calls.add(() -> post(
                    "/api/appointments/" + id + "/reschedule",
                    business.apiKey(),
                    "{\"start\": \"2026-11-24T13:00:00Z\"}"));
        }

        assertThat(tally(race(calls))).isEqualTo(Map.of(200, 1L, 409, (long) ids.size() - 1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appointment WHERE business_id = CAST(:id AS UUID)"
                                + " AND status = 'SCHEDULED' AND start_at < :end AND end_at > :start")
                        .param("id", business.id())
                        .param("start", java.time.OffsetDateTime.parse("2026-11-24T13:00:00Z"))
                        .param("end", java.time.OffsetDateTime.parse("2026-11-24T14:00:00Z"))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void onPostgresAnExclusionConstraintRefusesOverlapsEvenPastTheLock() {
        if (!TestDatabaseContextCustomizerFactory.onPostgres()) {
            return; // the second guard is PostgreSQL's; H2 relies on the calendar lock alone
        }
        UUID business = UUID.randomUUID();
        String insert = "INSERT INTO appointment (id, business_id, customer_name, service, start_at, end_at, status,"
                + " emergency, source_channel, sequence, created_at, updated_at) VALUES (:id, :business, 'X', 'S',"
                + " CAST(:start AS TIMESTAMPTZ), CAST(:end AS TIMESTAMPTZ), 'SCHEDULED', false, 'API', 0, now(), now())";
        jdbc.sql(insert)
                .param("id", UUID.randomUUID())
                .param("business", business)
                .param("start", "2026-11-24T15:00:00Z")
                .param("end", "2026-11-24T16:00:00Z")
                .update();
        assertThatThrownBy(() -> jdbc.sql(insert)
                        .param("id", UUID.randomUUID())
                        .param("business", business)
                        .param("start", "2026-11-24T15:30:00Z")
                        .param("end", "2026-11-24T16:30:00Z")
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("appointment_no_overlap");
    }
}
