package dev.frontdesk.dashboard.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a dashboard user may do: OWNER and STAFF book, cancel and change; VIEWER only looks. OPERATOR is the
 * service's operator, signed in with the admin key: no business, only the operator pages; it is never stored
 * as a user's role.
 */
enum Role {
    OWNER,
    STAFF,
    VIEWER,
    OPERATOR;

    /** The roles a business's user may have. */
    static final List<Role> BUSINESS_ROLES = List.of(OWNER, STAFF, VIEWER);

    boolean canChange() {
        return this == OWNER || this == STAFF;
    }

    /** The Spring Security authority, {@code ROLE_OWNER} and so on. */
    String authority() {
        return "ROLE_" + name();
    }

    /** A business role by name, any case; empty for anything else (OPERATOR included). */
    static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT))).filter(BUSINESS_ROLES::contains);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
