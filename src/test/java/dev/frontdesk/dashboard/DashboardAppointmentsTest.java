package dev.frontdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The Appointments page: book and cancel with the API's rules, in the business's timezone; roles; and
 * one business's users never reach another business's appointments.
 */
@DashboardTest
class DashboardAppointmentsTest {

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

    /** The booking form as htmx posts it: Tuesday 24 November at {@code time}, New York time. */
    private static MockHttpServletRequestBuilder bookTuesday(MockHttpSession session, String time, String name) {
        return bookTuesdayWithoutHtmx(session, time, name).header("HX-Request", "true");
    }

    /** The same form, posted by a browser without JavaScript. */
    private static MockHttpServletRequestBuilder bookTuesdayWithoutHtmx(
            MockHttpSession session, String time, String name) {
        return post("/appointments")
                .session(session)
                .with(csrf())
                .param("service", "Drain cleaning")
                .param("date", "2026-11-24")
                .param("time", time)
                .param("name", name)
                .param("phone", "617 555 0123");
    }

    private String apiAppointmentId(TestBusiness business, String customer) {
        var booked = api.read(api.perform(
                api.as(business, post("/api/appointments"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"service": "Drain cleaning", "start": "2026-11-24T16:00:00Z",
                                 "customer": {"name": "%s", "phone": "+16175550199"}}""".formatted(customer)),
                201));
        return booked.get("id").asString();
    }

    @Test
    void staffBookAndCancelFromTheAppointmentsPageInTheBusinesssTimezone() {
        TestBusiness business = api.createBusiness("Booking page plumbing");
        MockHttpSession session = dashboard.signedIn(business, "STAFF");

        String page = body(api.perform(get("/appointments").session(session), 200));
        assertThat(page).contains("Book an appointment", "No upcoming appointments", "Drain cleaning");

        MvcResult booked = api.perform(bookTuesday(session, "10:00", "Dana Smith"), 201);
        assertThat(booked.getResponse().getHeader("HX-Trigger")).isEqualTo("appointments-changed");
        assertThat(body(booked)).contains("Booked Drain cleaning on Tue 24 Nov at 10:00 for Dana Smith");

        // 10:00 in New York is 15:00 UTC, and the API sees the same appointment
        var items = api.getJson("/api/appointments", business, 200).get("items");
        assertThat(items.get(0).get("start").asString()).isEqualTo("2026-11-24T15:00:00Z");
        assertThat(items.get(0).get("customer").get("phone").asString()).isEqualTo("+16175550123");
        String id = items.get(0).get("id").asString();

        String list =
                body(api.perform(get("/appointments/list").session(session).header("HX-Request", "true"), 200));
        assertThat(list).contains("Dana Smith", "10:00–11:00", "Tue 24 Nov").doesNotContain("<html");

        String afterCancel = body(api.perform(
                post("/appointments/" + id + "/cancel")
                        .session(session)
                        .with(csrf())
                        .header("HX-Request", "true"),
                200));
        assertThat(afterCancel).contains("Cancelled Drain cleaning").contains("No upcoming appointments");
        assertThat(api.getJson("/api/appointments/" + id, business, 200)
                        .get("status")
                        .asString())
                .isEqualTo("CANCELLED");
    }

    @Test
    void aTakenTimeIsExplainedWithFreeTimesNearbyToBookInstead() {
        TestBusiness business = api.createBusiness("Conflict page plumbing");
        MockHttpSession session = dashboard.signedIn(business, "OWNER");
        api.perform(bookTuesday(session, "10:00", "First Caller"), 201);

        String conflict = body(api.perform(bookTuesday(session, "10:00", "Second Caller"), 200));
        assertThat(conflict).contains("That time is already taken", "Free times nearby", "Book Tue 24 Nov");
        assertThat(conflict).contains("name=\"_csrf\"", "value=\"Second Caller\"");

        String closed = body(api.perform(bookTuesday(session, "19:00", "Late Caller"), 200));
        assertThat(closed).contains("outside opening hours");

        // without htmx, the form post gets the whole page with the API's status
        String page = body(api.perform(bookTuesdayWithoutHtmx(session, "10:00", "Third Caller"), 409));
        assertThat(page).contains("<h1>Appointments</h1>", "That time is already taken", "First Caller");
        assertThat(api.getJson("/api/appointments", business, 200).get("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void staffMoveAnAppointmentAndATakenTimeOffersFreeTimesToMoveToInstead() {
        TestBusiness business = api.createBusiness("Move page plumbing");
        MockHttpSession session = dashboard.signedIn(business, "STAFF");
        api.perform(bookTuesday(session, "10:00", "Dana Smith"), 201);
        api.perform(bookTuesday(session, "13:00", "Sam Jones"), 201);
        var items = api.getJson("/api/appointments", business, 200).get("items");
        String dana = items.get(0).get("id").asString();

        assertThat(body(api.perform(get("/appointments").session(session), 200)))
                .contains("Move Drain cleaning on Tue 24 Nov at 10:00 for Dana Smith");

        String taken = body(api.perform(move(session, dana, "13:00"), 200));
        assertThat(taken).contains("That time is already taken", "Move to Tue 24 Nov");
        assertThat(taken).contains("/appointments/" + dana + "/reschedule");

        MvcResult moved = api.perform(move(session, dana, "15:00"), 200);
        assertThat(moved.getResponse().getHeader("HX-Trigger")).isEqualTo("appointments-changed");
        assertThat(body(moved)).contains("Moved Drain cleaning for Dana Smith to Tue 24 Nov at 15:00");
        assertThat(api.getJson("/api/appointments/" + dana, business, 200)
                        .get("start")
                        .asString())
                .isEqualTo("2026-11-24T20:00:00Z");

        assertThat(body(api.perform(move(session, dana, "not a time"), 200))).contains("was not moved");
    }

    private static MockHttpServletRequestBuilder move(MockHttpSession session, String id, String time) {
        return post("/appointments/" + id + "/reschedule")
                .session(session)
                .with(csrf())
                .header("HX-Request", "true")
                .param("date", "2026-11-24")
                .param("time", time);
    }

    @Test
    void badFormInputIsExplainedOnThePageNeverAServerError() {
        TestBusiness business = api.createBusiness("Bad input page plumbing");
        MockHttpSession session = dashboard.signedIn(business, "OWNER");
        String answer = body(api.perform(
                post("/appointments")
                        .session(session)
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("service", "Rocket repair")
                        .param("date", "24/11/2026")
                        .param("time", "25:99")
                        .param("phone", "call me"),
                200));
        assertThat(answer)
                .contains("Choose one of the business&#39;s services")
                .contains("Enter a date")
                .contains("customer&#39;s name")
                .contains("phone number");
        // an id that is not an id is simply not found
        assertThat(body(api.perform(
                        post("/appointments/not-an-id/cancel").session(session).with(csrf()), 404)))
                .contains("Not Found")
                .doesNotContain("Exception");
    }

    @Test
    void aViewerSeesTheAppointmentsButCannotBookOrCancel() {
        TestBusiness business = api.createBusiness("Viewer page plumbing");
        String id = apiAppointmentId(business, "Viewer Customer");
        MockHttpSession viewer = dashboard.signedIn(business, "VIEWER");

        String page = body(api.perform(get("/appointments").session(viewer), 200));
        assertThat(page).contains("Viewer Customer").doesNotContain("Book an appointment");
        assertThat(page).doesNotContain("/cancel");

        assertThat(api.perform(bookTuesday(viewer, "10:00", "Sneaky"), 403)
                        .getResponse()
                        .getForwardedUrl())
                .isEqualTo("/forbidden");
        assertThat(body(api.perform(get("/forbidden").session(viewer), 403))).contains("Not allowed");
        api.perform(post("/appointments/" + id + "/cancel").session(viewer).with(csrf()), 403);
        api.perform(move(viewer, id, "15:00"), 403);
        assertThat(api.getJson("/api/appointments/" + id, business, 200)
                        .get("status")
                        .asString())
                .isEqualTo("SCHEDULED");
    }

    @Test
    void bookingWithoutTheCsrfTokenIsRefused() {
        TestBusiness business = api.createBusiness("Csrf page plumbing");
        MockHttpSession session = dashboard.signedIn(business, "OWNER");
        api.perform(
                post("/appointments")
                        .session(session)
                        .param("service", "Drain cleaning")
                        .param("date", "2026-11-24")
                        .param("time", "10:00")
                        .param("name", "No Token")
                        .param("phone", "+16175550123"),
                403);
        assertThat(api.getJson("/api/appointments", business, 200).get("total").asLong())
                .isZero();
    }

    @Test
    void aUserOfOneBusinessCannotSeeOrCancelAnotherBusinesssAppointmentByItsId() {
        TestBusiness mine = api.createBusiness("My page plumbing");
        TestBusiness theirs = api.createBusiness("Their page plumbing");
        String theirId = apiAppointmentId(theirs, "Their Customer");
        MockHttpSession me = dashboard.signedIn(mine, "OWNER");

        assertThat(body(api.perform(get("/appointments").session(me), 200))).doesNotContain("Their Customer");
        assertThat(body(api.perform(get("/appointments/list").session(me), 200)))
                .doesNotContain("Their Customer");
        dashboard.clock().set(java.time.Instant.parse("2026-11-24T13:00:00Z"));
        assertThat(body(api.perform(get("/").session(me), 200)))
                .contains("My page plumbing")
                .doesNotContain("Their Customer");

        api.perform(
                post("/appointments/" + theirId + "/cancel")
                        .session(me)
                        .with(csrf())
                        .header("HX-Request", "true"),
                404);
        api.perform(post("/appointments/" + theirId + "/cancel").session(me).with(csrf()), 404);
        api.perform(move(me, theirId, "15:00"), 404);
        var theirAppointment = api.getJson("/api/appointments/" + theirId, theirs, 200);
        assertThat(theirAppointment.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(theirAppointment.get("start").asString()).isEqualTo("2026-11-24T16:00:00Z");
    }

    @Test
    void todayShowsTodaysFiguresAndTheScheduleOfTodayAndTomorrow() {
        TestBusiness business = api.createBusiness("Today figures plumbing");
        apiAppointmentId(business, "Tomorrow Customer");
        MockHttpSession session = dashboard.signedIn(business, "OWNER");
        String today = body(api.perform(get("/").session(session), 200));
        assertThat(today)
                .contains("Monday 23 November 2026")
                .contains("Tomorrow, <span>Tuesday 24 November 2026</span>")
                .contains("Tomorrow Customer", "11:00–12:00")
                .contains("Nothing booked for the rest of today.")
                .contains("No open messages.");
        assertThat(today.replaceAll("\\s+", " ")).contains("<span class=\"figure\">1</span> <span>bookings</span>");
    }

    @Test
    void theListShowsTwentyFiveAppointmentsAPageAndTheNextPageTheRest() {
        TestBusiness business = api.createBusiness("Busy list plumbing");
        // three Tuesdays, 08:00 to 16:00 New York time (13:00Z to 21:00Z): 27 appointments
        for (String day : java.util.List.of("2026-11-24", "2026-12-01", "2026-12-08")) {
            for (int hour = 13; hour <= 21; hour++) {
                api.perform(
                        api.as(business, post("/api/appointments"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                        {"service": "Drain cleaning", "start": "%sT%02d:00:00Z",
                                         "customer": {"name": "Customer %s %d", "phone": "+16175550199"}}""".formatted(day, hour, day, hour)),
                        201);
            }
        }
        MockHttpSession session = dashboard.signedIn(business, "VIEWER");

        String first = body(api.perform(get("/appointments").session(session), 200));
        assertThat(first.split("<tr id=\"appointment-", -1)).hasSize(26);
        assertThat(first).contains("Page 1 of 2 · 27 appointments", "href=\"/appointments?page=2\"");
        assertThat(first).contains("Customer 2026-11-24 13").doesNotContain("Customer 2026-12-08 21");

        String second =
                body(api.perform(get("/appointments/list").param("page", "2").session(session), 200));
        assertThat(second.split("<tr id=\"appointment-", -1)).hasSize(3);
        assertThat(second).contains("Page 2 of 2", "Customer 2026-12-08 21", "hx-get=\"/appointments/list?page=2\"");
    }
}
