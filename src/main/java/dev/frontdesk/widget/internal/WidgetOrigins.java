package dev.frontdesk.widget.internal;

import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessEvents;
import dev.frontdesk.tenants.Tenants;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Which browser origins may call the widget API. A real request is checked against its own business's
 * {@code widgetAllowedOrigins}; a CORS preflight carries no token, so it is allowed when any active
 * business allows the origin. That union comes from the tenants module and is cached briefly; this node drops the cache whenever a business is created, changed, suspended or
 * activated, other nodes within {@link #TTL}.
 */
@Component
class WidgetOrigins {

    private static final Logger log = LoggerFactory.getLogger(WidgetOrigins.class);
    static final Duration TTL = Duration.ofSeconds(30);

    private final Tenants tenants;
    private volatile Snapshot snapshot;

    private record Snapshot(Set<String> origins, long loadedAtNanos) {}

    WidgetOrigins(Tenants tenants) {
        this.tenants = tenants;
    }

    /** The origin in a comparable form ({@code https://example.com}, default port dropped), if it is one. */
    static Optional<String> normalize(String origin) {
        if (origin == null || origin.isBlank() || origin.equalsIgnoreCase("null")) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(origin.trim());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
            if (scheme == null || host == null || !(scheme.equals("http") || scheme.equals("https"))) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort =
                    port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return Optional.of(scheme + "://" + host + (defaultPort ? "" : ":" + port));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether this business lets pages on {@code origin} call its widget. */
    static boolean allows(Business business, String origin) {
        Optional<String> wanted = normalize(origin);
        return wanted.isPresent()
                && business.settings().messaging().widgetAllowedOrigins().stream()
                        .map(WidgetOrigins::normalize)
                        .flatMap(Optional::stream)
                        .anyMatch(wanted.get()::equals);
    }

    /** Whether any active business lets pages on {@code origin} call its widget (for preflights). */
    boolean anyBusinessAllows(String origin) {
        Optional<String> wanted = normalize(origin);
        return wanted.isPresent() && current().contains(wanted.get());
    }

    private Set<String> current() {
        Snapshot s = snapshot;
        if (s == null || System.nanoTime() - s.loadedAtNanos() > TTL.toNanos()) {
            s = new Snapshot(load(), System.nanoTime());
            snapshot = s;
        }
        return s.origins();
    }

    private Set<String> load() {
        return tenants.widgetOriginsOfActiveBusinesses().stream()
                .map(WidgetOrigins::normalize)
                .flatMap(Optional::stream)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @TransactionalEventListener(
            fallbackExecution = true,
            classes = {
                BusinessEvents.BusinessRegistered.class,
                BusinessEvents.BusinessChanged.class,
                BusinessEvents.BusinessSuspended.class,
                BusinessEvents.BusinessActivated.class
            })
    void businessChanged(Object event) {
        // takes the event although it ignores it: Spring Modulith marks the publication complete by it
        snapshot = null;
    }
}
