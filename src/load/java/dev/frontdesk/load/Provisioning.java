package dev.frontdesk.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The set-up step of every simulation, outside the measured requests: waits until the service is ready
 * (its model loaded), then creates the run's businesses through the admin API ({@code X-Admin-Key}), each
 * with a new phone number, and fills their knowledge bases through the tenant API ({@code X-API-Key}).
 */
final class Provisioning {

    /** A business created for this run. */
    record Tenant(String id, String name, String phone, String apiKey, String widgetToken, Trade trade) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LoadSettings settings;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    // phone numbers must be new in every run (a number belongs to one business), so they are not seeded
    private final Random numbers = new Random(System.nanoTime());

    Provisioning(LoadSettings settings) {
        this.settings = settings;
    }

    /** Waits for readiness, then creates {@code settings.businesses()} businesses across the trades. */
    List<Tenant> createBusinesses(String runLabel) {
        awaitReady(Duration.ofSeconds(90));
        var tenants = new ArrayList<Tenant>();
        for (int i = 0; i < settings.businesses(); i++) {
            Trade trade = Trade.ALL.get(i % Trade.ALL.size());
            tenants.add(create(trade, trade.kind() + " " + runLabel + " #" + (i + 1)));
        }
        System.out.printf("Created %d businesses for %s%n", tenants.size(), runLabel);
        return List.copyOf(tenants);
    }

    private void awaitReady(Duration atMost) {
        for (String node : settings.baseUrls()) {
            awaitReady(node, atMost);
        }
    }

    private void awaitReady(String node, Duration atMost) {
        Instant deadline = Instant.now().plus(atMost);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                var response = http.send(
                        HttpRequest.newBuilder(URI.create(node + "/actuator/health/readiness"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofSeconds(1));
        }
        throw new IllegalStateException(
                "The service at " + node + " is not ready after " + atMost.toSeconds() + " s: " + last);
    }

    private Tenant create(Trade trade, String name) {
        for (int attempt = 1; ; attempt++) {
            String phone = newNumber();
            var body = new LinkedHashMap<String, Object>();
            body.put("name", name);
            body.put("timezone", trade.timezone());
            body.put("phoneNumbers", List.of(phone));
            body.put("ownerPhone", newNumber());
            body.put("ownerEmail", "owner@load.example");
            body.put("defaultLanguage", "en");
            body.put(
                    "services",
                    trade.services().stream()
                            .map(s -> Map.of(
                                    "name", s.name(),
                                    "durationMinutes", s.durationMinutes(),
                                    "priceText", s.priceText(),
                                    "aliases", s.aliases()))
                            .toList());
            body.put("hours", trade.hours());
            var response = post("/api/admin/businesses", "X-Admin-Key", settings.adminKey(), body);
            if (response.statusCode() == 201) {
                JsonNode created = JSON.readTree(response.body());
                var tenant = new Tenant(
                        created.get("id").asString(),
                        name,
                        phone,
                        created.get("apiKey").asString(),
                        created.get("widgetToken").asString(),
                        trade);
                for (Trade.Faq faq : trade.knowledge()) {
                    var entry = Map.of("question", faq.question(), "answer", faq.answer(), "tags", List.of("load"));
                    expect(post("/api/knowledge", "X-API-Key", tenant.apiKey(), entry), 201, "knowledge entry");
                }
                return tenant;
            }
            if (response.statusCode() != 409 || attempt == 3) {
                expect(response, 201, "business (is FRONTDESK_ADMIN_KEY the service's -Dload.adminKey?)");
            }
        }
    }

    /** A new, valid Chicago number (exchange 200-999); collisions with earlier runs are retried. */
    private String newNumber() {
        return "+1312" + (200 + numbers.nextInt(800)) + String.format("%04d", numbers.nextInt(10_000));
    }

    private HttpResponse<String> post(String path, String header, String key, Object body) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
                            .timeout(Duration.ofSeconds(30))
                            .header(header, key)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(
                    "Creating a " + what + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
