package dev.frontdesk.messaging.internal;

import dev.frontdesk.messaging.NotificationSettings;
import dev.frontdesk.messaging.NotificationSettings.NotifyBy;
import dev.frontdesk.messaging.NotificationSettings.OwnerEvent;
import dev.frontdesk.messaging.OwnerNotifications;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.tenants.Audit;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.CurrentBusiness;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The owner's notification choices through the tenant API. */
@RestController
@Tag(
        name = "Notification settings",
        description = "How the owner hears about bookings, cancellations, emergencies, messages and missed calls,"
                + " and the daily summary email (X-API-Key)")
@SecurityRequirement(name = "apiKey")
class NotificationSettingsController {

    private final OwnerNotifications notifications;
    private final Audit audit;

    NotificationSettingsController(OwnerNotifications notifications, Audit audit) {
        this.notifications = notifications;
        this.audit = audit;
    }

    @Schema(
            name = "NotificationSettings",
            description = "Per event: NONE, SMS (to the owner's phone), EMAIL (to the owner's email) or SMS_AND_EMAIL."
                    + " The daily summary email goes at dailySummaryHour (0-23) in the business's timezone.")
    record SettingsJson(
            @Schema(
                    example = "EMAIL",
                    allowableValues = {"NONE", "SMS", "EMAIL", "SMS_AND_EMAIL"})
            String newBooking,

            @Schema(
                    example = "EMAIL",
                    allowableValues = {"NONE", "SMS", "EMAIL", "SMS_AND_EMAIL"})
            String cancellation,

            @Schema(
                    example = "SMS",
                    allowableValues = {"NONE", "SMS", "EMAIL", "SMS_AND_EMAIL"})
            String emergency,

            @Schema(
                    example = "SMS_AND_EMAIL",
                    allowableValues = {"NONE", "SMS", "EMAIL", "SMS_AND_EMAIL"})
            String messageTaken,

            @Schema(
                    example = "NONE",
                    allowableValues = {"NONE", "SMS", "EMAIL", "SMS_AND_EMAIL"})
            String missedCall,

            @Schema(example = "true") Boolean dailySummary,

            @Schema(example = "7", minimum = "0", maximum = "23")
            Integer dailySummaryHour) {

        static SettingsJson of(NotificationSettings s) {
            return new SettingsJson(
                    s.of(OwnerEvent.NEW_BOOKING).name(),
                    s.of(OwnerEvent.CANCELLATION).name(),
                    s.of(OwnerEvent.EMERGENCY).name(),
                    s.of(OwnerEvent.MESSAGE_TAKEN).name(),
                    s.of(OwnerEvent.MISSED_CALL).name(),
                    s.dailySummary(),
                    s.dailySummaryHour());
        }

        /** These choices over {@code current}: a member left out keeps its current value. */
        NotificationSettings over(NotificationSettings current) {
            List<FieldError> errors = new ArrayList<>();
            var events = new EnumMap<OwnerEvent, NotifyBy>(current.events());
            choose(events, OwnerEvent.NEW_BOOKING, "newBooking", newBooking, errors);
            choose(events, OwnerEvent.CANCELLATION, "cancellation", cancellation, errors);
            choose(events, OwnerEvent.EMERGENCY, "emergency", emergency, errors);
            choose(events, OwnerEvent.MESSAGE_TAKEN, "messageTaken", messageTaken, errors);
            choose(events, OwnerEvent.MISSED_CALL, "missedCall", missedCall, errors);
            int hour = dailySummaryHour == null ? current.dailySummaryHour() : dailySummaryHour;
            if (hour < 0 || hour > 23) {
                errors.add(new FieldError("dailySummaryHour", "must be an hour from 0 to 23"));
            }
            if (!errors.isEmpty()) {
                throw FrontdeskException.validation(errors);
            }
            return new NotificationSettings(events, dailySummary == null ? current.dailySummary() : dailySummary, hour);
        }

        private static void choose(
                EnumMap<OwnerEvent, NotifyBy> events,
                OwnerEvent event,
                String field,
                String value,
                List<FieldError> errors) {
            if (value == null) {
                return;
            }
            parse(value)
                    .ifPresentOrElse(
                            by -> events.put(event, by),
                            () -> errors.add(new FieldError(field, "must be one of NONE, SMS, EMAIL, SMS_AND_EMAIL")));
        }
    }

    static java.util.Optional<NotifyBy> parse(String value) {
        try {
            return java.util.Optional.of(NotifyBy.valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    @GetMapping("/api/notification-settings")
    @Operation(summary = "How the owner is notified", description = "The defaults until the owner saves a choice.")
    SettingsJson get(@Parameter(hidden = true) @CurrentBusiness BusinessId business) {
        return SettingsJson.of(notifications.settings(business));
    }

    @PutMapping("/api/notification-settings")
    @Operation(
            summary = "Choose how the owner is notified",
            description = "Members left out keep their current value. An unknown choice or an hour outside 0-23"
                    + " is a 400 problem naming the field.")
    SettingsJson put(@Parameter(hidden = true) @CurrentBusiness BusinessId business, @RequestBody SettingsJson body) {
        var saved = notifications.update(business, body.over(notifications.settings(business)));
        audit.record(business, "notification-settings.changed", "notification settings changed");
        return SettingsJson.of(saved);
    }
}
