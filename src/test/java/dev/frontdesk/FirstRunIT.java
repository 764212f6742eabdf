package dev.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The first-run experience of {@code ./mvnw spring-boot:run}: the real application on its embedded H2
 * file database under FRONTDESK_DATA_DIR, with no configuration at all.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstRunIT {

    private static final Pattern ADMIN_KEY = Pattern.compile("fda_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}");
    private static final Pattern API_KEY = Pattern.compile("fdk_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}");
    private static final Pattern DASHBOARD_LOGIN =
            Pattern.compile("email (owner@bristolplumbing\\.example) {3}password ([A-Za-z0-9_-]{24})");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    private ConfigurableApplicationContext start(String... extra) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("server.port", "0");
        args.put("FRONTDESK_DATA_DIR", dataDir.toString());
        args.put("frontdesk.tenants.admin-key", "");
        args.put("frontdesk.tenants.demo", "true");
        args.put("frontdesk.assistant.warm-up", "true");
        for (String arg : extra) {
            String[] pair = arg.substring(2).split("=", 2);
            args.put(pair[0], pair[1]);
        }
        return SpringApplication.run(
                FrontdeskApplication.class,
                args.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    private HttpResponse<String> call(
            ConfigurableApplicationContext app, String method, String path, String body, String... headers)
            throws Exception {
        var request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port") + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in as a browser does (session cookie, CSRF token from the form) and returns the page at /. */
    private static String signInToTheDashboard(ConfigurableApplicationContext app, String printedLogin)
            throws Exception {
        Matcher login = DASHBOARD_LOGIN.matcher(printedLogin);
        assertThat(login.matches()).isTrue();
        var today = signIn(app, login.group(1), login.group(2));
        assertThat(today.uri().getPath()).isEqualTo("/");
        return today.body();
    }

    /** Signs in on the sign-in form as a browser does; the page it ends on after the redirects. */
    private static HttpResponse<String> signIn(ConfigurableApplicationContext app, String username, String password)
            throws Exception {
        String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        var browser = HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        String form = browser.send(
                        HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String csrf = find(CSRF, form).replaceFirst(CSRF.pattern(), "$1");
        String body = "username=" + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8)
                + "&password=" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8)
                + "&_csrf=" + java.net.URLEncoder.encode(csrf, java.nio.charset.StandardCharsets.UTF_8);
        return browser.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("printed " + pattern).isTrue();
        return matcher.group();
    }

    /**
     * A normal start says only what needs attention (the sandbox's own warnings): no GPU probing, no
     * native-access warning, no notices about libraries' versions or defaults, and nothing twice.
     */
    private static void assertQuietStart(String printed) {
        assertThat(printed)
                .doesNotContain("CUDA", "GPU", "restricted method", "enable-native-access")
                .doesNotContain("SpringDoc", "newer than the version Flyway", "jdbc-overrides");
        var warnings = printed.lines()
                .filter(line -> line.contains(" WARN ") || line.startsWith("WARNING"))
                .map(line -> line.replaceFirst("^\\S+\\s+WARN\\s+\\d+", "WARN"))
                .toList();
        assertThat(warnings).doesNotHaveDuplicates();
    }

    @Test
    void aFreshStartCreatesTheDemoBusinessAndPrintsItsKeysOnlyOnce(CapturedOutput output) throws Exception {
        String adminKey;
        String apiKey;
        try (var app = start()) {
            assertThat(call(app, "GET", "/actuator/health/liveness", null).body())
                    .contains("\"status\":\"UP\"");
            assertThat(output.getOut())
                    .contains("Demo business \"Bristol Plumbing\"")
                    .contains("/docs");
            adminKey = find(ADMIN_KEY, output.getOut());
            apiKey = find(API_KEY, output.getOut());

            var settings = call(app, "GET", "/api/settings", null, "X-API-Key", apiKey);
            assertThat(settings.statusCode()).isEqualTo(200);
            assertThat(settings.body())
                    .contains("\"name\":\"Bristol Plumbing\"")
                    .contains("\"timezone\":\"America/New_York\"")
                    .contains("\"MONDAY\":[\"08:00-17:00\"]")
                    .contains("\"FRIDAY\":[\"08:00-17:00\"]")
                    .contains("\"SATURDAY\":[\"09:00-13:00\"]")
                    .doesNotContain("SUNDAY")
                    .contains("Drain cleaning");
            assertThat(call(app, "GET", "/api/knowledge", null, "X-API-Key", apiKey)
                            .body())
                    .as("the demo business can answer questions at once")
                    .contains("\"total\":4");
            // the node is ready only once the assistant's model is loaded
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(120))
                    .until(() ->
                            call(app, "GET", "/actuator/health/readiness", null).statusCode() == 200);
            assertThat(output.getOut()).contains("Assistant ready in");
            assertThat(call(app, "GET", "/actuator/health", null).body()).contains("\"status\":\"UP\"");
            assertQuietStart(output.getAll());
            var simulated = call(
                    app,
                    "POST",
                    "/api/simulator/turns",
                    "{\"text\": \"do you cover Cambridge\", \"callerPhone\": \"+16175550123\"}",
                    "X-API-Key",
                    apiKey,
                    "Content-Type",
                    "application/json");
            assertThat(simulated.statusCode()).isEqualTo(200);
            assertThat(simulated.body()).contains("Cambridge");
            var businesses = call(app, "GET", "/api/admin/businesses", null, "X-Admin-Key", adminKey);
            assertThat(businesses.statusCode()).isEqualTo(200);
            assertThat(businesses.body()).contains("\"total\":1");
            assertThat(signInToTheDashboard(app, find(DASHBOARD_LOGIN, output.getOut())))
                    .as("the printed owner login opens the demo business's Today page")
                    .contains("Bristol Plumbing", "Today's schedule");
            var operator = signIn(app, "operator", adminKey);
            assertThat(operator.uri().getPath())
                    .as("the generated admin key opens the operator's pages")
                    .isEqualTo("/operator");
            assertThat(operator.body()).contains("Businesses", "Bristol Plumbing");
        }
        assertThat(Files.exists(dataDir.resolve("frontdesk.mv.db"))).isTrue();

        int printedBefore = output.getOut().length();
        try (var app = start()) {
            String secondStart = output.getOut().substring(printedBefore);
            assertThat(secondStart)
                    .doesNotContain("fda_")
                    .doesNotContain("fdk_")
                    .doesNotContain("Demo business")
                    .doesNotContain("Dashboard sign-in");
            assertThat(call(app, "GET", "/api/admin/businesses", null, "X-Admin-Key", adminKey)
                            .body())
                    .contains("\"total\":1");
            assertThat(call(app, "GET", "/api/settings", null, "X-API-Key", apiKey)
                            .statusCode())
                    .isEqualTo(200);
        }

        try (var connection = DriverManager.getConnection(
                        "jdbc:h2:file:" + dataDir.resolve("frontdesk") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                        "sa",
                        "");
                var statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "SELECT CAST(key_hash AS VARCHAR) FROM admin_key"
                                + " UNION ALL SELECT api_key_hash FROM business UNION ALL SELECT widget_token_hash FROM business")) {
            int hashes = 0;
            while (rows.next()) {
                assertThat(rows.getString(1)).hasSize(64).isNotEqualTo(adminKey).isNotEqualTo(apiKey);
                hashes++;
            }
            assertThat(hashes).isEqualTo(3);
        }

        // FRONTDESK_ADMIN_KEY set after a key was generated: only the chosen key works while it is set, and
        // no new key is generated or printed (docs/architecture.md, "The operator (admin) key")
        String chosen = "an-operator-chosen-admin-key-789";
        int beforeThirdStart = output.getOut().length();
        try (var app = start("--frontdesk.tenants.admin-key=" + chosen)) {
            assertThat(call(app, "GET", "/api/admin/businesses", null, "X-Admin-Key", chosen)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(call(app, "GET", "/api/admin/businesses", null, "X-Admin-Key", adminKey)
                            .statusCode())
                    .isEqualTo(401);
            assertThat(output.getOut().substring(beforeThirdStart)).doesNotContain("fda_");
        }
    }

    @Test
    void theDemoCanBeTurnedOffAndAConfiguredAdminKeyIsNeverPrinted(CapturedOutput output) throws Exception {
        String adminKey = "an-operator-chosen-admin-key-123";
        try (var app = start("--frontdesk.tenants.demo=false", "--frontdesk.tenants.admin-key=" + adminKey)) {
            assertThat(call(app, "GET", "/api/admin/businesses", null, "X-Admin-Key", adminKey)
                            .body())
                    .contains("\"total\":0");
            assertThat(output.getOut())
                    .doesNotContain(adminKey)
                    .doesNotContain("fda_")
                    .doesNotContain("fdk_");
        }
    }

    @Test
    void inProductionLogsAreJsonWithTheRequestAndBusinessIdsAndNoSecrets(CapturedOutput output) throws Exception {
        String adminKey = "an-operator-chosen-admin-key-456";
        try (var app = start(
                "--spring.profiles.active=prod",
                "--frontdesk.tenants.demo=false",
                "--frontdesk.tenants.admin-key=" + adminKey)) {
            var created = call(
                    app,
                    "POST",
                    "/api/admin/businesses",
                    "{\"name\": \"Logged\", \"timezone\": \"Europe/London\"}",
                    "X-Admin-Key",
                    adminKey,
                    "Content-Type",
                    "application/json");
            assertThat(created.statusCode()).isEqualTo(201);
            String apiKey = find(API_KEY, created.body());
            String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

            var changed = call(
                    app,
                    "PATCH",
                    "/api/settings",
                    "{\"greeting\": \"Hello there\"}",
                    "X-API-Key",
                    apiKey,
                    "X-Request-Id",
                    "req-log-check-1",
                    "Content-Type",
                    "application/merge-patch+json");
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(changed.headers().firstValue("X-Request-Id")).contains("req-log-check-1");

            String line = output.getOut()
                    .lines()
                    .filter(l -> l.contains("req-log-check-1"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no log line carries the request id"));
            assertThat(line)
                    .startsWith("{")
                    .contains("\"requestId\":\"req-log-check-1\"")
                    .contains("\"businessId\":\"" + id + "\"");
            assertThat(output.getAll())
                    .doesNotContain(apiKey)
                    .doesNotContain(adminKey)
                    .doesNotContain("Hello there");
        }
    }
}
