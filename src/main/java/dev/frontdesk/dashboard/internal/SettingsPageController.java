package dev.frontdesk.dashboard.internal;

import dev.frontdesk.messaging.MessagingSetup;
import dev.frontdesk.scheduling.CalendarConnection;
import dev.frontdesk.telephony.TwilioSetup;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessEditor;
import dev.frontdesk.tenants.BusinessEditor.Change;
import dev.frontdesk.tenants.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The business's settings: opening hours, closed dates, services and prices, the assistant's greeting,
 * prompt and voice, emergency keywords and reminders (the OWNER changes them; STAFF and VIEWER read them),
 * and whether the calendar and Twilio are connected. Each section is its own form and is saved whole or not
 * at all through the tenants module's {@link BusinessEditor}, with the rules of {@code PATCH /api/settings}.
 * An htmx request gets the section back (200, with the errors or "Saved" in it); a plain post gets the page
 * (400 with the errors) or a redirect.
 */
@Controller
@RequestMapping("/settings")
class SettingsPageController implements DashboardPage {

    private final Tenants tenants;
    private final BusinessEditor editor;
    private final CalendarConnection calendar;
    private final TwilioSetup twilio;
    private final MessagingSetup messaging;

    SettingsPageController(
            Tenants tenants,
            BusinessEditor editor,
            CalendarConnection calendar,
            TwilioSetup twilio,
            MessagingSetup messaging) {
        this.tenants = tenants;
        this.editor = editor;
        this.calendar = calendar;
        this.twilio = twilio;
        this.messaging = messaging;
    }

    @GetMapping
    ModelAndView page(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String saved) {
        Business business = Pages.business(tenants, user);
        return page(user, business, SettingsForm.of(business), saved);
    }

    @PostMapping("/hours")
    ModelAndView hours(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam Map<String, String> params,
            HttpServletRequest request) {
        Business business = Pages.business(tenants, user);
        List<SettingsForm.Day> typed = new ArrayList<>();
        Map<String, List<String>> hours = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String ranges = params.getOrDefault("hours-" + day.name(), "").strip();
            typed.add(new SettingsForm.Day(day.name(), SettingsForm.label(day), ranges));
            hours.put(day.name(), split(ranges, ","));
        }
        return save(
                user,
                business,
                "hours",
                Change.none().withHours(hours),
                List.of(),
                errors -> SettingsForm.of(business).withHours(List.copyOf(typed), errors),
                request);
    }

    @PostMapping("/closed-dates")
    ModelAndView addClosedDate(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String date,
            HttpServletRequest request) {
        Business business = Pages.business(tenants, user);
        String typed = date == null ? "" : date.strip();
        List<String> dates = new ArrayList<>(SettingsForm.of(business).closedDates());
        dates.add(typed);
        return save(
                user,
                business,
                "closed-dates",
                Change.none().withClosedDates(dates),
                List.of(),
                errors -> SettingsForm.of(business).withClosedDate(typed, errors),
                request);
    }

    @PostMapping("/closed-dates/remove")
    ModelAndView removeClosedDate(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String date,
            HttpServletRequest request) {
        Business business = Pages.business(tenants, user);
        List<String> dates = new ArrayList<>(SettingsForm.of(business).closedDates());
        dates.remove(date == null ? "" : date.strip());
        return save(
                user,
                business,
                "closed-dates",
                Change.none().withClosedDates(dates),
                List.of(),
                errors -> SettingsForm.of(business).withClosedDate("", errors),
                request);
    }

    @PostMapping("/services")
    ModelAndView services(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "serviceName", required = false) List<String> names,
            @RequestParam(name = "serviceDuration", required = false) List<String> durations,
            @RequestParam(name = "servicePrice", required = false) List<String> prices,
            @RequestParam(name = "serviceAliases", required = false) List<String> aliases,
            @RequestParam(name = "serviceRemove", required = false) List<String> removed,
            HttpServletRequest request) {
        Business business = Pages.business(tenants, user);
        List<SettingsForm.ServiceRow> rows = new ArrayList<>();
        List<BusinessEditor.Service> services = new ArrayList<>();
        List<Integer> serviceRows = new ArrayList<>();
        Map<String, String> typingErrors = new LinkedHashMap<>();
        int n = Math.min(100 + SettingsForm.BLANK_SERVICES, Math.max(size(names), size(durations)));
        for (int i = 0; i < n; i++) {
            String name = at(names, i).strip();
            String duration = at(durations, i).strip();
            String price = at(prices, i).strip();
            String alias = at(aliases, i).strip();
            boolean blank = name.isEmpty() && duration.isEmpty() && price.isEmpty() && alias.isEmpty();
            if (blank || (removed != null && removed.contains(Integer.toString(i)))) {
                continue;
            }
            int row = rows.size();
            rows.add(new SettingsForm.ServiceRow(row, name, duration, price, alias, false));
            Integer minutes = number(duration);
            if (minutes == null && !duration.isEmpty()) {
                typingErrors.put("services[" + row + "].durationMinutes", "must be a whole number of minutes");
            }
            serviceRows.add(row);
            services.add(new BusinessEditor.Service(name, minutes, price, split(alias, ",")));
        }
        if (!typingErrors.isEmpty()) {
            return answer(
                    user, business, "services", SettingsForm.of(business).withServices(rows, typingErrors), request);
        }
        return save(
                user,
                business,
                "services",
                Change.none().withServices(services),
                serviceRows,
                errors -> SettingsForm.of(business).withServices(rows, errors),
                request);
    }

    @PostMapping("/assistant")
    ModelAndView assistant(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String greeting,
            @RequestParam(required = false) String prompt,
            @RequestParam(required = false) String voice,
            HttpServletRequest request) {
        Business business = Pages.business(tenants, user);
        String g = greeting == null ? "" : greeting.strip();
        String p = prompt == null ? "" : prompt.strip();
        String v = voice == null ? "" : voice.strip();
        return save(
                user,
                business,
                "assistant",
                Change.none().withAssistant(g, p, v),
                List.of(),
                errors -> SettingsForm.of(business).withAssistant(g, p, v, errors),
                request);
    }

    /** The business's own prompt goes: the assistant uses its built-in instructions again. */
    @PostMapping("/assistant/reset-prompt")
    ModelAndView resetPrompt(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request) {
        Business business = Pages.business(tenants, user);
        return save(
                user,
                business,
                "assistant",
                Change.none().withAssistant(null, "", null),
                List.of(),
                errors -> SettingsForm.of(business)
                        .withAssistant(
                                business.greeting(),
                                "",
                                business.settings().assistant().voice(),
                                errors),
                request);
    }

    @PostMapping("/emergency-keywords")
    ModelAndView emergencyKeywords(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String keywords,
            HttpServletRequest request) {
        Business business = Pages.business(tenants, user);
        String typed = keywords == null ? "" : keywords;
        List<String> list = split(typed, "\\R");
        return save(
                user,
                business,
                "emergency-keywords",
                Change.none().withEmergencyKeywords(list),
                List.of(),
                errors -> SettingsForm.of(business).withKeywords(typed, errors),
                request);
    }

    @PostMapping("/reminders")
    ModelAndView reminders(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String reminderHours,
            HttpServletRequest request) {
        Business business = Pages.business(tenants, user);
        String typed = reminderHours == null ? "" : reminderHours.strip();
        Integer hours = number(typed);
        if (hours == null) {
            return answer(
                    user,
                    business,
                    "reminders",
                    SettingsForm.of(business)
                            .withReminders(typed, Map.of("reminderHours", "must be a whole number of hours")),
                    request);
        }
        return save(
                user,
                business,
                "reminders",
                Change.none().withReminderHours(hours),
                List.of(),
                errors -> SettingsForm.of(business).withReminders(typed, errors),
                request);
    }

    /** Saves the change whole, or shows the section again with the settings API's errors beside the fields. */
    private ModelAndView save(
            SignedInUser user,
            Business business,
            String section,
            Change change,
            List<Integer> serviceRows,
            java.util.function.Function<Map<String, String>, SettingsForm> typed,
            HttpServletRequest request) {
        var saved = editor.change(business.id(), change, user.id().toString());
        if (!saved.saved()) {
            Map<String, String> errors = SettingsForm.errors(saved.errors(), serviceRows);
            if (errors.isEmpty()) {
                errors = Map.of("general", "could not be saved");
            }
            return answer(user, business, section, typed.apply(errors), request);
        }
        if (!Pages.htmx(request)) {
            return new ModelAndView("redirect:/settings?saved=" + section + "#" + section);
        }
        Business now = saved.business();
        var view = page(user, now, SettingsForm.of(now), section);
        view.setViewName("dashboard/settings :: " + fragment(section));
        return view;
    }

    /** The form again with its errors: the section for htmx (200), else the page (400); nothing was saved. */
    private ModelAndView answer(
            SignedInUser user, Business business, String section, SettingsForm form, HttpServletRequest request) {
        var view = page(user, business, form, null).addObject("failed", section);
        if (Pages.htmx(request)) {
            view.setViewName("dashboard/settings :: " + fragment(section));
        } else {
            view.setStatus(HttpStatus.BAD_REQUEST);
        }
        return view;
    }

    private ModelAndView page(SignedInUser user, Business business, SettingsForm form, String saved) {
        boolean owner = user.role() == Role.OWNER;
        return Pages.page("dashboard/settings", user, business)
                .addObject("form", form)
                .addObject("owner", owner)
                .addObject("saved", saved)
                .addObject("phoneNumbers", business.phoneNumbers())
                .addObject("calendar", calendar.status(business.id()))
                .addObject("twilio", twilio.status())
                .addObject("messaging", messaging.status());
    }

    private static String fragment(String section) {
        return switch (section) {
            case "closed-dates" -> "closedDates";
            case "emergency-keywords" -> "emergencyKeywords";
            default -> section;
        };
    }

    static List<String> split(String text, String separator) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(separator))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static Integer number(String text) {
        try {
            return text.isEmpty() ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int size(List<String> values) {
        return values == null ? 0 : values.size();
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i);
    }
}
