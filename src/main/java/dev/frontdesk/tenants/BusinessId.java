package dev.frontdesk.tenants;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies a business (tenant). Every tenant-owned row carries one. */
public record BusinessId(UUID value) {

    public BusinessId {
        Objects.requireNonNull(value, "business id");
    }

    public static BusinessId random() {
        return new BusinessId(UUID.randomUUID());
    }

    /** Parses a textual id; empty when the text is not a UUID. */
    public static Optional<BusinessId> parse(String text) {
        try {
            return Optional.of(new BusinessId(UUID.fromString(text)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
