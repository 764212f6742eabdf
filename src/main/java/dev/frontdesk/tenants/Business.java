package dev.frontdesk.tenants;

import dev.frontdesk.shared.PhoneNumber;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A business as the other modules see it: who it is, when it is open, what it sells, how it is set up. */
public record Business(
        BusinessId id,
        String name,
        ZoneId timezone,
        List<PhoneNumber> phoneNumbers,
        PhoneNumber ownerPhone,
        String ownerEmail,
        List<ServiceOffering> services,
        WeeklyHours hours,
        Set<LocalDate> closedDates,
        String greeting,
        String defaultLanguage,
        List<String> emergencyKeywords,
        BusinessStatus status,
        BusinessSettings settings,
        Instant createdAt,
        Instant updatedAt) {

    public boolean isActive() {
        return status == BusinessStatus.ACTIVE;
    }

    /** Finds a service by its name or one of its aliases, ignoring case. */
    public Optional<ServiceOffering> service(String nameOrAlias) {
        if (nameOrAlias == null) {
            return Optional.empty();
        }
        String wanted = nameOrAlias.trim();
        return services.stream()
                .filter(s -> s.name().equalsIgnoreCase(wanted)
                        || s.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(wanted)))
                .findFirst();
    }
}
