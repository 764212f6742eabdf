package dev.frontdesk.dashboard.internal;

import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.ServiceOffering;
import dev.frontdesk.tenants.TimeRange;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The settings page's forms: what the business has, or what was typed with the settings API's errors
 * beside the fields they belong to. Error keys are the page's own: {@code hours.MONDAY}, {@code closedDates},
 * {@code services[2].name}, {@code greeting}, {@code prompt}, {@code voice}, {@code emergencyKeywords},
 * {@code reminderHours}, and {@code general} for anything else.
 */
record SettingsForm(
        List<Day> hours,
        List<String> closedDates,
        String newClosedDate,
        List<ServiceRow> services,
        String greeting,
        String prompt,
        String voice,
        String emergencyKeywords,
        String reminderHours,
        Map<String, String> errors) {

    /** Empty service rows under the services, to add one without JavaScript. */
    static final int BLANK_SERVICES = 1;

    /** One weekday: its ranges as typed ({@code 08:00-12:00, 13:00-17:00}; empty is closed). */
    record Day(String day, String label, String ranges) {}

    /** One service row; {@code index} is the row's place on the page. */
    record ServiceRow(int index, String name, String duration, String price, String aliases, boolean isNew) {}

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    static SettingsForm of(Business business) {
        List<Day> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.add(new Day(
                    day.name(),
                    label(day),
                    business.hours().on(day).stream().map(TimeRange::toString).collect(Collectors.joining(", "))));
        }
        List<ServiceRow> services = new ArrayList<>();
        for (ServiceOffering s : business.services()) {
            services.add(new ServiceRow(
                    services.size(),
                    s.name(),
                    Integer.toString(s.durationMinutes()),
                    s.priceText() == null ? "" : s.priceText(),
                    String.join(", ", s.aliases()),
                    false));
        }
        var assistant = business.settings().assistant();
        return new SettingsForm(
                List.copyOf(days),
                business.closedDates().stream()
                        .sorted()
                        .map(LocalDate::toString)
                        .toList(),
                "",
                withBlanks(services),
                business.greeting() == null ? "" : business.greeting(),
                assistant.prompt() == null ? "" : assistant.prompt(),
                assistant.voice() == null ? "" : assistant.voice(),
                String.join("\n", business.emergencyKeywords()),
                Integer.toString(business.settings().scheduling().defaultReminderHours()),
                Map.of());
    }

    static String label(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    static List<ServiceRow> withBlanks(List<ServiceRow> rows) {
        List<ServiceRow> all = new ArrayList<>(rows);
        for (int i = 0; i < BLANK_SERVICES; i++) {
            all.add(new ServiceRow(all.size(), "", "", "", "", true));
        }
        return List.copyOf(all);
    }

    SettingsForm withHours(List<Day> typed, Map<String, String> newErrors) {
        return new SettingsForm(
                typed,
                closedDates,
                newClosedDate,
                services,
                greeting,
                prompt,
                voice,
                emergencyKeywords,
                reminderHours,
                newErrors);
    }

    SettingsForm withClosedDate(String typed, Map<String, String> newErrors) {
        return new SettingsForm(
                hours,
                closedDates,
                typed,
                services,
                greeting,
                prompt,
                voice,
                emergencyKeywords,
                reminderHours,
                newErrors);
    }

    SettingsForm withServices(List<ServiceRow> typed, Map<String, String> newErrors) {
        return new SettingsForm(
                hours,
                closedDates,
                newClosedDate,
                withBlanks(typed),
                greeting,
                prompt,
                voice,
                emergencyKeywords,
                reminderHours,
                newErrors);
    }

    SettingsForm withAssistant(String g, String p, String v, Map<String, String> newErrors) {
        return new SettingsForm(
                hours, closedDates, newClosedDate, services, g, p, v, emergencyKeywords, reminderHours, newErrors);
    }

    SettingsForm withKeywords(String typed, Map<String, String> newErrors) {
        return new SettingsForm(
                hours, closedDates, newClosedDate, services, greeting, prompt, voice, typed, reminderHours, newErrors);
    }

    SettingsForm withReminders(String typed, Map<String, String> newErrors) {
        return new SettingsForm(
                hours,
                closedDates,
                newClosedDate,
                services,
                greeting,
                prompt,
                voice,
                emergencyKeywords,
                typed,
                newErrors);
    }

    /**
     * The settings API's errors by the page's keys. {@code serviceRows} maps a service's place in the saved
     * list to its row on the page (blank and removed rows are not sent).
     */
    static Map<String, String> errors(List<FieldError> errors, List<Integer> serviceRows) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError e : errors) {
            String field = e.field();
            String message = e.message();
            String key;
            if (field.startsWith("hours.")) {
                key = field.replaceFirst("\\[\\d+]$", "");
            } else if (field.startsWith("closedDates")) {
                key = "closedDates";
            } else if (field.equals("services")) {
                key = "services";
            } else if (field.startsWith("services[")) {
                key = serviceKey(field, serviceRows);
            } else if (field.startsWith("emergencyKeywords[")) {
                int line = index(field, "emergencyKeywords[") + 1;
                key = "emergencyKeywords";
                message = "line " + line + " " + message;
            } else if (field.startsWith("emergencyKeywords")) {
                key = "emergencyKeywords";
            } else if (field.equals("settings.assistant.prompt")) {
                key = "prompt";
            } else if (field.equals("settings.assistant.voice")) {
                key = "voice";
            } else if (field.equals("settings.scheduling.defaultReminderHours")) {
                key = "reminderHours";
            } else if (field.equals("greeting")) {
                key = "greeting";
            } else {
                key = "general";
                message = field + " " + message;
            }
            byField.merge(key, message, (a, b) -> a + "; " + b);
        }
        return byField;
    }

    /** {@code services[1].aliases[0]} → {@code services[<row>].aliases}; {@code services[1]} → the row. */
    private static String serviceKey(String field, List<Integer> serviceRows) {
        int index = index(field, "services[");
        int row = index >= 0 && index < serviceRows.size() ? serviceRows.get(index) : index;
        String rest = field.substring(field.indexOf(']') + 1);
        for (String member : List.of(".name", ".durationMinutes", ".priceText", ".aliases")) {
            if (rest.startsWith(member)) {
                return "services[" + row + "]" + member;
            }
        }
        return "services[" + row + "]";
    }

    private static int index(String field, String start) {
        int end = field.indexOf(']', start.length());
        try {
            return Integer.parseInt(field.substring(start.length(), end));
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
