package dev.frontdesk.shared;

import java.util.UUID;

/** Ids in URLs: an id that is not even a UUID is simply "not found", like any unknown id. */
public final class Ids {

    private Ids() {}

    /** The UUID in {@code text}, or a 404 problem naming {@code what} (e.g. "Conversation"). */
    public static UUID uuidOrNotFound(String text, String what) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw FrontdeskException.notFound(what + " " + text);
        }
    }
}
