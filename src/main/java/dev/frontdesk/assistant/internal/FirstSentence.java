package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.speech.ReplyText;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    /**
     * The turn's answer within its budget; null when it is not ready by then, or when the first sentence of
     * a streamed answer is ready before the whole answer (then it is said while the rest is written).
     */
    static OfflineBrain.Output await(CompletableFuture<OfflineBrain.Output> work, FirstSentence first, Duration budget)
            throws InterruptedException, ExecutionException {
        try {
            if (first != null) {
                CompletableFuture.anyOf(work, first.ready()).get(budget.toMillis(), TimeUnit.MILLISECONDS);
                return work.isDone() ? work.get() : null;
            }
            return work.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        }
    }

    static <T> T call(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
