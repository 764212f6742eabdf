package dev.frontdesk.dashboard.internal;

import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The week calendar's fragments: a week ({@code /appointments/week?week=}), the booking form filled from a
 * free cell ({@code /appointments/form?date=&time=}) and an appointment's details with its Move and Cancel
 * forms ({@code /appointments/{id}}). Booking, moving and cancelling post to {@link AppointmentsController}.
 */
@Controller
@RequestMapping("/appointments")
class AppointmentWeekController implements DashboardPage {

    private final Tenants tenants;
    private final WeekCalendar calendar;
    private final AppointmentDetails details;

    AppointmentWeekController(Tenants tenants, WeekCalendar calendar, AppointmentDetails details) {
        this.tenants = tenants;
        this.calendar = calendar;
        this.details = details;
    }

    @GetMapping("/week")
    ModelAndView week(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String week) {
        Business business = Pages.business(tenants, user);
        return Pages.page("dashboard/appointment-week :: week", user, business)
                .addObject("week", calendar.week(business, week, user.role().canChange()));
    }

    /** The booking form with the date and time of the cell clicked, the customer's name to type next. */
    @GetMapping("/form")
    ModelAndView form(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String time,
            @RequestParam(required = false) String week) {
        Business business = Pages.business(tenants, user);
        if (!user.role().canChange()) {
            throw new FrontdeskException(HttpStatus.FORBIDDEN, "not-allowed", "Not allowed", "Your role cannot book.");
        }
        return Pages.page("dashboard/appointments :: book-form", user, business)
                .addObject("services", AppointmentDetails.services(business))
                .addObject("form", details.prefilled(business, date, time))
                .addObject(
                        "weekMonday",
                        WeekCalendar.date(week).map(Object::toString).orElse(null))
                .addObject("focusName", true);
    }

    @GetMapping("/{id}")
    ModelAndView details(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, HttpServletRequest request) {
        Business business = Pages.business(tenants, user);
        var detail = details.detail(business, id).orElseThrow(() -> FrontdeskException.notFound("Appointment"));
        if (!Pages.htmx(request)) {
            return new ModelAndView("redirect:/appointments?week=" + detail.week() + "&appointment="
                    + detail.row().id() + "#appointment-detail");
        }
        return Pages.page("dashboard/appointment-detail :: detail", user, business)
                .addObject("detail", detail);
    }
}
