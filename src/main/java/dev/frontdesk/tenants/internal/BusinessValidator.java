package dev.frontdesk.tenants.internal;

import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.BusinessSettings;
import dev.frontdesk.tenants.ServiceOffering;
import dev.frontdesk.tenants.TimeRange;
import dev.frontdesk.tenants.WeeklyHours;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link BusinessRequest} into a {@link BusinessDraft}, or fails with one 400 problem listing
 * every invalid field: bean constraints, unknown timezones, non-E.164 or repeated numbers, inverted or
 * overlapping hours, unknown languages.
 */
@Component
class BusinessValidator {

    static final List<String> DEFAULT_EMERGENCY_KEYWORDS = List.of(
            "burst pipe",
            "pipe burst",
            "flooding",
            "flooded",
            "no water",
            "sewage backup",
            "sewage",
            "gas smell",
            "smell gas",
            "gas leak",
            "sparks",
            "sparking",
            "electrical fire",
            "fire",
            "smoke",
            "carbon monoxide",
            "no heat",
            "water leak",
            "overflowing");

    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final int MAX_RANGES_PER_DAY = 10;

    private final Validator validator;

    BusinessValidator(Validator validator) {
        this.validator = validator;
    }

    BusinessDraft validate(BusinessRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<BusinessRequest> violation : validator.validate(request)) {
            errors.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
        }

        ZoneId zone = null;
        if (request.timezone() != null && !request.timezone().isBlank()) {
            if (ZoneId.getAvailableZoneIds().contains(request.timezone().trim())) {
                zone = ZoneId.of(request.timezone().trim());
            } else {
                errors.add(new FieldError(
                        "timezone", "unknown timezone; use an IANA name such as America/New_York or Europe/London"));
            }
        }

        List<PhoneNumber> numbers = new ArrayList<>();
        List<String> givenNumbers = request.phoneNumbers() == null ? List.of() : request.phoneNumbers();
        for (int i = 0; i < givenNumbers.size(); i++) {
            String given = givenNumbers.get(i);
            Optional<PhoneNumber> number = PhoneNumber.parseStrict(given == null ? null : given.trim());
            if (number.isEmpty()) {
                errors.add(
                        new FieldError("phoneNumbers[" + i + "]", "must be a valid E.164 number such as +16175550100"));
            } else if (numbers.contains(number.get())) {
                errors.add(new FieldError("phoneNumbers[" + i + "]", "is listed twice"));
            } else {
                numbers.add(number.get());
            }
        }

        PhoneNumber ownerPhone = null;
        if (request.ownerPhone() != null && !request.ownerPhone().isBlank()) {
            ownerPhone = PhoneNumber.parseStrict(request.ownerPhone().trim()).orElse(null);
            if (ownerPhone == null) {
                errors.add(new FieldError("ownerPhone", "must be a valid E.164 number such as +16175550142"));
            }
        }

        List<ServiceOffering> services = services(request, errors);
        WeeklyHours hours = hours(request.hours(), errors);
        Set<LocalDate> closedDates = closedDates(request.closedDates(), errors);

        String language =
                request.defaultLanguage() == null || request.defaultLanguage().isBlank()
                        ? "en"
                        : request.defaultLanguage().trim().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(language)) {
            errors.add(new FieldError("defaultLanguage", "must be a two-letter language code such as en, es or fr"));
        }

        List<String> keywords = keywords(request.emergencyKeywords(), errors);

        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            throw FrontdeskException.validation(errors);
        }
        return new BusinessDraft(
                request.name().trim(),
                zone,
                numbers,
                ownerPhone,
                blankToNull(request.ownerEmail()),
                services,
                hours,
                closedDates,
                blankToNull(request.greeting()),
                language,
                keywords,
                request.settings() == null ? BusinessSettings.defaults() : request.settings());
    }

    private static List<ServiceOffering> services(BusinessRequest request, List<FieldError> errors) {
        List<ServiceOffering> services = new ArrayList<>();
        if (request.services() == null) {
            return services;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < request.services().size(); i++) {
            var service = request.services().get(i);
            if (service == null
                    || service.name() == null
                    || service.name().isBlank()
                    || service.durationMinutes() == null) {
                continue; // reported by the bean constraints
            }
            List<String> aliases = service.aliases() == null
                    ? List.of()
                    : service.aliases().stream()
                            .filter(a -> a != null && !a.isBlank())
                            .map(String::trim)
                            .distinct()
                            .toList();
            Set<String> spoken = new LinkedHashSet<>();
            spoken.add(service.name().trim().toLowerCase(Locale.ROOT));
            aliases.forEach(a -> spoken.add(a.toLowerCase(Locale.ROOT)));
            for (String word : spoken) {
                if (!names.add(word)) {
                    errors.add(new FieldError(
                            "services[" + i + "]",
                            "the name or alias '" + word + "' is already used by another service"));
                }
            }
            services.add(new ServiceOffering(
                    service.name().trim(), service.durationMinutes(), blankToNull(service.priceText()), aliases));
        }
        return services;
    }

    private static WeeklyHours hours(Map<String, List<String>> given, List<FieldError> errors) {
        Map<DayOfWeek, List<TimeRange>> days = new EnumMap<>(DayOfWeek.class);
        if (given == null) {
            return new WeeklyHours(days);
        }
        given.forEach((dayName, ranges) -> {
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(dayName.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("hours." + dayName, "is not a day of the week (use MONDAY … SUNDAY)"));
                return;
            }
            if (ranges == null) {
                return;
            }
            if (ranges.size() > MAX_RANGES_PER_DAY) {
                errors.add(new FieldError("hours." + day, "at most " + MAX_RANGES_PER_DAY + " ranges a day"));
                return;
            }
            List<TimeRange> parsed = new ArrayList<>();
            for (int i = 0; i < ranges.size(); i++) {
                Optional<TimeRange> range = TimeRange.parse(ranges.get(i));
                if (range.isEmpty()) {
                    errors.add(new FieldError(
                            "hours." + day + "[" + i + "]",
                            "must be HH:mm-HH:mm with the start before the end, e.g. 08:00-17:00"));
                    continue;
                }
                for (TimeRange other : parsed) {
                    if (other.overlaps(range.get())) {
                        errors.add(new FieldError("hours." + day + "[" + i + "]", range.get() + " overlaps " + other));
                    }
                }
                parsed.add(range.get());
            }
            if (days.containsKey(day)) {
                errors.add(new FieldError("hours." + dayName, day + " is given twice"));
            }
            days.put(day, parsed);
        });
        return new WeeklyHours(days);
    }

    private static Set<LocalDate> closedDates(List<String> given, List<FieldError> errors) {
        Set<LocalDate> dates = new TreeSet<>();
        if (given == null) {
            return dates;
        }
        for (int i = 0; i < given.size(); i++) {
            try {
                dates.add(LocalDate.parse(given.get(i).trim()));
            } catch (DateTimeParseException | NullPointerException e) {
                errors.add(new FieldError("closedDates[" + i + "]", "must be a date such as 2026-12-25"));
            }
        }
        return dates;
    }

    private static List<String> keywords(List<String> given, List<FieldError> errors) {
        if (given == null) {
            return DEFAULT_EMERGENCY_KEYWORDS;
        }
        Set<String> keywords = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String keyword = given.get(i);
            if (keyword == null || keyword.isBlank() || keyword.length() > 80) {
                errors.add(new FieldError("emergencyKeywords[" + i + "]", "must be 1 to 80 characters"));
            } else {
                keywords.add(keyword.trim().toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(keywords);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
