package dev.frontdesk.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenant API as a business's own software uses it ({@code X-API-Key}): {@code load.users} (default 20)
 * clients at once, each listing the next week's appointments, asking for a day's free slots of a service
 * and booking one of them. Clients race for the same slots, so a booking answers 201 (booked) or 409 (the
 * slot was just taken), both correct.
 *
 * <p>{@code ./mvnw -Pload gatling:test -Dgatling.simulationClass=dev.frontdesk.load.TenantApiSimulation}
 */
public class TenantApiSimulation extends Simulation {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LoadSettings settings = LoadSettings.fromSystemProperties(20, 1);
    private final Measurements measurements = new Measurements(settings);
    private final List<Provisioning.Tenant> tenants = new Provisioning(settings).createBusinesses("api");

    {
        var client = scenario("tenant api")
                .feed(clientFeeder())
                .exec(session -> {
                    measurements.loadStarted();
                    return session;
                })
                .exec(http("appointments list")
                        .get("/api/appointments")
                        .queryParam("from", "#{from}")
                        .queryParam("to", "#{to}")
                        .queryParam("pageSize", "50")
                        .header("X-API-Key", "#{key}")
                        .check(
                                responseTimeInMillis().saveAs(LoadKit.RESPONSE_TIME),
                                status().is(200),
                                jsonPath("$.total").exists()))
                .exec(LoadKit.record(measurements, "list"))
                .exec(http("availability")
                        .get("/api/availability")
                        .queryParam("date", "#{date}")
                        .queryParam("service", "#{service}")
                        .header("X-API-Key", "#{key}")
                        .check(
                                responseTimeInMillis().saveAs(LoadKit.RESPONSE_TIME),
                                status().is(200),
                                jsonPath("$.slots[*].start")
                                        .findRandom()
                                        .optional()
                                        .saveAs("slot")))
                .exec(LoadKit.record(measurements, "availability"))
                .exec(doIf(session -> session.contains("slot"))
                        .then(exec(http("book")
                                        .post("/api/appointments")
                                        .header("X-API-Key", "#{key}")
                                        .header("Content-Type", "application/json")
                                        .body(StringBody(TenantApiSimulation::booking))
                                        .check(
                                                responseTimeInMillis().saveAs(LoadKit.RESPONSE_TIME),
                                                status().in(201, 409)))
                                .exec(LoadKit.record(measurements, "book"))));
        var load = LoadKit.closedLoad(client, settings);
        setUp(LoadKit.withHealthFloor(settings, measurements, load)).protocols(LoadKit.protocol(settings));
    }

    @Override
    public void before() {
        System.out.println("TenantApiSimulation: " + settings);
        measurements.start();
    }

    @Override
    public void after() {
        measurements.summary("TenantApiSimulation", "book");
    }

    private Iterator<Map<String, Object>> clientFeeder() {
        return LoadKit.feeder(n -> {
            var random = new Random(settings.seed() * 7 + n);
            var tenant = tenants.get((int) (n % tenants.size()));
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            var client = new HashMap<String, Object>();
            client.put("key", tenant.apiKey());
            client.put("from", today.toString());
            client.put("to", today.plusDays(7).toString());
            client.put("date", today.plusDays(1 + random.nextInt(14)).toString());
            var services = tenant.trade().services();
            client.put("service", services.get(random.nextInt(services.size())).name());
            client.put("name", "Load Customer " + n);
            client.put("phone", LoadKit.caller(settings.seed() + 3, n));
            return client;
        });
    }

    private static String booking(Session session) {
        var customer = new LinkedHashMap<String, String>();
        customer.put("name", session.getString("name"));
        customer.put("phone", session.getString("phone"));
        var body = new LinkedHashMap<String, Object>();
        body.put("service", session.getString("service"));
        body.put("start", session.getString("slot"));
        body.put("customer", customer);
        return JSON.writeValueAsString(body);
    }
}
