package dev.frontdesk.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.frontdesk.shared.DatabaseUrl;
import dev.frontdesk.support.AppProcess;
import dev.frontdesk.support.TestDatabaseContextCustomizerFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application is {@code kill -9}ed in the middle of traffic and started again on the same
 * data: every booking answered 201 and every STOP answered is still there, exactly once, and a retry
 * of any booking with its {@code Idempotency-Key} returns the original appointment (or books it once,
 * if the first try was never answered). On the default H2 file database, on PostgreSQL, and with two
 * nodes on one PostgreSQL database of which one is killed.
 */
class AcknowledgedWritesSurviveKillIT {

    static final String ADMIN_KEY = "fault-suite-admin-key-0123456789";
    static final String TWILIO_TOKEN = "fault-suite-twilio-token";
    static final String PUBLIC_URL = "https://frontdesk.faults.example";
    static final String SECRET_KEY = "ZmF1bHQtc3VpdGUta2V5LWZvci1mcm9udGRlc2stMzI=";
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private Path jar;

    @BeforeEach
    void packagedJar() {
        var found = AppProcess.jar();
        assumeTrue(found.isPresent(), "no packaged jar in target/ (run ./mvnw verify)");
        jar = found.get().toAbsolutePath();
    }

    @Test
    void onH2EveryAcknowledgedBookingAndOptOutSurvivesKillNine() throws Exception {
        Map<String, String> env = environment();
        env.put("FRONTDESK_DATA_DIR", dir.resolve("data").toString());
        Traffic traffic;
        try (var node = AppProcess.start(jar, env, dir.resolve("first.log"))) {
            traffic = new Traffic(createBusiness(node));
            traffic.runThenKill(List.of(node), node);
        }
        try (var restarted = AppProcess.start(jar, env, dir.resolve("second.log"))) {
            traffic.verifyThrough(restarted);
            restarted.stop();
        }
        String url = "jdbc:h2:file:" + dir.resolve("data/frontdesk") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            traffic.verifyExactlyOnce(db);
        }
    }

    @Test
    void onPostgresEveryAcknowledgedBookingAndOptOutSurvivesKillNine() throws Exception {
        assumeTrue(TestDatabaseContextCustomizerFactory.onPostgres(), "FRONTDESK_TEST_DATABASE_URL is not set");
        try (var schema = new Schema()) {
            Map<String, String> env = schema.environment(environment());
            env.put("FRONTDESK_DATA_DIR", dir.resolve("data").toString());
            Traffic traffic;
            try (var node = AppProcess.start(jar, env, dir.resolve("first.log"))) {
                traffic = new Traffic(createBusiness(node));
                traffic.runThenKill(List.of(node), node);
            }
            try (var restarted = AppProcess.start(jar, env, dir.resolve("second.log"))) {
                traffic.verifyThrough(restarted);
                try (Connection db = schema.connect()) {
                    traffic.verifyExactlyOnce(db);
                }
            }
        }
    }

    @Test
    void withTwoNodesOnOnePostgresKillingOneLosesNothing() throws Exception {
        assumeTrue(TestDatabaseContextCustomizerFactory.onPostgres(), "FRONTDESK_TEST_DATABASE_URL is not set");
        try (var schema = new Schema()) {
            Map<String, String> env = schema.environment(environment());
            env.put("FRONTDESK_DATA_DIR", dir.resolve("data").toString());
            try (var first = AppProcess.start(jar, env, dir.resolve("a.log"));
                    var second = AppProcess.start(jar, env, dir.resolve("b.log"))) {
                var traffic = new Traffic(createBusiness(first));
                traffic.runThenKill(List.of(first, second), first);
                traffic.verifyThrough(second);
                try (Connection db = schema.connect()) {
                    traffic.verifyExactlyOnce(db);
                }
            }
        }
    }

    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("FRONTDESK_ADMIN_KEY", ADMIN_KEY);
        env.put("FRONTDESK_DEMO", "false");
        env.put("FRONTDESK_ASSISTANT_WARM_UP", "false");
        env.put("FRONTDESK_SECRET_KEY", SECRET_KEY);
        env.put("TWILIO_AUTH_TOKEN", TWILIO_TOKEN);
        env.put("FRONTDESK_PUBLIC_BASE_URL", PUBLIC_URL);
        return env;
    }

    /** A business open around the clock in UTC, so every half hour of the next weeks is bookable. */
    private Business createBusiness(AppProcess node) throws Exception {
        String number = "+1617" + (2 + ThreadLocalRandom.current().nextInt(8))
                + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        String allDay = "[\"00:00-24:00\"]";
        String hours = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY").stream()
                .map(d -> "\"" + d + "\": " + allDay)
                .collect(Collectors.joining(", "));
        var response = send(
                node,
                "POST",
                "/api/admin/businesses",
                "{\"name\": \"Kill nine locks\", \"timezone\": \"Etc/UTC\", \"phoneNumbers\": [\"" + number
                        + "\"], \"services\": [{\"name\": \"Lockout\", \"durationMinutes\": 30}], \"hours\": {"
                        + hours + "}}",
                "X-Admin-Key",
                ADMIN_KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Matcher key = Pattern.compile("\"apiKey\":\"([^\"]+)\"").matcher(response.body());
        assertThat(key.find()).isTrue();
        return new Business(key.group(1), number);
    }

    record Business(String apiKey, String number) {}

    /** Bookings and STOP texts sent by 8 clients until one node is killed; what was acknowledged. */
    private final class Traffic {
        private final Business business;
        // a day from now on the hour, never inside the minimum notice (midnight UTC was, after 22:00 UTC)
        private final Instant firstSlot =
                Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1));
        private final Map<String, String> attemptedBookings = new ConcurrentHashMap<>();
        private final Map<String, String> acknowledgedBookings = new ConcurrentHashMap<>();
        private final Set<String> acknowledgedOptOuts = ConcurrentHashMap.newKeySet();
        private final AtomicInteger sequence = new AtomicInteger();

        Traffic(Business business) {
            this.business = business;
        }

        void runThenKill(List<AppProcess> nodes, AppProcess victim) throws Exception {
            var stop = new AtomicBoolean();
            try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < 8; c++) {
                    clients.submit(() -> {
                        while (!stop.get()) {
                            int i = sequence.getAndIncrement();
                            AppProcess node = nodes.get(i % nodes.size());
                            try {
                                if (i % 5 == 4) {
                                    optOut(node, i);
                                } else {
                                    book(node, i);
                                }
                            } catch (Exception e) {
                                // the node died under this request: nothing was acknowledged
                                if (!node.equals(victim)) {
                                    Thread.sleep(20);
                                }
                            }
                        }
                        return null;
                    });
                }
                // kill -9 right after an answer: the last acknowledged writes are the ones a lazy flush loses
                long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
                while (acknowledgedBookings.size() < 60 && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                victim.kill();
                Thread.sleep(nodes.size() > 1 ? 1500 : 200);
                stop.set(true);
            }
            assertThat(acknowledgedBookings)
                    .as("bookings answered before the kill")
                    .hasSizeGreaterThan(20);
            System.out.printf(
                    "kill -9 after %d acknowledged bookings and %d opt-outs (%d bookings attempted)%n",
                    acknowledgedBookings.size(), acknowledgedOptOuts.size(), attemptedBookings.size());
        }

        private String bookingBody(int i) {
            return "{\"service\": \"Lockout\", \"start\": \"" + firstSlot.plus(Duration.ofMinutes(30L * i))
                    + "\", \"customer\": {\"name\": \"Customer " + i + "\", \"phone\": \"+16175550123\"}}";
        }

        private void book(AppProcess node, int i) throws Exception {
            String key = "kill-nine-" + i;
            attemptedBookings.put(key, bookingBody(i));
            var response = send(
                    node,
                    "POST",
                    "/api/appointments",
                    bookingBody(i),
                    "X-API-Key",
                    business.apiKey(),
                    "Idempotency-Key",
                    key);
            if (response.statusCode() == 201) {
                acknowledgedBookings.put(key, id(response.body()));
            }
        }

        private void optOut(AppProcess node, int i) throws Exception {
            String from = "+1617555" + String.format("%04d", i % 10_000);
            var params = new TreeMap<String, String>();
            params.put(
                    "MessageSid",
                    "SM"
                            + HexFormat.of()
                                    .toHexDigits(ThreadLocalRandom.current().nextLong()) + i);
            params.put("From", from);
            params.put("To", business.number());
            params.put("Body", "STOP");
            String form = params.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(node.baseUrl() + "/twilio/sms"))
                            .timeout(Duration.ofSeconds(20))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("X-Twilio-Signature", twilioSignature(PUBLIC_URL + "/twilio/sms", params))
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && response.body().contains("unsubscribed")) {
                acknowledgedOptOuts.add(from);
            }
        }

        /** Every acknowledged booking is there; every booking retried with its key is the original or booked once. */
        void verifyThrough(AppProcess node) throws Exception {
            for (var acknowledged : acknowledgedBookings.entrySet()) {
                var found = send(
                        node,
                        "GET",
                        "/api/appointments/" + acknowledged.getValue(),
                        null,
                        "X-API-Key",
                        business.apiKey());
                assertThat(found.statusCode())
                        .as("booking %s answered 201 before the kill", acknowledged.getKey())
                        .isEqualTo(200);
            }
            for (var attempted : attemptedBookings.entrySet()) {
                var retry = send(
                        node,
                        "POST",
                        "/api/appointments",
                        attempted.getValue(),
                        "X-API-Key",
                        business.apiKey(),
                        "Idempotency-Key",
                        attempted.getKey());
                assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
                String original = acknowledgedBookings.get(attempted.getKey());
                if (original != null) {
                    assertThat(id(retry.body()))
                            .as("a retry of %s returns the original appointment", attempted.getKey())
                            .isEqualTo(original);
                }
            }
        }

        void verifyExactlyOnce(Connection db) throws Exception {
            Map<String, Integer> perCustomer = new HashMap<>();
            try (var rows = db.createStatement().executeQuery("SELECT customer_name FROM appointment")) {
                while (rows.next()) {
                    perCustomer.merge(rows.getString(1), 1, Integer::sum);
                }
            }
            assertThat(perCustomer.values()).as("no booking twice").allMatch(n -> n == 1);
            assertThat(perCustomer).hasSize(attemptedBookings.size());
            List<String> optedOut = new ArrayList<>();
            try (var rows = db.createStatement().executeQuery("SELECT phone_number FROM sms_opt_out")) {
                while (rows.next()) {
                    optedOut.add(rows.getString(1));
                }
            }
            assertThat(optedOut).containsAll(acknowledgedOptOuts);
        }
    }

    private static String id(String body) {
        Matcher matcher = ID.matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> send(AppProcess node, String method, String path, String body, String... headers)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String twilioSignature(String url, Map<String, String> params) throws Exception {
        var data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(TWILIO_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** A fresh schema in the test PostgreSQL database, dropped afterwards. */
    private static final class Schema implements AutoCloseable {
        private final DatabaseUrl base =
                DatabaseUrl.parse(System.getenv(TestDatabaseContextCustomizerFactory.URL_VARIABLE));
        private final String name =
                "k9_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());

        Schema() throws Exception {
            try (var db = connectTo(base.jdbcUrl())) {
                db.createStatement().execute("CREATE SCHEMA " + name);
            }
        }

        String url() {
            return base.jdbcUrl() + (base.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + name;
        }

        Map<String, String> environment(Map<String, String> env) {
            env.put("SPRING_DATASOURCE_URL", url());
            env.put("SPRING_DATASOURCE_USERNAME", base.username() == null ? "" : base.username());
            env.put("SPRING_DATASOURCE_PASSWORD", base.password() == null ? "" : base.password());
            return env;
        }

        Connection connect() throws Exception {
            return connectTo(url());
        }

        private Connection connectTo(String url) throws Exception {
            var info = new java.util.Properties();
            if (base.username() != null) {
                info.setProperty("user", base.username());
            }
            if (base.password() != null) {
                info.setProperty("password", base.password());
            }
            return DriverManager.getConnection(url, info);
        }

        @Override
        public void close() throws Exception {
            try (var db = connectTo(base.jdbcUrl())) {
                db.createStatement().execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            }
        }
    }
}
