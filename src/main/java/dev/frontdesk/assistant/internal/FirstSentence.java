package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.speech.ReplyText;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Listens to a streamed model answer on a call and knows when its first sentence is complete (cleaned as it
 * will be said), so that the caller can hear it while the rest is still being written.
 */
final class FirstSentence implements Consumer<String> {

    private final StringBuilder written = new StringBuilder();
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    private final String language;
    private final ZoneId zone;

    FirstSentence(String language, ZoneId zone) {
        this.language = language;
        this.zone = zone;
    }

    @Override
    public synchronized void accept(String words) {
        if (ready.isDone()) {
            return;
        }
        written.append(words);
        ReplyText.firstSentence(written.toString(), language, zone).ifPresent(ready::complete);
    }

    /** Completes with the first sentence once it is written. */
    CompletableFuture<String> ready() {
        return ready;
    }
}
