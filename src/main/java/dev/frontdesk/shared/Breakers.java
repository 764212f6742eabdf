package dev.frontdesk.shared;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Circuit breakers (Resilience4j) around the vendors we call: when most of the last calls to one failed,
 * the next ones fail at once for a while instead of each waiting for its timeout, so a vendor outage
 * does not hold callers, bookings or threads. After the pause a few trial calls decide whether it is
 * back. One breaker per name (e.g. {@code llm}, {@code twilio-sms}, {@code google-calendar:<business>}).
 */
@Component
public class Breakers {

    private static final Logger log = LoggerFactory.getLogger(Breakers.class);

    private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
    private final Duration openFor;
    private final int minimumCalls;

    /**
     * @param openFor how long an open breaker refuses calls before trying again ({@code 30s})
     * @param minimumCalls how many recent calls (of the last 10) must have been made before the failure rate
     *     (50%) can open the breaker ({@code 5})
     */
    public Breakers(
            @Value("${frontdesk.breakers.open-for:30s}") Duration openFor,
            @Value("${frontdesk.breakers.minimum-calls:5}") int minimumCalls) {
        this.openFor = openFor;
        this.minimumCalls = minimumCalls;
        registry.getEventPublisher()
                .onEntryAdded(added -> added.getAddedEntry()
                        .getEventPublisher()
                        .onStateTransition(event ->
                                log.warn("Circuit {}: {}", event.getCircuitBreakerName(), event.getStateTransition())));
    }

    /**
     * Runs {@code call} through the breaker {@code name}, counting as failures only the exceptions
     * {@code failure} accepts (e.g. a provider outage, not a refused credential).
     *
     * @throws Open when the breaker is open: the call was not made
     */
    public <T> T call(String name, Predicate<Throwable> failure, Supplier<T> call) {
        CircuitBreaker breaker = registry.circuitBreaker(name, () -> config(failure));
        try {
            return breaker.executeSupplier(call);
        } catch (CallNotPermittedException e) {
            throw new Open(name);
        }
    }

    /** The same for a call without a result. */
    public void run(String name, Predicate<Throwable> failure, Runnable call) {
        call(name, failure, () -> {
            call.run();
            return null;
        });
    }

    private CircuitBreakerConfig config(Predicate<Throwable> failure) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(Math.max(10, minimumCalls))
                .minimumNumberOfCalls(minimumCalls)
                .failureRateThreshold(50)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(failure)
                .build();
    }

    /** The breaker is open: the vendor failed recently and was not called. */
    public static final class Open extends RuntimeException {
        Open(String name) {
            super(name + " failed repeatedly; not called for now");
        }
    }
}
