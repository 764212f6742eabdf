package dev.frontdesk.campaigns.internal;

import dev.frontdesk.crm.Lead;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** A campaign request checked whole: every bad field is listed in one 400 problem. */
record CampaignInput(
        String name,
        String purpose,
        Set<UUID> leadIds,
        Lead.Filter filter,
        CallingHours window,
        int maxConcurrentCalls,
        Integer callsPerMinute,
        int retryAttempts,
        int retryBackoffMinutes,
        Campaign.Voicemail voicemail,
        String openingScript) {

    static final int MAX_LEAD_IDS = 10_000;
    static final int MAX_CONCURRENT_CALLS = 50;
    static final int MAX_CALLS_PER_MINUTE = 600;
    private static final Set<String> STATUSES = Set.of(
            "NEW", "QUEUED", "CALLING", "CONTACTED", "MEETING_SCHEDULED", "NOT_INTERESTED", "NO_ANSWER", "FAILED");

    static CampaignInput read(CampaignJson.Request r) {
        if (r == null) {
            throw FrontdeskException.badRequest(
                    "malformed-body", "Malformed request body", "The request body must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        String name = text(r.name(), "name", 200, true, errors);
        String purpose = text(r.purpose(), "purpose", 300, true, errors);
        String script = text(r.openingScript(), "openingScript", 500, false, errors);
        Set<UUID> ids = null;
        if (r.leadIds() != null && r.filter() != null) {
            errors.add(new FieldError("leadIds", "give leadIds or filter, not both"));
        } else if (r.leadIds() != null) {
            ids = new LinkedHashSet<>();
            if (r.leadIds().isEmpty() || r.leadIds().size() > MAX_LEAD_IDS) {
                errors.add(new FieldError("leadIds", "must list 1 to " + MAX_LEAD_IDS + " lead ids"));
            }
            for (String id : r.leadIds()) {
                try {
                    ids.add(UUID.fromString(id == null ? "" : id.strip()));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("leadIds", "not a lead id: " + (id == null ? "null" : id)));
                    break;
                }
            }
        }
        Lead.Filter filter = r.filter() == null ? new Lead.Filter(null, null, null) : filter(r.filter(), errors);
        CallingHours window = window(r.window(), errors);
        int max = number(r.maxConcurrentCalls(), "maxConcurrentCalls", 1, MAX_CONCURRENT_CALLS, null, errors);
        Integer perMinute = r.pacing() == null || r.pacing().callsPerMinute() == null
                ? null
                : number(r.pacing().callsPerMinute(), "pacing.callsPerMinute", 1, MAX_CALLS_PER_MINUTE, null, errors);
        var retry = r.retry() == null ? new CampaignJson.Retry(null, null) : r.retry();
        int attempts = number(retry.attempts(), "retry.attempts", 0, 10, 2, errors);
        int backoff = number(retry.backoffMinutes(), "retry.backoffMinutes", 1, 7 * 24 * 60, 60, errors);
        Campaign.Voicemail voicemail = Campaign.Voicemail.LEAVE_MESSAGE;
        if (r.voicemail() != null) {
            try {
                voicemail = Campaign.Voicemail.valueOf(r.voicemail().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("voicemail", "must be LEAVE_MESSAGE or HANG_UP"));
            }
        }
        if (!errors.isEmpty()) {
            throw FrontdeskException.validation(errors);
        }
        return new CampaignInput(
                name, purpose, ids, filter, window, max, perMinute, attempts, backoff, voicemail, script);
    }

    private static Lead.Filter filter(CampaignJson.Filter f, List<FieldError> errors) {
        String status = f.status() == null || f.status().isBlank()
                ? null
                : f.status().strip().toUpperCase(Locale.ROOT);
        if (status != null && !STATUSES.contains(status)) {
            errors.add(new FieldError(
                    "filter.status",
                    "must be one of " + STATUSES.stream().sorted().toList()));
        }
        String language = f.language() == null || f.language().isBlank()
                ? null
                : f.language().strip().toLowerCase(Locale.ROOT);
        if (language != null && !language.matches("[a-z]{2,3}")) {
            errors.add(new FieldError("filter.language", "must be a language code such as en"));
        }
        String tag = text(f.tag(), "filter.tag", 200, false, errors);
        return new Lead.Filter(status, language, tag);
    }

    private static CallingHours window(CampaignJson.Window w, List<FieldError> errors) {
        if (w == null) {
            errors.add(new FieldError("window", "is required, e.g. {\"start\": \"09:00\", \"end\": \"18:00\"}"));
            return null;
        }
        LocalTime start = time(w.start(), "window.start", errors);
        LocalTime end = time(w.end(), "window.end", errors);
        if (start == null || end == null) {
            return null;
        }
        var hours = new CallingHours(start, end);
        if (!start.isBefore(end)) {
            errors.add(new FieldError("window.end", "must be after window.start"));
        } else if (!hours.callable()) {
            errors.add(new FieldError("window", "must overlap 08:00-21:00, the hours leads may be called"));
        }
        return hours;
    }

    private static LocalTime time(String text, String field, List<FieldError> errors) {
        try {
            if (text != null && text.strip().matches("\\d{2}:\\d{2}")) {
                return LocalTime.parse(text.strip());
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(new FieldError(field, "must be a time HH:mm such as 09:00"));
        return null;
    }

    private static String text(String text, String field, int max, boolean required, List<FieldError> errors) {
        String value = text == null || text.isBlank() ? null : text.strip();
        if (value == null && required) {
            errors.add(new FieldError(field, "is required"));
        } else if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
        return value;
    }

    private static int number(
            Integer value, String field, int min, int max, Integer fallback, List<FieldError> errors) {
        if (value == null && fallback != null) {
            return fallback;
        }
        if (value == null || value < min || value > max) {
            errors.add(new FieldError(field, "must be between " + min + " and " + max));
            return min;
        }
        return value;
    }
}
