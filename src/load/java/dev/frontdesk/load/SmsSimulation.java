package dev.frontdesk.load;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;

import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Text conversations as Twilio delivers them: {@code load.users} (default 50) senders at once, each sending
 * {@code load.turns} (default 3) signed {@code POST /twilio/sms} one after the other (the next once the
 * answer came), with texts from {@link Utterances}.
 *
 * <p>{@code ./mvnw -Pload gatling:test -Dgatling.simulationClass=dev.frontdesk.load.SmsSimulation}
 */
public class SmsSimulation extends Simulation {

    private final LoadSettings settings = LoadSettings.fromSystemProperties(50, 3);
    private final Measurements measurements = new Measurements(settings);
    private final List<Provisioning.Tenant> tenants = new Provisioning(settings).createBusinesses("sms");
    private final Utterances utterances = new Utterances(settings.seed() + 1);

    {
        var texting = scenario("sms")
                .feed(senderFeeder())
                .exec(session -> {
                    measurements.loadStarted();
                    return session;
                })
                .repeat(settings.turns(), "turnIndex")
                .on(exec(LoadKit.twilioPost(settings, "sms", s -> "/twilio/sms", this::text)
                                .check(LoadKit.twiml())
                                .check(substring("<Message").optional().saveAs("replied")))
                        // a busy service answers an empty <Response/> and texts the reply later: "sms deferred"
                        .exec(LoadKit.record(measurements, s -> s.contains("replied") ? "sms" : "sms deferred"))
                        .exec(session -> session.remove("replied")));
        var load = LoadKit.closedLoad(texting, settings);
        setUp(LoadKit.withHealthFloor(settings, measurements, load)).protocols(LoadKit.protocol(settings));
    }

    @Override
    public void before() {
        System.out.println("SmsSimulation: " + settings);
        measurements.start();
    }

    @Override
    public void after() {
        measurements.summary("SmsSimulation", "sms");
    }

    private Iterator<Map<String, Object>> senderFeeder() {
        return LoadKit.feeder(n -> {
            var tenant = tenants.get((int) (n % tenants.size()));
            var sender = new HashMap<String, Object>();
            sender.put("from", LoadKit.caller(settings.seed() + 1, n));
            sender.put("to", tenant.phone());
            sender.put("texts", utterances.conversation(tenant.trade(), n, settings.turns()));
            return sender;
        });
    }

    /** One inbound text; a silent turn of the conversation becomes a "?" (an SMS is never empty). */
    private Map<String, String> text(Session session) {
        List<Utterances.Said> texts = session.getList("texts");
        String body = texts.get(session.getInt("turnIndex")).text();
        // derived from the session, not drawn anew: the signature and the body must carry the same SID
        String sid = LoadKit.sid("SM", (session.userId() << 8) + session.getInt("turnIndex"));
        var params = new LinkedHashMap<String, String>();
        params.put("AccountSid", "AC" + "0".repeat(32));
        params.put("ApiVersion", "2010-04-01");
        params.put("MessageSid", sid);
        params.put("SmsSid", sid);
        params.put("From", session.getString("from"));
        params.put("To", session.getString("to"));
        params.put("Body", body == null ? "?" : body);
        params.put("NumMedia", "0");
        params.put("NumSegments", "1");
        return params;
    }
}
