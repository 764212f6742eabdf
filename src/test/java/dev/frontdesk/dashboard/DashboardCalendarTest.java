package dev.frontdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The week calendar of the Appointments page: blocks on their day and time in the business's timezone, the
 * opening hours as free, closed and past cells, week navigation, booking from a free cell, moving and
 * cancelling from a block's details with the API's rules, and only the signed-in user's business.
 * The test clock is Monday 23 November 2026, 08:00 in New York; the test business opens Monday 08:00-12:00
 * and 13:00-17:00, Tuesday 08:00-17:00 and Saturday 09:00-13:00.
 */
@DashboardTest
class DashboardCalendarTest {

    private static final Pattern CLUSTER = Pattern.compile("class=\"wk-cluster (c-\\d) (r-\\d+) (s-\\d+)\"");

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

    private String book(TestBusiness business, String startUtc, String customer) {
        return api.read(api.perform(
                        api.as(business, post("/api/appointments"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                        {"service": "Drain cleaning", "start": "%s",
                                         "customer": {"name": "%s", "phone": "+16175550199"}}""".formatted(startUtc, customer)),
                        201))
                .get("id")
                .asString();
    }

    /** Where the block of this appointment sits: its cluster's column, first row and rows spanned. */
    private static String placeOf(String html, String appointmentId) {
        int at = html.indexOf("data-appointment=\"" + appointmentId + "\"");
        assertThat(at).as("a block for appointment " + appointmentId).isPositive();
        Matcher matcher = CLUSTER.matcher(html.substring(0, at));
        String place = null;
        while (matcher.find()) {
            place = matcher.group(1) + " " + matcher.group(2) + " " + matcher.group(3);
        }
        return place;
    }

    private static MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request, MockHttpSession session) {
        return request.session(session).header("HX-Request", "true");
    }

    @Test
    void theWeekShowsEachAppointmentAsABlockOnItsDayAndTimeInTheBusinesssTimezone() {
        TestBusiness business = api.createBusiness("Week grid plumbing");
        String dana = book(business, "2026-11-24T16:00:00Z", "Dana Smith"); // Tuesday 11:00 in New York
        MockHttpSession session = dashboard.signedIn(business, "OWNER");

        // any day of the week shows the week from Monday
        String week = body(api.perform(get("/appointments?week=2026-11-26").session(session), 200));
        assertThat(week)
                .contains("Week of 23 Nov – 29 November 2026")
                .contains("Tue 24 Nov,", "11:00–12:00", "Dana Smith", "Drain cleaning");
        // the grid starts at 08:00 (the earliest opening), a row per 15 minutes after the header row:
        // Tuesday is the third column, 11:00 the 14th row, an hour four rows
        assertThat(placeOf(week, dana)).isEqualTo("c-3 r-14 s-4");
        // today (Monday) is marked; Sunday is closed; a free half hour books, a taken or closed one does not
        assertThat(week).contains("class=\"wk-head r-1 c-2 today\" aria-current=\"date\"");
        assertThat(week).containsPattern("wk-head r-1 c-8 closed\"[^>]*>\\s*<span class=\"wk-weekday\">Sun</span>");
        assertThat(week)
                .contains("aria-label=\"Book Tue 24 Nov at 10:30\"", "aria-label=\"Book Mon 23 Nov at 08:00\"")
                .doesNotContain("aria-label=\"Book Tue 24 Nov at 11:00\"")
                .doesNotContain("aria-label=\"Book Tue 24 Nov at 11:30\"")
                .doesNotContain("aria-label=\"Book Mon 23 Nov at 12:00\"")
                .doesNotContain("aria-label=\"Book Sun 29 Nov");
        assertThat(week).contains("/appointments?week=2026-11-23&amp;date=2026-11-24&amp;time=10:30#book");

        // the same instant in Auckland is Tuesday 09:00 there (Monday 20:00 UTC): the block follows the
        // business's timezone, not UTC's date
        TestBusiness auckland = api.createBusiness("Auckland week plumbing");
        api.patchJson("/api/settings", auckland, "{\"timezone\": \"Pacific/Auckland\"}", 200);
        String kiwi = book(auckland, "2026-11-23T20:00:00Z", "Kiri Tane");
        String aucklandWeek =
                body(api.perform(get("/appointments?view=week").session(dashboard.signedIn(auckland, "OWNER")), 200));
        assertThat(aucklandWeek).contains("Week of 23 Nov – 29 November 2026", "09:00–10:00", "Tue 24 Nov,");
        assertThat(placeOf(aucklandWeek, kiwi)).isEqualTo("c-3 r-6 s-4");
        // it is already Tuesday 02:00 in Auckland: Tuesday is today there, Monday is past
        assertThat(aucklandWeek).contains("class=\"wk-head r-1 c-3 today\" aria-current=\"date\"");
        assertThat(aucklandWeek).doesNotContain("aria-label=\"Book Mon 23 Nov");
    }

    @Test
    void theListStaysTheDefaultAndTheWeekIsNavigatedByWeeksWithTheWeekInTheUrl() {
        TestBusiness business = api.createBusiness("Week navigation plumbing");
        book(business, "2026-12-01T15:00:00Z", "Next Week Customer"); // Tuesday 1 December 10:00
        MockHttpSession session = dashboard.signedIn(business, "STAFF");

        String list = body(api.perform(get("/appointments").session(session), 200));
        assertThat(list).contains("<h2 id=\"list-heading\">Upcoming</h2>", "Next Week Customer");
        assertThat(list).doesNotContain("wk-grid");
        assertThat(list).contains("href=\"/appointments?view=week\"");

        String thisWeek = body(api.perform(get("/appointments?view=week").session(session), 200));
        assertThat(thisWeek).contains("Week of 23 Nov – 29 November 2026").doesNotContain("Next Week Customer");
        assertThat(thisWeek)
                .contains("href=\"/appointments?week=2026-11-16\" rel=\"prev\"")
                .contains("hx-get=\"/appointments/week?week=2026-11-30\"")
                .contains("hx-push-url=\"/appointments?week=2026-11-30\"");

        // the fragment htmx swaps in for "Next week": the next week only, no page around it
        String next = body(api.perform(htmx(get("/appointments/week?week=2026-11-30"), session), 200));
        assertThat(next)
                .doesNotContain("<html")
                .startsWith("<div id=\"appointment-week\"")
                .contains("Week of 30 Nov – 6 December 2026", "Next Week Customer", "10:00–11:00")
                .contains("hx-get=\"/appointments/week?week=2026-11-23\"")
                .doesNotContain("aria-current=\"date\"");
        // it redraws itself, on the same week, whenever an appointment changes
        assertThat(next).contains("hx-trigger=\"appointments-changed from:body\"");

        // a reload or bookmark of that URL is the whole page on that week
        assertThat(body(api.perform(get("/appointments?week=2026-11-30").session(session), 200)))
                .contains("<h1>Appointments</h1>", "Week of 30 Nov – 6 December 2026", "Next Week Customer");

        // a week that cannot be read is explained, and this week shown; never an error page
        assertThat(body(api.perform(get("/appointments?week=banana").session(session), 200)))
                .contains("The week must be a date (YYYY-MM-DD); this week is shown.")
                .contains("Week of 23 Nov – 29 November 2026");
        assertThat(body(api.perform(get("/appointments?week=+999999999-12-31").session(session), 200)))
                .contains("this week is shown");
        // the same dates posted with a form: the week is left out, never a server error
        for (String week : new String[] {"-999999999-01-01", "+999999999-12-31"}) {
            assertThat(body(api.perform(
                            post("/appointments")
                                    .session(session)
                                    .with(csrf())
                                    .param("week", week)
                                    .param("service", "Drain cleaning")
                                    .param("date", "2026-11-24")
                                    .param("time", "19:00")
                                    .param("name", "Late Caller")
                                    .param("phone", "617 555 0127"),
                            422)))
                    .contains("outside opening hours");
        }
    }

    @Test
    void aFreeCellOpensTheBookingFormAtItsTimeAndTheBookedAppointmentAppearsInTheWeek() {
        TestBusiness business = api.createBusiness("Week booking plumbing");
        MockHttpSession session = dashboard.signedIn(business, "OWNER");

        String form = body(
                api.perform(htmx(get("/appointments/form?week=2026-11-23&date=2026-11-24&time=10:30"), session), 200));
        assertThat(form)
                .startsWith("<form id=\"book\"")
                .contains("value=\"2026-11-24\"", "value=\"10:30\"", "autofocus", "name=\"_csrf\"")
                .contains("name=\"week\" value=\"2026-11-23\"");

        MvcResult booked = api.perform(
                htmx(post("/appointments"), session)
                        .with(csrf())
                        .param("week", "2026-11-23")
                        .param("service", "Drain cleaning")
                        .param("date", "2026-11-24")
                        .param("time", "10:30")
                        .param("name", "Cell Customer")
                        .param("phone", "617 555 0123"),
                201);
        assertThat(booked.getResponse().getHeader("HX-Trigger")).isEqualTo("appointments-changed");
        assertThat(body(booked)).contains("Booked Drain cleaning on Tue 24 Nov at 10:30 for Cell Customer");

        String week = body(api.perform(htmx(get("/appointments/week?week=2026-11-23"), session), 200));
        assertThat(week).contains("10:30–11:30", "Cell Customer");
        String id = api.getJson("/api/appointments", business, 200)
                .get("items")
                .get(0)
                .get("id")
                .asString();
        assertThat(placeOf(week, id)).isEqualTo("c-3 r-12 s-4");
        assertThat(week).doesNotContain("aria-label=\"Book Tue 24 Nov at 10:30\"");

        // without JavaScript the cell is a link to the page with the form filled, and booking returns to the week
        assertThat(body(api.perform(
                        get("/appointments?week=2026-11-23&date=2026-11-24&time=14:00")
                                .session(session),
                        200)))
                .contains("value=\"14:00\"", "autofocus");
        MvcResult plain = api.perform(
                post("/appointments")
                        .session(session)
                        .with(csrf())
                        .param("week", "2026-11-23")
                        .param("service", "Drain cleaning")
                        .param("date", "2026-11-24")
                        .param("time", "14:00")
                        .param("name", "Plain Customer")
                        .param("phone", "617 555 0124"),
                302);
        assertThat(plain.getResponse().getRedirectedUrl()).isEqualTo("/appointments?week=2026-11-23");
        // and a time that cannot be booked answers the week with the explanation and free times (409)
        String taken = body(api.perform(
                post("/appointments")
                        .session(session)
                        .with(csrf())
                        .param("week", "2026-11-23")
                        .param("service", "Drain cleaning")
                        .param("date", "2026-11-24")
                        .param("time", "14:00")
                        .param("name", "Second Plain")
                        .param("phone", "617 555 0126"),
                409));
        assertThat(taken)
                .contains("That time is already taken", "Week of 23 Nov – 29 November 2026", "Plain Customer")
                .contains("name=\"week\" value=\"2026-11-23\"");
    }

    @Test
    void aBlocksDetailsMoveAndCancelWithTheApisRulesAndATakenTimeOffersAlternatives() {
        TestBusiness business = api.createBusiness("Week details plumbing");
        String dana = book(business, "2026-11-24T15:00:00Z", "Dana Smith"); // Tuesday 10:00
        book(business, "2026-11-24T18:00:00Z", "Sam Jones"); // Tuesday 13:00
        MockHttpSession session = dashboard.signedIn(business, "STAFF");

        // booking a cell's time that someone took meanwhile: explained in place with free times nearby
        String conflict = body(api.perform(
                htmx(post("/appointments"), session)
                        .with(csrf())
                        .param("service", "Drain cleaning")
                        .param("date", "2026-11-24")
                        .param("time", "10:00")
                        .param("name", "Late Clicker")
                        .param("phone", "617 555 0125"),
                200));
        assertThat(conflict)
                .contains("That time is already taken", "Free times nearby", "Book Tue 24 Nov")
                .contains("hx-target=\"closest .result-area\"");

        String details = body(api.perform(htmx(get("/appointments/" + dana), session), 200));
        assertThat(details)
                .doesNotContain("<html")
                .contains("Drain cleaning, Tue 24 Nov 10:00–11:00", "Dana Smith", "+16175550199", "Scheduled")
                .contains("autofocus")
                .contains("/appointments/" + dana + "/reschedule", "hx-target=\"#detail-result\"")
                .contains("Cancel this appointment", "Yes, cancel it", "name=\"from\" value=\"week\"");
        // without JavaScript a block's link opens the week with its details
        MvcResult plain = api.perform(get("/appointments/" + dana).session(session), 302);
        assertThat(plain.getResponse().getRedirectedUrl())
                .isEqualTo("/appointments?week=2026-11-23&appointment=" + dana + "#appointment-detail");
        assertThat(body(api.perform(
                        get("/appointments?week=2026-11-23&appointment=" + dana).session(session), 200)))
                .contains("Drain cleaning, Tue 24 Nov 10:00–11:00", "Yes, cancel it");

        String taken = body(api.perform(
                htmx(post("/appointments/" + dana + "/reschedule"), session)
                        .with(csrf())
                        .param("from", "week")
                        .param("date", "2026-11-24")
                        .param("time", "13:00"),
                200));
        assertThat(taken)
                .contains("That time is already taken", "Move to Tue 24 Nov")
                .contains("<input type=\"hidden\" name=\"from\" value=\"week\">");
        assertThat(details).contains("name=\"from\" value=\"week\"");
        MvcResult moved = api.perform(
                htmx(post("/appointments/" + dana + "/reschedule"), session)
                        .with(csrf())
                        .param("from", "week")
                        .param("date", "2026-11-24")
                        .param("time", "15:00"),
                200);
        assertThat(moved.getResponse().getHeader("HX-Trigger")).isEqualTo("appointments-changed");
        // the details again, at the new time, with the notice in them
        assertThat(moved.getResponse().getHeader("HX-Retarget")).isEqualTo("#appointment-detail");
        assertThat(body(moved))
                .contains("Drain cleaning, Tue 24 Nov 15:00–16:00")
                .contains("Moved Drain cleaning for Dana Smith to Tue 24 Nov at 15:00.");
        assertThat(placeOf(body(api.perform(htmx(get("/appointments/week?week=2026-11-23"), session), 200)), dana))
                .isEqualTo("c-3 r-30 s-4");

        MvcResult cancelled = api.perform(
                htmx(post("/appointments/" + dana + "/cancel"), session)
                        .with(csrf())
                        .param("from", "week"),
                200);
        assertThat(cancelled.getResponse().getHeader("HX-Trigger")).isEqualTo("appointments-changed");
        assertThat(body(cancelled))
                .contains("Cancelled Drain cleaning on Tue 24 Nov at 15:00 for Dana Smith.")
                .doesNotContain("<table");
        assertThat(body(api.perform(htmx(get("/appointments/week?week=2026-11-23"), session), 200)))
                .doesNotContain("Dana Smith")
                .contains("Sam Jones");
        assertThat(api.getJson("/api/appointments/" + dana, business, 200)
                        .get("status")
                        .asString())
                .isEqualTo("CANCELLED");
        // a cancelled appointment's details have no forms left
        assertThat(body(api.perform(htmx(get("/appointments/" + dana), session), 200)))
                .contains("Cancelled")
                .doesNotContain("Yes, cancel it")
                .doesNotContain("/reschedule");
    }

    @Test
    void aViewerSeesTheWeekAndDetailsButNothingToBookMoveOrCancel() {
        TestBusiness business = api.createBusiness("Week viewer plumbing");
        String id = book(business, "2026-11-24T15:00:00Z", "Viewer Customer");
        MockHttpSession viewer = dashboard.signedIn(business, "VIEWER");

        String week = body(api.perform(get("/appointments?view=week").session(viewer), 200));
        assertThat(week).contains("Viewer Customer").doesNotContain("aria-label=\"Book ");
        assertThat(body(api.perform(htmx(get("/appointments/" + id), viewer), 200)))
                .contains("Viewer Customer")
                .doesNotContain("Yes, cancel it")
                .doesNotContain("/reschedule");
        api.perform(htmx(get("/appointments/form?date=2026-11-24&time=10:00"), viewer), 403);
        api.perform(
                post("/appointments/" + id + "/cancel")
                        .session(viewer)
                        .with(csrf())
                        .param("from", "week"),
                403);
    }

    @Test
    void aUserOfOneBusinessCannotSeeMoveOrCancelAnotherBusinesssAppointmentFromTheWeek() {
        TestBusiness mine = api.createBusiness("My week plumbing");
        TestBusiness theirs = api.createBusiness("Their week plumbing");
        String theirId = book(theirs, "2026-11-24T16:00:00Z", "Their Customer");
        MockHttpSession me = dashboard.signedIn(mine, "OWNER");

        assertThat(body(api.perform(get("/appointments?week=2026-11-23").session(me), 200)))
                .doesNotContain("Their Customer")
                .doesNotContain(theirId);
        assertThat(body(api.perform(htmx(get("/appointments/week?week=2026-11-23"), me), 200)))
                .doesNotContain("Their Customer");
        assertThat(body(api.perform(htmx(get("/appointments/" + theirId), me), 404)))
                .doesNotContain("Their Customer");
        api.perform(get("/appointments/" + theirId).session(me), 404);
        assertThat(body(api.perform(
                        get("/appointments?week=2026-11-23&appointment=" + theirId)
                                .session(me),
                        404)))
                .doesNotContain("Their Customer");
        api.perform(
                htmx(post("/appointments/" + theirId + "/reschedule"), me)
                        .with(csrf())
                        .param("date", "2026-11-24")
                        .param("time", "14:00"),
                404);
        api.perform(
                htmx(post("/appointments/" + theirId + "/cancel"), me)
                        .with(csrf())
                        .param("from", "week"),
                404);

        var theirAppointment = api.getJson("/api/appointments/" + theirId, theirs, 200);
        assertThat(theirAppointment.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(theirAppointment.get("start").asString()).isEqualTo("2026-11-24T16:00:00Z");
    }
}
