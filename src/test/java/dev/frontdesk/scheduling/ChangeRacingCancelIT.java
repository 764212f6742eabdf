package dev.frontdesk.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.support.TestApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A PATCH of an appointment racing its cancellation and a new booking of the freed slot, through the
 * real HTTP server, 30 times: the cancelled appointment stays cancelled, the slot is never held twice,
 * and nobody gets a 500 (on PostgreSQL under CI, on H2 locally).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestApi.class)
@TestPropertySource(properties = "frontdesk.fixed-clock=2026-11-23T13:00:00Z")
class ChangeRacingCancelIT {

    private static final int ROUNDS = 30;

    @LocalServerPort
    int port;

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().build();

    private HttpResponse<String> send(String method, String path, String apiKey, String type, String body)
            throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("X-API-Key", apiKey)
                        .header("Content-Type", type)
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Non-overlapping free one-hour starts over the next weeks. */
    private List<String> freeStarts(TestApi.TestBusiness business) {
        List<String> starts = new ArrayList<>();
        for (String date : List.of(
                "2026-11-24", "2026-11-28", "2026-11-30", "2026-12-01", "2026-12-05", "2026-12-07", "2026-12-08")) {
            JsonNode slots = api.getJson("/api/availability?date=" + date + "&service=Drain cleaning", business, 200)
                    .get("slots");
            for (int i = 0; i < slots.size(); i += 2) {
                starts.add(slots.get(i).get("start").asString());
            }
        }
        return starts;
    }

    @Test
    void aChangeRacingACancelNeverBringsTheAppointmentBackOrDoubleBooksTheSlot() throws Exception {
        var business = api.createBusiness("Racing changes");
        List<String> starts = freeStarts(business);
        assertThat(starts).hasSizeGreaterThanOrEqualTo(ROUNDS);
        List<Integer> statuses = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            String start = starts.get(round);
            var booked = send(
                    "POST",
                    "/api/appointments",
                    business.apiKey(),
                    "application/json",
                    AppointmentsApiTest.bookingJson("Drain cleaning", start, "+16175550101"));
            assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
            String id = booked.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

            var go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            try (var racers = Executors.newVirtualThreadPerTaskExecutor()) {
                answers.add(racers.submit(() -> {
                    go.await();
                    return send(
                            "PATCH",
                            "/api/appointments/" + id,
                            business.apiKey(),
                            "application/merge-patch+json",
                            "{\"status\": \"CONFIRMED\", \"notes\": \"Gate code 42\"}");
                }));
                answers.add(racers.submit(() -> {
                    go.await();
                    return send(
                            "POST", "/api/appointments/" + id + "/cancel", business.apiKey(), "application/json", "");
                }));
                answers.add(racers.submit(() -> {
                    go.await();
                    Thread.sleep(5);
                    return send(
                            "POST",
                            "/api/appointments",
                            business.apiKey(),
                            "application/json",
                            AppointmentsApiTest.bookingJson("Drain cleaning", start, "+16175550102"));
                }));
                go.countDown();
                for (var answer : answers) {
                    statuses.add(answer.get().statusCode());
                }
            }

            assertThat(jdbc.sql("SELECT status FROM appointment WHERE id = CAST(:id AS UUID)")
                            .param("id", id)
                            .query(String.class)
                            .single())
                    .as("round %d: the cancelled appointment stays cancelled", round)
                    .isEqualTo("CANCELLED");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM appointment WHERE business_id = CAST(:business AS UUID)"
                                    + " AND status IN ('SCHEDULED', 'CONFIRMED') AND start_at = :start")
                            .param("business", business.id())
                            .param("start", OffsetDateTime.parse(start))
                            .query(Long.class)
                            .single())
                    .as("round %d: the slot is held at most once", round)
                    .isLessThanOrEqualTo(1);
        }
        assertThat(statuses).as("no 5xx").allMatch(status -> status < 500);
    }
}
