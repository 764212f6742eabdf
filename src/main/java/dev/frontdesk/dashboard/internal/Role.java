package dev.frontdesk.dashboard.internal;

import java.util.Locale;
import java.util.Optional;

/** What a dashboard user may do: OWNER and STAFF book, cancel and change; VIEWER only looks. */
enum Role {
    OWNER,
    STAFF,
    VIEWER;

    boolean canChange() {
        return this != VIEWER;
    }

    /** The Spring Security authority, {@code ROLE_OWNER} and so on. */
    String authority() {
        return "ROLE_" + name();
    }

    static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
