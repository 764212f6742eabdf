package dev.frontdesk.dashboard.internal;

import dev.frontdesk.messaging.NotificationSettings;
import dev.frontdesk.messaging.NotificationSettings.NotifyBy;
import dev.frontdesk.messaging.NotificationSettings.OwnerEvent;
import dev.frontdesk.messaging.OwnerNotifications;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The owner's notification choices: per event SMS, email, both or none, and the daily summary email's
 * hour. The OWNER changes them (the security configuration lets no other role post here); STAFF and
 * VIEWER see them read-only.
 */
@Controller
@RequestMapping("/settings/notifications")
class NotificationsPageController {

    static final String PATH = "/settings/notifications";

    private static final Map<OwnerEvent, String> LABELS = Map.of(
            OwnerEvent.NEW_BOOKING, "New booking",
            OwnerEvent.CANCELLATION, "Cancellation",
            OwnerEvent.EMERGENCY, "Emergency",
            OwnerEvent.MESSAGE_TAKEN, "Message taken for you",
            OwnerEvent.MISSED_CALL, "Missed call");

    private static final Map<NotifyBy, String> CHOICES = Map.of(
            NotifyBy.NONE, "None",
            NotifyBy.SMS, "SMS",
            NotifyBy.EMAIL, "Email",
            NotifyBy.SMS_AND_EMAIL, "SMS and email");

    private final Tenants tenants;
    private final OwnerNotifications notifications;

    NotificationsPageController(Tenants tenants, OwnerNotifications notifications) {
        this.tenants = tenants;
        this.notifications = notifications;
    }

    /** One event's row of the form: {@code field} is the form field's name. */
    record EventRow(String field, String label, String chosen) {}

    /** A choice of the select boxes. */
    record Choice(String value, String label) {}

    @GetMapping
    ModelAndView page(@AuthenticationPrincipal SignedInUser user) {
        Business business = Pages.business(tenants, user);
        return form(
                Pages.page("dashboard/notification-settings", user, business),
                user,
                business,
                notifications.settings(business.id()));
    }

    @PostMapping
    ModelAndView save(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam Map<String, String> form,
            HttpServletRequest request) {
        Business business = Pages.business(tenants, user);
        var current = notifications.settings(business.id());
        var events = new EnumMap<OwnerEvent, NotifyBy>(OwnerEvent.class);
        List<String> errors = new ArrayList<>();
        for (OwnerEvent event : OwnerEvent.values()) {
            String value = form.get(field(event));
            NotifyBy chosen = value == null ? current.of(event) : parse(value);
            if (chosen == null) {
                errors.add(LABELS.get(event) + ": choose None, SMS, Email or SMS and email.");
                chosen = current.of(event);
            }
            events.put(event, chosen);
        }
        int hour = current.dailySummaryHour();
        String hourText = form.get("dailySummaryHour");
        if (hourText != null) {
            try {
                hour = Integer.parseInt(hourText.trim());
            } catch (NumberFormatException e) {
                hour = -1;
            }
            if (hour < 0 || hour > 23) {
                errors.add("Daily summary: choose an hour from 0 to 23.");
                hour = current.dailySummaryHour();
            }
        }
        var wanted = new NotificationSettings(events, form.containsKey("dailySummary"), hour);
        String view =
                Pages.htmx(request) ? "dashboard/notification-settings :: settings" : "dashboard/notification-settings";
        if (!errors.isEmpty()) {
            return form(Pages.page(view, user, business), user, business, wanted)
                    .addObject("errors", errors);
        }
        return form(Pages.page(view, user, business), user, business, notifications.update(business.id(), wanted))
                .addObject("saved", true);
    }

    private ModelAndView form(ModelAndView view, SignedInUser user, Business business, NotificationSettings settings) {
        return view.addObject("canEdit", user.role() == Role.OWNER)
                .addObject("settings", settings)
                .addObject(
                        "rows",
                        List.of(OwnerEvent.values()).stream()
                                .map(e -> new EventRow(
                                        field(e), LABELS.get(e), settings.of(e).name()))
                                .toList())
                .addObject(
                        "ownerPhone",
                        business.ownerPhone() == null
                                ? null
                                : business.ownerPhone().e164())
                .addObject("ownerEmail", business.ownerEmail())
                .addObject(
                        "choices",
                        List.of(NotifyBy.values()).stream()
                                .map(c -> new Choice(c.name(), CHOICES.get(c)))
                                .toList())
                .addObject(
                        "hours", java.util.stream.IntStream.range(0, 24).boxed().toList());
    }

    /** The form field of an event: {@code NEW_BOOKING} is {@code newBooking}, as in the API. */
    static String field(OwnerEvent event) {
        String[] words = event.name().toLowerCase(Locale.ROOT).split("_");
        var field = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            field.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return field.toString();
    }

    private static NotifyBy parse(String value) {
        try {
            return NotifyBy.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
