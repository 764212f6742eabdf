package dev.frontdesk.assistant;

import java.util.List;
import java.util.UUID;

/**
 * What to say back, in which language, and what the channel should do next: hang up, transfer, hold, or
 * nothing (keep listening).
 */
public record AssistantReply(UUID conversationId, String text, String language, List<Action> actions) {

    public AssistantReply {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public boolean ends() {
        return actions.stream().anyMatch(a -> a instanceof Action.Hangup);
    }

    /** Something the channel does after speaking the reply. */
    public sealed interface Action {
        /** End the call or conversation. */
        record Hangup() implements Action {}

        /** Connect the caller to this number, with a whisper for the person who answers. */
        record Transfer(String number, String whisper) implements Action {}

        /**
         * The turn is held (its answer is not ready): keep the caller on the line, listening, and ask again
         * shortly; what they say meanwhile is queued and answered in order. {@code fetchRest}: the text is the
         * first sentence of an answer still being written; ask for the rest as soon as it is said.
         */
        record Hold(boolean fetchRest) implements Action {}
    }
}
