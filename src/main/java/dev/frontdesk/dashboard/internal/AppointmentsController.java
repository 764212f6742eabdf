package dev.frontdesk.dashboard.internal;

import dev.frontdesk.scheduling.AppointmentId;
import dev.frontdesk.scheduling.Customer;
import dev.frontdesk.scheduling.Scheduling;
import dev.frontdesk.scheduling.Scheduling.Booked;
import dev.frontdesk.scheduling.Scheduling.Unavailable;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.ServiceOffering;
import dev.frontdesk.tenants.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The appointment book: upcoming appointments in the business's timezone, booking and cancelling with
 * the scheduling module's rules (a time that cannot be booked comes back with the nearest free times).
 * An htmx request gets the fragment it swaps in (200, with the outcome in it, so the browser logs no
 * failed request); a plain form post gets the page, with 409 or 422 when nothing was booked.
 */
@Controller
@RequestMapping("/appointments")
class AppointmentsController implements DashboardPage {

    static final Duration LISTED_AHEAD = Duration.ofDays(60);
    static final String CHANGED_EVENT = "appointments-changed";

    private final Tenants tenants;
    private final Scheduling scheduling;
    private final WeekCalendar calendar;
    private final AppointmentDetails details;
    private final Clock clock;

    AppointmentsController(
            Tenants tenants, Scheduling scheduling, WeekCalendar calendar, AppointmentDetails details, Clock clock) {
        this.tenants = tenants;
        this.scheduling = scheduling;
        this.calendar = calendar;
        this.details = details;
        this.clock = clock;
    }

    /** The booking form as posted; times are the business's local date and time. */
    record BookingForm(String service, String date, String time, String name, String phone) {}

    /**
     * The page: the list (the default, {@code view=list}) or the week calendar ({@code view=week}, or a
     * {@code week} given: any day of it). {@code date} and {@code time} fill the booking form (a free cell's
     * link without JavaScript); {@code appointment} opens that appointment's details beside the week.
     */
    @GetMapping
    ModelAndView page(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String view,
            @RequestParam(required = false) String week,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String time,
            @RequestParam(required = false) String appointment,
            @RequestParam(name = "page", required = false) String listPage) {
        Business business = Pages.business(tenants, user);
        ModelAndView page = Pages.page("dashboard/appointments", user, business)
                .addObject("form", details.prefilled(business, date, time))
                .addObject("focusName", date != null && time != null);
        boolean weekView = "week".equals(view) || (week != null && !"list".equals(view));
        if (!weekView) {
            return withList(page, business, listPage);
        }
        withWeek(page, user, business, week);
        if (appointment != null) {
            page.addObject(
                    "detail",
                    details.detail(business, appointment)
                            .orElseThrow(() -> FrontdeskException.notFound("Appointment")));
        }
        return page;
    }

    @GetMapping("/list")
    ModelAndView list(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "page", required = false) String listPage) {
        Business business = Pages.business(tenants, user);
        return withList(Pages.page("dashboard/appointment-list :: list", user, business), business, listPage);
    }

    @PostMapping
    ModelAndView book(
            @AuthenticationPrincipal SignedInUser user,
            @ModelAttribute BookingForm form,
            @RequestParam(required = false) String week,
            HttpServletRequest request,
            HttpServletResponse response) {
        Business business = Pages.business(tenants, user);
        List<String> errors = new ArrayList<>();
        var service = business.service(form.service());
        if (service.isEmpty()) {
            errors.add("Choose one of the business's services.");
        }
        Instant start = start(business, form, errors);
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.add("Enter the customer's name (at most 200 characters).");
        }
        var phone = PhoneNumber.parseLenient(form.phone(), Views.phoneRegion(business));
        if (phone.isEmpty()) {
            errors.add("Enter the customer's phone number, e.g. +1 617 555 0123.");
        }
        boolean htmx = Pages.htmx(request);
        ModelAndView view = htmx
                ? Pages.page("dashboard/booking-result :: result", user, business)
                : wholePage(user, business, week);
        view.addObject("form", form)
                .addObject(
                        "weekMonday",
                        WeekCalendar.date(week).map(WeekCalendar::mondayOf).orElse(null));
        if (!errors.isEmpty()) {
            view.setStatus(htmx ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT);
            return view.addObject("errors", errors);
        }
        var result = scheduling.book(
                business.id(),
                new Scheduling.Booking(
                        service.map(ServiceOffering::name).orElseThrow(),
                        start,
                        new Customer(name, phone.get(), null),
                        null,
                        false,
                        "DASHBOARD"));
        return switch (result) {
            case Booked booked -> {
                if (!htmx) {
                    // back to the week the form was posted from, read as a date (nothing else goes into the URL)
                    yield new ModelAndView(WeekCalendar.date(week)
                            .map(day -> "redirect:/appointments?week=" + WeekCalendar.mondayOf(day))
                            .orElse("redirect:/appointments"));
                }
                response.setHeader("HX-Trigger", CHANGED_EVENT);
                view.setStatus(HttpStatus.CREATED);
                yield view.addObject("booked", Views.row(booked.appointment(), business.timezone()))
                        .addObject("form", new BookingForm(form.service(), form.date(), form.time(), "", ""));
            }
            case Unavailable unavailable -> {
                // htmx swaps the explanation in as a normal answer; a plain form post gets the API's status
                view.setStatus(htmx ? HttpStatus.OK : unavailableStatus(unavailable.reason()));
                yield view.addObject("reason", unavailable.reason())
                        .addObject(
                                "alternatives",
                                unavailable.alternatives().stream()
                                        .map(s -> Views.alternative(s, business.timezone()))
                                        .toList());
            }
        };
    }

    @PostMapping("/{id}/reschedule")
    ModelAndView reschedule(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @ModelAttribute MoveForm form,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String week,
            HttpServletRequest request,
            HttpServletResponse response) {
        Business business = Pages.business(tenants, user);
        var appointment = AppointmentId.parse(id)
                .flatMap(appointmentId -> scheduling.find(business.id(), appointmentId))
                .filter(a -> a.status().holdsTime())
                .orElseThrow(() -> FrontdeskException.notFound("Appointment"));
        boolean htmx = Pages.htmx(request);
        ModelAndView view = htmx
                ? Pages.page("dashboard/booking-result :: result", user, business)
                : wholePage(user, business, week);
        var customer = appointment.customer();
        view.addObject(
                        "form",
                        new BookingForm(
                                appointment.service(),
                                form.date(),
                                form.time(),
                                customer == null ? "" : customer.name(),
                                customer == null || customer.phone() == null
                                        ? ""
                                        : customer.phone().e164()))
                .addObject("moving", appointment.id().toString())
                .addObject("fromWeek", "week".equals(from))
                .addObject(
                        "weekMonday",
                        WeekCalendar.date(week).map(WeekCalendar::mondayOf).orElse(null));
        List<String> errors = new ArrayList<>();
        Instant start = start(business, new BookingForm(null, form.date(), form.time(), null, null), errors);
        if (!errors.isEmpty()) {
            view.setStatus(htmx ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT);
            return view.addObject("errors", errors);
        }
        return switch (scheduling.reschedule(business.id(), appointment.id(), start)) {
            case Booked moved -> {
                if (!htmx) {
                    yield new ModelAndView(WeekCalendar.date(week)
                            .map(day -> "redirect:/appointments?week=" + WeekCalendar.mondayOf(day))
                            .orElse("redirect:/appointments"));
                }
                response.setHeader("HX-Trigger", CHANGED_EVENT);
                var row = Views.row(moved.appointment(), business.timezone());
                if ("week".equals(from)) {
                    // from the week's details: the details again, at the new time, with the notice in them
                    response.setHeader("HX-Retarget", "#appointment-detail");
                    response.setHeader("HX-Reswap", "innerHTML");
                    yield Pages.page("dashboard/appointment-detail :: detail", user, business)
                            .addObject("detail", details.detail(business, id).orElseThrow())
                            .addObject("moved", row);
                }
                yield view.addObject("moved", row);
            }
            case Unavailable unavailable -> {
                view.setStatus(htmx ? HttpStatus.OK : unavailableStatus(unavailable.reason()));
                yield view.addObject("reason", unavailable.reason())
                        .addObject(
                                "alternatives",
                                unavailable.alternatives().stream()
                                        .map(s -> Views.alternative(s, business.timezone()))
                                        .toList());
            }
        };
    }

    /** The new date and time of an appointment being moved, in the business's timezone. */
    record MoveForm(String date, String time) {}

    /**
     * Cancels. From the week's details ({@code from=week}) htmx gets the notice for the details panel and the
     * week redraws itself; from the list it gets the list with the notice.
     */
    @PostMapping("/{id}/cancel")
    ModelAndView cancel(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String from,
            HttpServletRequest request,
            HttpServletResponse response) {
        Business business = Pages.business(tenants, user);
        var appointment = AppointmentId.parse(id)
                .flatMap(appointmentId -> scheduling.cancel(business.id(), appointmentId))
                .orElseThrow(() -> FrontdeskException.notFound("Appointment"));
        boolean fromWeek = "week".equals(from);
        if (!Pages.htmx(request)) {
            return new ModelAndView(
                    fromWeek
                            ? "redirect:/appointments?week="
                                    + WeekCalendar.mondayOf(appointment.start(), business.timezone())
                            : "redirect:/appointments");
        }
        if (fromWeek) {
            response.setHeader("HX-Trigger", CHANGED_EVENT);
            return Pages.page("dashboard/appointment-detail :: cancelled", user, business)
                    .addObject("cancelled", Views.row(appointment, business.timezone()));
        }
        return withList(Pages.page("dashboard/appointment-list :: list", user, business), business, null)
                .addObject("cancelled", Views.row(appointment, business.timezone()));
    }

    private static HttpStatus unavailableStatus(String reason) {
        return reason.equals("taken") || reason.equals("day_full")
                ? HttpStatus.CONFLICT
                : HttpStatus.UNPROCESSABLE_CONTENT;
    }

    /**
     * The whole page a form posted without JavaScript answers with: the week it came from ({@code week}, a date)
     * or else the list.
     */
    private ModelAndView wholePage(SignedInUser user, Business business, String week) {
        ModelAndView page = Pages.page("dashboard/appointments", user, business);
        return WeekCalendar.date(week).isPresent()
                ? withWeek(page, user, business, week)
                : withList(page, business, null);
    }

    private ModelAndView withWeek(ModelAndView page, SignedInUser user, Business business, String week) {
        var shown = calendar.week(business, week, user.role().canChange());
        return page.addObject("week", shown)
                .addObject("weekMonday", shown.monday())
                .addObject("services", AppointmentDetails.services(business));
    }

    /** The list: a page of the live appointments of the next 60 days ({@code page}, 1 when missing). */
    private ModelAndView withList(ModelAndView view, Business business, String page) {
        Instant now = clock.instant();
        var list = scheduling.live(
                business.id(), now, now.plus(LISTED_AHEAD), new PageQuery(Pager.number(page), Pager.PAGE_SIZE));
        return view.addObject(
                        "appointments",
                        list.items().stream()
                                .map(a -> Views.row(a, business.timezone()))
                                .toList())
                .addObject("pager", Pager.of(list, "/appointments", java.util.Map.of()))
                .addObject(
                        "services",
                        business.services().stream().map(ServiceOffering::name).toList());
    }

    /** The start as an instant, reading the date and time in the business's timezone. */
    private static Instant start(Business business, BookingForm form, List<String> errors) {
        try {
            var local = LocalDateTime.of(LocalDate.parse(form.date()), LocalTime.parse(form.time()));
            return ZonedDateTime.ofLocal(local, business.timezone(), null).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            errors.add("Enter a date (YYYY-MM-DD) and a time (HH:MM).");
            return null;
        }
    }
}
