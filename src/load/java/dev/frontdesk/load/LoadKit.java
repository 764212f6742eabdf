package dev.frontdesk.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.frontdesk.telephony.TwilioClient;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * What every simulation shares: the HTTP protocol, Twilio-signed form posts, the per-request bookkeeping of
 * {@link Measurements}, and the health-endpoint phases that give the floor of the same run.
 */
final class LoadKit {

    /** The service's apology when a webhook failed: answered with HTTP 200, so a check looks for it. */
    static final String APOLOGY = "something went wrong on our side";

    /** What a caller held too long hears before the call ends: a lost call, so an error too. */
    static final String TOO_BUSY = "very busy right now";

    /** How many Twilio requests this call has made so far (counted by {@link #record}), for {@code spread=turn}. */
    static final String HOP = "hop";

    /** Saved by every measured request, read by {@link #record}. */
    static final String RESPONSE_TIME = "responseTime";

    /** Different in every run: the run's CallSids, MessageSids and callers never meet an earlier run's answers. */
    static final String RUN = HexFormat.of().toHexDigits(new Random(System.nanoTime()).nextInt());

    private LoadKit() {}

    static HttpProtocolBuilder protocol(LoadSettings settings) {
        return http.baseUrls(settings.baseUrls())
                .disableWarmUp()
                .disableCaching()
                .userAgentHeader("frontdesk-load (Gatling)")
                .acceptEncodingHeader("identity");
    }

    /** A Twilio SID ({@code CA...}, {@code SM...}): the prefix and 32 hex digits, unique to this run. */
    static String sid(String prefix, long n) {
        return prefix + RUN + String.format("%024x", n);
    }

    /** A caller's number: valid, in the 617 area, derived from the seed and the caller's number n. */
    static String caller(long seed, long n) {
        var random = new Random(seed * 31 + n);
        return "+1617" + (200 + random.nextInt(800)) + String.format("%04d", random.nextInt(10_000));
    }

    /**
     * A form post signed the way Twilio signs its webhooks ({@code X-Twilio-Signature}: HMAC-SHA1 of the
     * public URL and the sorted parameters, base64 — the algorithm of twilio-java's {@code RequestValidator},
     * computed by the telephony tests' {@link TwilioClient}), with a fresh {@code I-Twilio-Idempotency-Token},
     * to the node {@link LoadSettings#nodeFor} picks.
     */
    static HttpRequestActionBuilder twilioPost(
            LoadSettings settings,
            String name,
            Function<Session, String> pathAndQuery,
            Function<Session, Map<String, String>> params) {
        return http(name)
                .post(session -> settings.nodeFor(session) + pathAndQuery.apply(session))
                .header(
                        "X-Twilio-Signature",
                        session -> TwilioClient.signature(
                                settings.twilioAuthToken(),
                                settings.publicBaseUrl(settings.nodeFor(session)) + pathAndQuery.apply(session),
                                params.apply(session)))
                .header("I-Twilio-Idempotency-Token", session -> UUID.randomUUID() + "-" + RUN)
                .formParamMap(session -> new LinkedHashMap<String, Object>(params.apply(session)))
                .check(responseTimeInMillis().saveAs(RESPONSE_TIME));
    }

    /** TwiML with status 200 that is not the apology for a failure. */
    static CheckBuilder[] twiml() {
        return new CheckBuilder[] {
            status().is(200),
            header("Content-Type")
                    .transform(t -> t.startsWith("application/xml"))
                    .is(true),
            substring(APOLOGY).notExists(),
            substring(TOO_BUSY).notExists()
        };
    }

    /**
     * Hands the last request's response time and outcome to the measurements (steady-state window), then
     * clears the failure so the rest of the conversation goes on; counts the request ({@link #HOP}).
     */
    static ChainBuilder record(Measurements measurements, String kind) {
        return record(measurements, session -> kind);
    }

    /** {@link #record(Measurements, String)} with the kind read from the session (e.g. a held answer). */
    static ChainBuilder record(Measurements measurements, Function<Session, String> kind) {
        return exec(session -> {
            long millis = session.contains(RESPONSE_TIME) ? session.getLong(RESPONSE_TIME) : -1;
            measurements.record(kind.apply(session), millis, session.isFailed());
            long hop = session.contains(HOP) ? session.getLong(HOP) : 0;
            return session.remove(RESPONSE_TIME).set(HOP, hop + 1).markAsSucceeded();
        });
    }

    /**
     * The load between two phases of {@code GET /actuator/health}: before it (the floor of an idle service),
     * during it (a light probe whose latency is measured in the same window as the load) and after it.
     */
    /** The simulation's users, ramped up over {@code load.rampUp} and then held for {@code load.steady}. */
    static PopulationBuilder closedLoad(ScenarioBuilder scenario, LoadSettings settings) {
        return scenario.injectClosed(
                rampConcurrentUsers(0).to(settings.users()).during(settings.rampUp()),
                constantConcurrentUsers(settings.users()).during(settings.steady()));
    }

    /** An endless feeder: row {@code n} for the n-th user (0, 1, 2 …), safe for Gatling's many threads. */
    static Iterator<Map<String, Object>> feeder(LongFunction<Map<String, Object>> row) {
        AtomicLong next = new AtomicLong();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                return row.apply(next.getAndIncrement());
            }
        };
    }

    static PopulationBuilder withHealthFloor(LoadSettings settings, Measurements measurements, PopulationBuilder load) {
        Duration during = settings.rampUp().plus(settings.steady());
        var before = scenario("health before")
                .during(settings.floor())
                .on(exec(http("health (before)").get("/actuator/health").check(status().is(200))))
                .injectOpen(atOnceUsers(settings.floorUsers()));
        var probe = scenario("health during")
                .exec(http("health (during)")
                        .get("/actuator/health")
                        .check(responseTimeInMillis().saveAs(RESPONSE_TIME), status().is(200)))
                .exec(record(measurements, "health"))
                .injectOpen(constantUsersPerSec(10).during(during));
        var after = scenario("health after")
                .exec(session -> {
                    measurements.mark("load end");
                    return session;
                })
                .during(settings.floor())
                .on(exec(http("health (after)").get("/actuator/health").check(status().is(200))))
                .injectOpen(atOnceUsers(settings.floorUsers()));
        return before.andThen(load.andThen(after), probe);
    }
}
