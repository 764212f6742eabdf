package dev.frontdesk.load;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Phone calls as Twilio places them: {@code load.users} (default 200) calls at once, spread over the run's
 * businesses; each call is {@code POST /twilio/voice}, then {@code load.turns} (default 4) things said,
 * each posted to the {@code <Gather action>} of the previous answer, then the status callback. A call
 * the assistant ends early (goodbye, transfer, emergency) goes straight to the status callback, like a
 * caller who hung up. Every request is signed ({@code X-Twilio-Signature}) and carries an
 * {@code I-Twilio-Idempotency-Token}; what callers say comes from {@link Utterances} with {@code load.seed}.
 *
 * <p>Run against a service started with the load-test secrets (docs/performance.md):
 * {@code ./mvnw -Pload gatling:test -Dgatling.simulationClass=dev.frontdesk.load.VoiceCallsSimulation}
 */
public class VoiceCallsSimulation extends Simulation {

    private final LoadSettings settings = LoadSettings.fromSystemProperties(200, 4);
    private final Measurements measurements = new Measurements(settings);
    private final List<Provisioning.Tenant> tenants = new Provisioning(settings).createBusinesses("voice");
    private final Utterances utterances = new Utterances(settings.seed());

    {
        var call = scenario("voice calls")
                .feed(callFeeder())
                .exec(session -> {
                    measurements.loadStarted();
                    return session;
                })
                .exec(LoadKit.twilioPost(settings, "voice", s -> "/twilio/voice", s -> params(s, "ringing"))
                        .check(LoadKit.twiml())
                        .check(gatherAction(), holdRedirect()))
                .exec(LoadKit.record(measurements, s -> s.contains("redirect") ? "voice held" : "voice"))
                .exec(followHolds("voice"))
                .repeat(settings.turns(), "turnIndex")
                .on(doIf(session -> session.contains("action")).then(turn()))
                .exec(LoadKit.twilioPost(settings, "status", s -> "/twilio/voice/status", this::completed)
                        .check(status().is(204)))
                .exec(LoadKit.record(measurements, "status"));
        var load = LoadKit.closedLoad(call, settings);
        setUp(LoadKit.withHealthFloor(settings, measurements, load)).protocols(LoadKit.protocol(settings));
    }

    @Override
    public void before() {
        System.out.println("VoiceCallsSimulation: " + settings);
        measurements.start();
    }

    @Override
    public void after() {
        measurements.summary("VoiceCallsSimulation", "gather");
    }

    /** One thing said, posted to the action of the last {@code <Gather>}; its answer gives the next action. */
    private ChainBuilder turn() {
        return exec(session -> session.set("path", session.getString("action")).remove("action"))
                .exec(LoadKit.twilioPost(settings, "gather", s -> s.getString("path"), this::speech)
                        .check(LoadKit.twiml())
                        .check(gatherAction(), holdRedirect()))
                .exec(LoadKit.record(measurements, s -> s.contains("redirect") ? "gather held" : "gather"))
                .exec(followHolds("gather"));
    }

    /**
     * A busy service holds the call ({@code <Say>One moment, please.</Say>} or a second's {@code <Pause>},
     * then {@code <Redirect>}): like Twilio, the call waits about a second and posts to the redirect with
     * the call's parameters only (the redirect's query carries what was said). A held answer is recorded as
     * {@code <kind> held}; the answer that finally comes is recorded as the turn's own kind.
     */
    private ChainBuilder followHolds(String kind) {
        return asLongAs(session -> session.contains("redirect"))
                .on(exec(session -> session.set("path", session.getString("redirect"))
                                .remove("redirect"))
                        .pause(java.time.Duration.ofSeconds(1))
                        .exec(LoadKit.twilioPost(
                                        settings, kind, s -> s.getString("path"), s -> params(s, "in-progress"))
                                .check(LoadKit.twiml())
                                .check(gatherAction(), holdRedirect()))
                        .exec(LoadKit.record(measurements, s -> s.contains("redirect") ? kind + " held" : kind)));
    }

    /** The URL of the answer's {@code <Redirect>} (a hold), when it has one (XML-unescaped). */
    private static io.gatling.javaapi.core.CheckBuilder holdRedirect() {
        return regex("<Redirect[^>]*>([^<]+)</Redirect>")
                .transform(a -> a == null ? null : a.replace("&amp;", "&"))
                .optional()
                .saveAs("redirect");
    }

    /** The {@code action} of the answer's {@code <Gather>}, when it has one (XML-unescaped). */
    private static io.gatling.javaapi.core.CheckBuilder gatherAction() {
        return regex("<Gather[^>]*\\saction=\"([^\"]+)\"")
                .transform(a -> a == null ? null : a.replace("&amp;", "&"))
                .optional()
                .saveAs("action");
    }

    private Iterator<Map<String, Object>> callFeeder() {
        return LoadKit.feeder(n -> {
            var tenant = tenants.get((int) (n % tenants.size()));
            var call = new HashMap<String, Object>();
            call.put("callSid", LoadKit.sid("CA", n));
            call.put("from", LoadKit.caller(settings.seed(), n));
            call.put("to", tenant.phone());
            call.put("said", utterances.conversation(tenant.trade(), n, settings.turns()));
            call.put("duration", 20 + (n * 7919) % 280);
            return call;
        });
    }

    /** The parameters Twilio sends about a call. */
    private static Map<String, String> params(Session session, String callStatus) {
        var params = new LinkedHashMap<String, String>();
        params.put("AccountSid", "AC" + "0".repeat(32));
        params.put("ApiVersion", "2010-04-01");
        params.put("CallSid", session.getString("callSid"));
        params.put("CallStatus", callStatus);
        params.put("Direction", "inbound");
        params.put("From", session.getString("from"));
        params.put("To", session.getString("to"));
        params.put("Caller", session.getString("from"));
        params.put("Called", session.getString("to"));
        return params;
    }

    /** A gather: what the caller said, with the recogniser's confidence; silence sends no SpeechResult. */
    private Map<String, String> speech(Session session) {
        var params = params(session, "in-progress");
        List<Utterances.Said> said = session.getList("said");
        var line = said.get(session.getInt("turnIndex"));
        if (line.text() != null) {
            params.put("SpeechResult", line.text());
            params.put("Confidence", Double.toString(line.confidence()));
        }
        return params;
    }

    private Map<String, String> completed(Session session) {
        var params = params(session, "completed");
        params.put("CallDuration", session.get("duration").toString());
        return params;
    }
}
