package dev.frontdesk.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.scheduling.AppointmentEvents.AppointmentBooked;
import dev.frontdesk.scheduling.AppointmentEvents.AppointmentCancelled;
import dev.frontdesk.scheduling.AppointmentEvents.AppointmentRescheduled;
import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TenantIsolation;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/**
 * The appointments API as a business uses it. The clock is pinned to Monday 2026-11-23 08:00 in New
 * York; test businesses open Mon 08:00–12:00 and 13:00–17:00, Tue 08:00–17:00, Sat 09:00–13:00, with
 * the default 2 hours' notice and 30-minute slots; "Drain cleaning" takes 60 minutes.
 */
@ApiTest
@RecordApplicationEvents
@TestPropertySource(properties = "frontdesk.fixed-clock=2026-11-23T13:00:00Z")
class AppointmentsApiTest {

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    TestBusiness business;

    @BeforeEach
    void createBusiness() {
        business = api.createBusiness("Booker");
    }

    private JsonNode book(String start) {
        return book(business, start, 201);
    }

    private JsonNode book(TestBusiness who, String start, int status) {
        return api.read(api.perform(
                api.as(who, post("/api/appointments"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(bookingJson("Drain cleaning", start, "+1 (617) 555-0123")),
                status));
    }

    static String bookingJson(String service, String start, String phone) {
        return """
                {"service": "%s", "start": "%s",
                 "customer": {"name": "Dana Smith", "phone": "%s", "email": "dana@example.com"},
                 "notes": "Kitchen sink"}""".formatted(service, start, phone);
    }

    private List<String> slotStarts(String date) {
        JsonNode body = api.getJson("/api/availability?date=" + date + "&service=Drain cleaning", business, 200);
        return body.get("slots")
                .valueStream()
                .map(s -> s.get("start").asString())
                .toList();
    }

    @Test
    void freeSlotsFollowTheOpeningHoursInTheBusinessTimezone() {
        JsonNode body = api.getJson("/api/availability?date=2026-11-24&service=drain cleaning", business, 200);
        assertThat(body.get("timezone").asString()).isEqualTo("America/New_York");
        assertThat(body.get("service").asString()).isEqualTo("Drain cleaning");
        List<String> starts = slotStarts("2026-11-24");
        assertThat(starts).hasSize(17).startsWith("2026-11-24T13:00:00Z").endsWith("2026-11-24T21:00:00Z");
        assertThat(body.at("/slots/0/end").asString()).isEqualTo("2026-11-24T14:00:00Z");
    }

    @Test
    void todayOnlyOffersSlotsAfterTheMinimumNoticeAndOutsideTheLunchBreak() {
        assertThat(slotStarts("2026-11-23"))
                .containsExactly(
                        "2026-11-23T15:00:00Z",
                        "2026-11-23T15:30:00Z",
                        "2026-11-23T16:00:00Z",
                        "2026-11-23T18:00:00Z",
                        "2026-11-23T18:30:00Z",
                        "2026-11-23T19:00:00Z",
                        "2026-11-23T19:30:00Z",
                        "2026-11-23T20:00:00Z",
                        "2026-11-23T20:30:00Z",
                        "2026-11-23T21:00:00Z");
        assertThat(slotStarts("2026-11-29")).as("closed on Sunday").isEmpty();
    }

    @Test
    void bookingReturnsTheAppointmentAndTakesItsTimeOutOfAvailability() {
        JsonNode booked = book("2026-11-24T10:00"); // local time, read in New York
        assertThat(booked.get("start").asString()).isEqualTo("2026-11-24T15:00:00Z");
        assertThat(booked.get("end").asString()).isEqualTo("2026-11-24T16:00:00Z");
        assertThat(booked.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(booked.get("service").asString()).isEqualTo("Drain cleaning");
        assertThat(booked.get("emergency").asBoolean()).isFalse();
        assertThat(booked.at("/customer/phone").asString()).isEqualTo("+16175550123");
        assertThat(booked.at("/customer/name").asString()).isEqualTo("Dana Smith");

        String id = booked.get("id").asString();
        assertThat(api.getJson("/api/appointments/" + id, business, 200)).isEqualTo(booked);
        assertThat(slotStarts("2026-11-24"))
                .doesNotContain("2026-11-24T14:30:00Z", "2026-11-24T15:00:00Z", "2026-11-24T15:30:00Z")
                .contains("2026-11-24T14:00:00Z", "2026-11-24T16:00:00Z");
        assertThat(events.stream(AppointmentBooked.class)
                        .filter(e -> e.appointment().id().toString().equals(id)))
                .hasSize(1);
    }

    @Test
    void aTakenSlotIsAConflictWithAlternativesAndNothingIsWritten() {
        book("2026-11-24T15:00:00Z");
        JsonNode problem = book(business, "2026-11-24T15:30:00Z", 409);
        assertThat(problem.get("type").asString()).isEqualTo("https://frontdesk.dev/problems/slot-taken");
        assertThat(problem.get("reason").asString()).isEqualTo("taken");
        List<String> alternatives = problem.get("alternatives")
                .valueStream()
                .map(a -> a.get("start").asString())
                .toList();
        assertThat(alternatives).hasSize(3).allMatch(a -> a.startsWith("2026-11-24"));
        assertThat(alternatives).contains("2026-11-24T16:00:00Z", "2026-11-24T14:00:00Z");
        assertThat(appointmentsOf(business)).isEqualTo(1);
    }

    @Test
    void timesOutsideHoursAreUnprocessableWithAlternatives() {
        JsonNode evening = book(business, "2026-11-24T18:00", 422);
        assertThat(evening.get("type").asString()).isEqualTo("https://frontdesk.dev/problems/outside-hours");
        assertThat(evening.get("reason").asString()).isEqualTo("outside_hours");
        assertThat(evening.get("alternatives")).isNotEmpty();
        assertThat(book(business, "2026-11-29T10:00", 422).get("reason").asString())
                .isEqualTo("outside_hours");
        assertThat(book(business, "2026-11-23T08:30", 422).get("reason").asString())
                .isEqualTo("too_soon");
        assertThat(book(business, "2027-06-01T10:00", 422).get("reason").asString())
                .isEqualTo("beyond_horizon");
        assertThat(appointmentsOf(business)).isZero();
    }

    @Test
    void rescheduleMovesTheAppointmentAndRefusesATakenSlot() {
        String first = book("2026-11-24T09:00").get("id").asString();
        String second = book("2026-11-24T11:00").get("id").asString();

        JsonNode taken = api.read(api.perform(
                api.as(business, post("/api/appointments/" + second + "/reschedule"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"start\": \"2026-11-24T09:30\"}"),
                409));
        assertThat(taken.get("alternatives")).isNotEmpty();
        assertThat(api.getJson("/api/appointments/" + second, business, 200)
                        .get("start")
                        .asString())
                .isEqualTo("2026-11-24T16:00:00Z");

        JsonNode moved = api.read(api.perform(
                api.as(business, post("/api/appointments/" + second + "/reschedule"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"start\": \"2026-11-24T14:00\"}"),
                200));
        assertThat(moved.get("start").asString()).isEqualTo("2026-11-24T19:00:00Z");
        assertThat(slotStarts("2026-11-24")).contains("2026-11-24T16:00:00Z").doesNotContain("2026-11-24T19:00:00Z");
        assertThat(events.stream(AppointmentRescheduled.class)
                        .filter(e -> e.appointment().id().toString().equals(second)))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.previousStart()).isEqualTo(Instant.parse("2026-11-24T16:00:00Z"));
                    assertThat(e.appointment().sequence()).isEqualTo(1);
                });
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void cancellingFreesTheSlotAndIsHarmlessTwice() {
        String id = book("2026-11-24T10:00").get("id").asString();
        JsonNode cancelled = api.read(api.perform(api.as(business, post("/api/appointments/" + id + "/cancel")), 200));
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        api.perform(api.as(business, post("/api/appointments/" + id + "/cancel")), 200);
        assertThat(slotStarts("2026-11-24")).contains("2026-11-24T15:00:00Z");
        assertThat(events.stream(AppointmentCancelled.class)
                        .filter(e -> e.appointment().id().toString().equals(id)))
                .hasSize(1);
        api.perform(
                api.as(business, post("/api/appointments/" + id + "/reschedule"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"start\": \"2026-11-24T14:00\"}"),
                409);
        book("2026-11-24T10:00");
    }

    @Test
    void patchChangesStatusAndNotesButNeverCancels() {
        String id = book("2026-11-24T10:00").get("id").asString();
        JsonNode changed = api.read(api.perform(
                api.as(business, patch("/api/appointments/" + id))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"status\": \"CONFIRMED\", \"notes\": \"Gate code 42\", \"customer\": {\"name\": \"Dana S.\"}}"),
                200));
        assertThat(changed.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(changed.get("notes").asString()).isEqualTo("Gate code 42");
        assertThat(changed.at("/customer/name").asString()).isEqualTo("Dana S.");
        assertThat(changed.at("/customer/phone").asString()).isEqualTo("+16175550123");
        api.perform(
                api.as(business, patch("/api/appointments/" + id))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"CANCELLED\"}"),
                400);
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndNeverBooksTwice() {
        String body = bookingJson("Drain cleaning", "2026-11-24T10:00", "+16175550123");
        var request = api.as(business, post("/api/appointments"))
                .header("Idempotency-Key", "retry-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        var first = api.perform(request, 201);
        var second = api.perform(
                api.as(business, post("/api/appointments"))
                        .header("Idempotency-Key", "retry-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                201);
        assertThat(api.read(second)).isEqualTo(api.read(first));
        assertThat(second.getResponse().getHeader("Location"))
                .isEqualTo(first.getResponse().getHeader("Location"));
        assertThat(appointmentsOf(business)).isEqualTo(1);

        api.perform(
                api.as(business, post("/api/appointments"))
                        .header("Idempotency-Key", "retry-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(bookingJson("Drain cleaning", "2026-11-24T13:00", "+16175550123")),
                422);

        String taken = bookingJson("Leak repair", "2026-11-24T10:30", "+16175550123");
        JsonNode conflict = api.read(api.perform(
                api.as(business, post("/api/appointments"))
                        .header("Idempotency-Key", "retry-2")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(taken),
                409));
        api.perform(
                api.as(
                        business,
                        post("/api/appointments/" + api.read(first).get("id").asString() + "/cancel")),
                200);
        JsonNode replayed = api.read(api.perform(
                api.as(business, post("/api/appointments"))
                        .header("Idempotency-Key", "retry-2")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(taken),
                409));
        assertThat(replayed).isEqualTo(conflict);
    }

    @Test
    void badBookingsGetClearProblems() {
        var bad = List.of(
                bookingJson("Chimney sweep", "2026-11-24T10:00", "+16175550123"),
                bookingJson("Drain cleaning", "tomorrow-ish", "+16175550123"),
                bookingJson("Drain cleaning", "2026-11-24T10:00", "not a phone"),
                "{\"service\": \"Drain cleaning\", \"start\": \"2026-11-24T10:00\"}");
        var fields = List.of("service", "start", "customer.phone", "customer");
        for (int i = 0; i < bad.size(); i++) {
            JsonNode problem = api.read(api.perform(
                    api.as(business, post("/api/appointments"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(bad.get(i)),
                    400));
            assertThat(problem.at("/errors/0/field").asString()).isEqualTo(fields.get(i));
        }
        assertThat(appointmentsOf(business)).isZero();
        api.perform(api.as(business, get("/api/availability?date=2026-11-24")), 400);
        api.perform(api.as(business, get("/api/availability?date=24/11/2026&service=Drain cleaning")), 400);
    }

    @Test
    void listingFiltersByDayAndStatusAndPages() {
        book("2026-11-24T09:00");
        String cancelled = book("2026-11-24T11:00").get("id").asString();
        book("2026-11-28T10:00");
        api.perform(api.as(business, post("/api/appointments/" + cancelled + "/cancel")), 200);

        JsonNode all = api.getJson("/api/appointments", business, 200);
        assertThat(all.get("total").asInt()).isEqualTo(3);
        assertThat(all.get("items").valueStream().map(i -> i.get("start").asString()))
                .containsExactly("2026-11-24T14:00:00Z", "2026-11-24T16:00:00Z", "2026-11-28T15:00:00Z");
        assertThat(api.getJson("/api/appointments?from=2026-11-24&to=2026-11-24", business, 200)
                        .get("total")
                        .asInt())
                .isEqualTo(2);
        assertThat(api.getJson("/api/appointments?status=SCHEDULED", business, 200)
                        .get("total")
                        .asInt())
                .isEqualTo(2);
        JsonNode page2 = api.getJson("/api/appointments?pageSize=2&page=2", business, 200);
        assertThat(page2.get("items")).hasSize(1);
        assertThat(page2.get("page").asInt()).isEqualTo(2);
        api.perform(api.as(business, get("/api/appointments?status=LATE")), 400);
    }

    @Test
    void anotherBusinessCannotSeeOrTouchAnAppointment() {
        TestBusiness other = api.createBusiness("Nosy");
        String id = book("2026-11-24T10:00").get("id").asString();
        TenantIsolation.assertInvisibleToOtherBusiness(
                api,
                business,
                other,
                "/api/appointments/" + id,
                "{\"notes\": \"mine now\"}",
                false,
                "{\"start\": \"2026-11-24T14:00\"}",
                "/api/appointments/" + id + "/cancel",
                "/api/appointments/" + id + "/reschedule");
        assertThat(api.getJson("/api/appointments", other, 200).get("total").asInt())
                .isZero();
        // the other business's calendar is its own: the same time is free there
        book(other, "2026-11-24T10:00", 201);
    }

    private long appointmentsOf(TestBusiness who) {
        return jdbc.sql("SELECT COUNT(*) FROM appointment WHERE business_id = CAST(:id AS UUID)")
                .param("id", who.id())
                .query(Long.class)
                .single();
    }

    @Test
    void anAppointmentCanOnlyBeGivenToAnEmployeeOfTheSameBusiness() {
        TestBusiness other = api.createBusiness("Other booker");
        String theirs = api.read(api.perform(
                        api.as(other, post("/api/employees"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\": \"Sam Lee\", \"phone\": \"+16175550177\"}"),
                        201))
                .get("id")
                .asString();
        String ours = api.read(api.perform(
                        api.as(business, post("/api/employees"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\": \"Alex Kim\", \"phone\": \"+16175550178\"}"),
                        201))
                .get("id")
                .asString();
        String withStaff = """
                {"service": "Drain cleaning", "start": "2026-11-24T13:00:00Z", "staffId": "%s",
                 "customer": {"name": "Dana Smith", "phone": "+16175550123"}}""";

        for (String foreign : List.of(theirs, "sam", "00000000-0000-0000-0000-000000000000")) {
            JsonNode refused = api.read(api.perform(
                    api.as(business, post("/api/appointments"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(withStaff.formatted(foreign)),
                    400));
            assertThat(refused.at("/errors/0/field").asString()).isEqualTo("staffId");
        }
        JsonNode booked = api.read(api.perform(
                api.as(business, post("/api/appointments"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(withStaff.formatted(ours)),
                201));
        assertThat(booked.get("staffId").asString()).isEqualTo(ours);
    }
}
