package dev.frontdesk.scheduling.ics;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/** E-mail addresses as {@code mailto:} calendar user addresses. */
final class Addresses {

    /** One {@code @}, something either side, nothing that would need quoting in a mailto URI. */
    private static final Pattern PLAUSIBLE = Pattern.compile("[^@\\s\"<>(),;:\\\\\\[\\]]+@[^@\\s\"<>(),;:\\\\\\[\\]]+");

    private Addresses() {}

    static boolean isPlausible(String email) {
        return PLAUSIBLE.matcher(email).matches() && email.chars().noneMatch(Character::isISOControl);
    }

    static URI mailto(String email) {
        try {
            return new URI("mailto", email, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an e-mail address: " + email, e);
        }
    }
}
