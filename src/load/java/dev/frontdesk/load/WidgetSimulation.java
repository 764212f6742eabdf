package dev.frontdesk.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Web chats: {@code load.users} (default 50) visitors at once, each opening a chat
 * ({@code POST /api/widget/messages} without a conversation id, answered with the greeting) and sending
 * {@code load.turns} (default 4) messages from {@link Utterances}. The service's per-widget and per-address
 * rate limits must be raised for the run (docs/performance.md), or most messages get 429.
 *
 * <p>{@code ./mvnw -Pload gatling:test -Dgatling.simulationClass=dev.frontdesk.load.WidgetSimulation}
 */
public class WidgetSimulation extends Simulation {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LoadSettings settings = LoadSettings.fromSystemProperties(50, 4);
    private final Measurements measurements = new Measurements(settings);
    private final List<Provisioning.Tenant> tenants = new Provisioning(settings).createBusinesses("widget");
    private final Utterances utterances = new Utterances(settings.seed() + 2);

    {
        var chat = scenario("widget")
                .feed(chatFeeder())
                .exec(session -> {
                    measurements.loadStarted();
                    return session;
                })
                .exec(http("widget open")
                        .post("/api/widget/messages")
                        .header("X-Widget-Token", "#{token}")
                        .header("Content-Type", "application/json")
                        .body(StringBody("{}"))
                        .check(
                                responseTimeInMillis().saveAs(LoadKit.RESPONSE_TIME),
                                status().is(200),
                                jsonPath("$.conversationId").saveAs("chat")))
                .exec(LoadKit.record(measurements, "widget open"))
                .repeat(settings.turns(), "turnIndex")
                .on(exec(http("widget message")
                                .post("/api/widget/messages")
                                .header("X-Widget-Token", "#{token}")
                                .header("Content-Type", "application/json")
                                .body(StringBody(this::message))
                                .check(responseTimeInMillis().saveAs(LoadKit.RESPONSE_TIME), status().is(200)))
                        .exec(LoadKit.record(measurements, "widget message")));
        var load = LoadKit.closedLoad(chat, settings);
        setUp(LoadKit.withHealthFloor(settings, measurements, load)).protocols(LoadKit.protocol(settings));
    }

    @Override
    public void before() {
        System.out.println("WidgetSimulation: " + settings);
        measurements.start();
    }

    @Override
    public void after() {
        measurements.summary("WidgetSimulation", "widget message");
    }

    private Iterator<Map<String, Object>> chatFeeder() {
        return LoadKit.feeder(n -> {
            var tenant = tenants.get((int) (n % tenants.size()));
            var chat = new HashMap<String, Object>();
            chat.put("token", tenant.widgetToken());
            chat.put("said", utterances.conversation(tenant.trade(), n, settings.turns()));
            return chat;
        });
    }

    /** The next message of the chat; a silent turn becomes "hello?" (the widget refuses empty messages). */
    private String message(Session session) {
        List<Utterances.Said> said = session.getList("said");
        String text = said.get(session.getInt("turnIndex")).text();
        var body = new LinkedHashMap<String, String>();
        body.put("conversationId", session.getString("chat"));
        body.put("text", text == null ? "hello?" : text);
        return JSON.writeValueAsString(body);
    }
}
