package dev.frontdesk.assistant.llm;

import java.time.LocalDate;
import java.util.List;

/**
 * What the model is told about the business in the system prompt, so that it never has to guess or
 * search for it: services (also the {@code service} enum of the tools), opening hours, closed dates,
 * booking rules and the emergency policy.
 *
 * @param services the services, as the tools accept them
 * @param openingHours one line per weekday in the business's time, e.g. {@code Monday 08:00-12:00,
 *     13:00-17:00} or {@code Sunday closed}
 * @param closedDates the coming dates the business is closed although its hours say open
 * @param slotMinutes appointments start every this many minutes from the opening time
 * @param minNoticeMinutes how long before its start a booking may be made (emergencies excepted)
 * @param horizonDays how many days ahead callers may book
 * @param emergencyWords the business's own words for an emergency, besides the usual ones
 * @param emergencyNumber the number to call when someone may be in danger (911, 999, 112…)
 */
public record BusinessFacts(
        List<Service> services,
        List<String> openingHours,
        List<LocalDate> closedDates,
        int slotMinutes,
        int minNoticeMinutes,
        int horizonDays,
        List<String> emergencyWords,
        String emergencyNumber) {

    /** A service: its name, how long it takes, its price as the business writes it, other names for it. */
    public record Service(String name, int minutes, String price, List<String> aliases) {

        public Service {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }

    public BusinessFacts {
        services = services == null ? List.of() : List.copyOf(services);
        openingHours = openingHours == null ? List.of() : List.copyOf(openingHours);
        closedDates = closedDates == null ? List.of() : List.copyOf(closedDates);
        emergencyWords = emergencyWords == null ? List.of() : List.copyOf(emergencyWords);
    }

    /** Nothing known (tests, or a business without settings): the prompt says so and tools take any service. */
    public static BusinessFacts unknown() {
        return new BusinessFacts(null, null, null, 30, 120, 60, null, "112");
    }

    /** The service names, for the tools' {@code service} enum. */
    public List<String> serviceNames() {
        return services.stream().map(Service::name).toList();
    }
}
