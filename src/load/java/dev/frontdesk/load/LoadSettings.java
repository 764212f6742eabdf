package dev.frontdesk.load;

import java.time.Duration;

/**
 * What a load run is pointed at and how hard it pushes, from system properties ({@code -Dload.calls=400}
 * on the {@code ./mvnw -Pload gatling:test} command line). The defaults match the service started as
 * docs/performance.md shows ({@code ./mvnw spring-boot:run} with {@code TWILIO_AUTH_TOKEN} and
 * {@code FRONTDESK_ADMIN_KEY} set to the two values below).
 *
 * @param baseUrl where requests go ({@code load.baseUrl})
 * @param publicBaseUrl the URL Twilio signatures are computed over: the service's
 *     {@code FRONTDESK_PUBLIC_BASE_URL}, or, when that is unset, the URL requests arrive at, i.e.
 *     {@code baseUrl} ({@code load.publicBaseUrl})
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
 * @param serverPid the service's process id, for its CPU time and RSS; 0 looks for the one Frontdesk
 *     process on this machine ({@code load.serverPid})
 */
record LoadSettings(
        String baseUrl,
        String publicBaseUrl,
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
        long serverPid) {

    static final String DEFAULT_TWILIO_AUTH_TOKEN = "load-test-twilio-auth-token";
    static final String DEFAULT_ADMIN_KEY = "load-test-admin-key-0123456789";

    /** The settings of this run, with defaults for one kind of simulation. */
    static LoadSettings fromSystemProperties(int defaultUsers, int defaultTurns) {
        String baseUrl = property("load.baseUrl", "http://localhost:8080").replaceAll("/+$", "");
        return new LoadSettings(
                baseUrl,
                property("load.publicBaseUrl", baseUrl).replaceAll("/+$", ""),
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
                Long.getLong("load.serverPid", 0L));
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    @Override
    public String toString() {
        return "baseUrl=" + baseUrl + ", publicBaseUrl=" + publicBaseUrl + ", businesses=" + businesses + ", users="
                + users + ", turns=" + turns + ", seed=" + seed + ", rampUp=" + rampUp.toSeconds() + "s, steady="
                + steady.toSeconds() + "s, floor=" + floor.toSeconds() + "s x " + floorUsers + " clients";
    }
}
