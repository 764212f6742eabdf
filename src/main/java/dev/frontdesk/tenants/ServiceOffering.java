package dev.frontdesk.tenants;

import java.util.List;

/** A service the business sells and books, e.g. "Drain cleaning", 60 minutes, "from $120". */
public record ServiceOffering(String name, int durationMinutes, String priceText, List<String> aliases) {

    public ServiceOffering {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
