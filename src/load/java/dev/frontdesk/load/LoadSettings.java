package dev.frontdesk.load;

import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What a load run is pointed at and how hard it pushes, from system properties ({@code -Dload.calls=400}
 * on the {@code ./mvnw -Pload gatling:test} command line). The defaults match the service started as
 * docs/performance.md shows ({@code ./mvnw spring-boot:run} with {@code TWILIO_AUTH_TOKEN} and
 * {@code FRONTDESK_ADMIN_KEY} set to the two values below).
 *
 * @param baseUrls where requests go ({@code load.baseUrl}: one URL, or several separated by commas, one per
 *     node sharing one database, as behind a load balancer)
 * @param spread with several base URLs, how Twilio's requests are spread ({@code load.spread}): {@code turn}
 *     (the default) sends each request of a call to the next node, round-robin, so a call's greeting, turns,
 *     holds and status callback alternate between nodes as Twilio may deliver them behind a load balancer;
 *     {@code call} keeps each call on one node, calls assigned round-robin
 * @param explicitPublicBaseUrl the URL Twilio signatures are computed over when the nodes have a
 *     {@code FRONTDESK_PUBLIC_BASE_URL} ({@code load.publicBaseUrl}); empty: each request is signed over the
 *     URL of the node it goes to, which is what a node without one checks
 * @param twilioAuthToken the service's {@code TWILIO_AUTH_TOKEN} ({@code load.twilioAuthToken})
 * @param adminKey the service's {@code FRONTDESK_ADMIN_KEY} ({@code load.adminKey})
 * @param businesses how many businesses the run creates, each with its own number ({@code load.businesses})
 * @param users concurrent calls (or chats, texters, API clients) in steady state ({@code load.users})
 * @param turns spoken turns per call, or messages per chat ({@code load.turns})
 * @param seed seeds the utterances, callers and choices; the same seed gives the same workload
 *     ({@code load.seed})
 * @param rampUp time to reach {@code users} ({@code load.rampUp}, seconds)
 * @param steady time held at {@code users} ({@code load.steady}, seconds)
 * @param floor length of each health-endpoint phase before and after the load ({@code load.floor}, seconds)
 * @param floorUsers concurrent clients of the health endpoint in those phases ({@code load.floorUsers})
 * @param serverPids the service's process ids, for its CPU time and RSS ({@code load.serverPid}, separated by
 *     commas for several nodes: CPU time and RSS are then their sums); empty looks for the one Frontdesk
 *     process on this machine
 */
record LoadSettings(
        List<String> baseUrls,
        String spread,
        String explicitPublicBaseUrl,
        String twilioAuthToken,
        String adminKey,
        int businesses,
        int users,
        int turns,
        long seed,
        Duration rampUp,
        Duration steady,
        Duration floor,
        int floorUsers,
        List<Long> serverPids) {

    static final String DEFAULT_TWILIO_AUTH_TOKEN = "load-test-twilio-auth-token";
    static final String DEFAULT_ADMIN_KEY = "load-test-admin-key-0123456789";

    /** The settings of this run, with defaults for one kind of simulation. */
    static LoadSettings fromSystemProperties(int defaultUsers, int defaultTurns) {
        List<String> baseUrls = list(property("load.baseUrl", "http://localhost:8080")).stream()
                .map(u -> u.replaceAll("/+$", ""))
                .toList();
        String spread = property("load.spread", "turn");
        if (!spread.equals("turn") && !spread.equals("call")) {
            throw new IllegalArgumentException("load.spread is 'turn' or 'call', not " + spread);
        }
        return new LoadSettings(
                baseUrls,
                spread,
                property("load.publicBaseUrl", "").replaceAll("/+$", ""),
                property("load.twilioAuthToken", DEFAULT_TWILIO_AUTH_TOKEN),
                property("load.adminKey", DEFAULT_ADMIN_KEY),
                Integer.getInteger("load.businesses", 20),
                Integer.getInteger("load.users", defaultUsers),
                Integer.getInteger("load.turns", defaultTurns),
                Long.getLong("load.seed", 13L),
                Duration.ofSeconds(Long.getLong("load.rampUp", 10L)),
                Duration.ofSeconds(Long.getLong("load.steady", 60L)),
                Duration.ofSeconds(Long.getLong("load.floor", 10L)),
                Integer.getInteger("load.floorUsers", 20),
                list(property("load.serverPid", "")).stream().map(Long::valueOf).toList());
    }

    /** The first node: set-up (businesses, knowledge) and the health probes go there. */
    String baseUrl() {
        return baseUrls.getFirst();
    }

    /**
     * The node the next Twilio request of this call goes to: with {@code spread=turn}, the node after the one
     * of its previous request ({@code hop}, counted by {@link LoadKit#record}); with {@code spread=call}, the
     * call's own node. A single base URL is always that one.
     */
    String nodeFor(Session session) {
        long hop = spread.equals("turn") && session.contains(LoadKit.HOP) ? session.getLong(LoadKit.HOP) : 0;
        return baseUrls.get((int) Math.floorMod(session.userId() + hop, (long) baseUrls.size()));
    }

    /** The URL a request to {@code node} is signed over. */
    String publicBaseUrl(String node) {
        return explicitPublicBaseUrl.isEmpty() ? node : explicitPublicBaseUrl;
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    @Override
    public String toString() {
        return "baseUrl=" + String.join(",", baseUrls) + (baseUrls.size() > 1 ? ", spread=" + spread : "")
                + (explicitPublicBaseUrl.isEmpty() ? "" : ", publicBaseUrl=" + explicitPublicBaseUrl) + ", businesses="
                + businesses + ", users="
                + users + ", turns=" + turns + ", seed=" + seed + ", rampUp=" + rampUp.toSeconds() + "s, steady="
                + steady.toSeconds() + "s, floor=" + floor.toSeconds() + "s x " + floorUsers + " clients";
    }
}
