package dev.frontdesk.telephony.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How many Twilio webhooks may run the assistant at once on this node. Requests run on virtual threads,
 * so nothing else bounds them: without a limit, 200 calls in flight are 200 turns competing for two cores
 * and ten database connections, every one of them slow and many failing. A turn (its idempotency claim,
 * the assistant's NLU, embedding and dialogue, its statements) runs holding a permit; a request waits for
 * one at most {@code FRONTDESK_TURN_QUEUE_TIMEOUT} (fairly: the longest waiting goes first) and is
 * otherwise shed: the caller answers at once with TwiML that holds the call and asks again, so the node
 * works on as many turns as it can finish quickly and the others retry a moment later instead of piling
 * up. Sheds are counted ({@code frontdesk.turns.shed}, by webhook) and logged at most once per
 * {@link #LOG_INTERVAL}.
 */
@Component
class TurnPermits {

    private static final Logger log = LoggerFactory.getLogger(TurnPermits.class);
    static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

    private final Semaphore permits;
    private final int size;
    private final long waitNanos;
    private final MeterRegistry registry;
    private final Map<String, Counter> shed = new ConcurrentHashMap<>();
    private final AtomicLong shedSinceLog = new AtomicLong();
    private final AtomicLong nextLog = new AtomicLong(Long.MIN_VALUE);

    TurnPermits(TelephonyProperties properties, MeterRegistry registry) {
        this.size = properties.turnConcurrency();
        this.permits = new Semaphore(size, true);
        this.waitNanos = properties.turnQueueTimeout().toNanos();
        this.registry = registry;
        Gauge.builder("frontdesk.turns.active", permits, p -> size - p.availablePermits())
                .description("Twilio webhook turns running now (holding a turn permit)")
                .register(registry);
        Gauge.builder("frontdesk.turns.waiting", permits, Semaphore::getQueueLength)
                .description("Twilio webhook turns waiting for a turn permit")
                .register(registry);
    }

    /** The permits this node has (its {@code FRONTDESK_TURN_CONCURRENCY}). */
    int size() {
        return size;
    }

    /**
     * Runs {@code turn} holding a permit, or answers {@code shed} when none frees within the queue
     * timeout.
     *
     * @param webhook which webhook is shed ({@code voice}, {@code gather}, {@code sms}), the counter's tag
     */
    String run(String webhook, Supplier<String> turn, Supplier<String> shed) {
        if (!acquire()) {
            shedOne(webhook);
            return shed.get();
        }
        try {
            return turn.get();
        } finally {
            permits.release();
        }
    }

    /** Runs {@code work} holding a permit, waiting as long as it takes (the deferred SMS replies). */
    void runWhenFree(Runnable work) throws InterruptedException {
        permits.acquire();
        try {
            work.run();
        } finally {
            permits.release();
        }
    }

    private boolean acquire() {
        try {
            return permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void shedOne(String webhook) {
        shed.computeIfAbsent(
                        webhook,
                        w -> Counter.builder("frontdesk.turns.shed")
                                .description(
                                        "Twilio webhooks answered with a hold because no turn permit freed in time")
                                .tag("webhook", w)
                                .register(registry))
                .increment();
        long count = shedSinceLog.incrementAndGet();
        long now = System.nanoTime();
        long due = nextLog.get();
        if ((due == Long.MIN_VALUE || now - due >= 0) && nextLog.compareAndSet(due, now + LOG_INTERVAL.toNanos())) {
            shedSinceLog.addAndGet(-count);
            log.warn(
                    "Overloaded: shed {} Twilio webhook turn(s) since the last report; all {} turn permits stayed"
                            + " busy for {} ms (FRONTDESK_TURN_CONCURRENCY, FRONTDESK_TURN_QUEUE_TIMEOUT)",
                    count,
                    size,
                    TimeUnit.NANOSECONDS.toMillis(waitNanos));
        }
    }
}
