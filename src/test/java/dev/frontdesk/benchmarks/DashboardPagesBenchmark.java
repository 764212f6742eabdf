package dev.frontdesk.benchmarks;

import dev.frontdesk.FrontdeskApplication;
import dev.frontdesk.shared.DatabaseUrl;
import dev.frontdesk.support.TestApi;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Server time of every dashboard page with a busy business's data: the whole application on a random port
 * (embedded H2 in a temporary folder, or, when {@code FRONTDESK_TEST_DATABASE_URL} is set, a new schema in
 * that PostgreSQL database, dropped afterwards), one business seeded by {@link DashboardSeed} with 10,000
 * conversations (six transcript lines each) and 5,000 appointments, its owner signed in through the login
 * form. Each page is requested 20 times to warm up, then 30 times more, the pages taking turns; the figures
 * are the time from sending the request to the last byte of the answer over localhost (an upper bound of
 * the server's time). Target: every page under 300 ms. Not a JMH benchmark: one application and one seed
 * serve every page.
 *
 * <pre>./mvnw -B -q -Pbenchmarks test-compile exec:exec -Dbench.main=dev.frontdesk.benchmarks.DashboardPagesBenchmark</pre>
 */
public final class DashboardPagesBenchmark {

    static final int CONVERSATIONS = 10_000;
    static final int APPOINTMENTS = 5_000;
    static final int WARM_UP = 20;
    static final int MEASURED = 30;
    static final Pattern JSON_FIELD = Pattern.compile("\"(apiKey|id)\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient owner =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final HttpClient operator =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private String base;
    private String apiKey;

    public static void main(String[] args) throws Exception {
        new DashboardPagesBenchmark().run();
        System.exit(0);
    }

    void run() throws Exception {
        var dataDir = java.nio.file.Files.createTempDirectory("dashboard-bench");
        var appArgs = new ArrayList<>(List.of(
                "--server.port=0",
                "--FRONTDESK_DATA_DIR=" + dataDir,
                "--frontdesk.jobs.enabled=false",
                "--logging.level.root=WARN"));
        String postgres = System.getenv("FRONTDESK_TEST_DATABASE_URL");
        DatabaseUrl pg = null;
        String schema = "bench_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        if (postgres != null && !postgres.isBlank()) {
            pg = DatabaseUrl.parse(postgres);
            execute(pg, "CREATE SCHEMA " + schema);
            appArgs.add("--spring.datasource.url=" + pg.jdbcUrl()
                    + (pg.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema);
            appArgs.add("--spring.datasource.username=" + (pg.username() == null ? "" : pg.username()));
            appArgs.add("--spring.datasource.password=" + (pg.password() == null ? "" : pg.password()));
        }
        ConfigurableApplicationContext app =
                new SpringApplicationBuilder(FrontdeskApplication.class).run(appArgs.toArray(String[]::new));
        try {
            base = "http://localhost:"
                    + ((WebServerApplicationContext) app).getWebServer().getPort();
            String email = "owner-" + UUID.randomUUID() + "@example.com";
            UUID business = createBusiness(email);
            long seeding = System.nanoTime();
            var seeded = new DashboardSeed(new JdbcTemplate(app.getBean(DataSource.class)), business)
                    .seed(Instant.now(), CONVERSATIONS, APPOINTMENTS);
            if (pg != null) {
                new JdbcTemplate(app.getBean(DataSource.class)).execute("ANALYZE");
            }
            System.out.printf(
                    "Seeded %,d conversations and %,d appointments in %.1f s on %s%n",
                    CONVERSATIONS, APPOINTMENTS, (System.nanoTime() - seeding) / 1e9, pg == null ? "H2" : "PostgreSQL");
            signIn(owner, email, "correct horse battery");
            signIn(operator, "operator", TestApi.ADMIN_KEY);
            measure(pages(seeded));
        } finally {
            app.close();
            if (pg != null) {
                execute(pg, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    /** The pages measured, by name: each a path and who asks for it. */
    private Map<String, Runnable> pages(DashboardSeed.Seeded seeded) {
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        String year = "from=" + today.minusDays(365) + "&to=" + today;
        String month = "from=" + today.minusDays(30) + "&to=" + today;
        var pages = new LinkedHashMap<String, Runnable>();
        pages.put("Today /", () -> page("/"));
        pages.put("Conversations", () -> page("/conversations"));
        pages.put("Conversations, page 300", () -> page("/conversations?page=300"));
        pages.put("Conversations, channel+outcome", () -> page("/conversations?channel=VOICE&outcome=BOOKED"));
        pages.put("Conversations, last 30 days", () -> page("/conversations?" + month));
        pages.put("Conversations, words found", () -> page("/conversations?q=" + encode("water heater")));
        pages.put("Conversations, words not found", () -> page("/conversations?q=" + encode("boiler explosion")));
        pages.put("Conversation detail", () -> page("/conversations/" + seeded.conversation()));
        pages.put("Appointments (list)", () -> page("/appointments"));
        pages.put("Appointments (week)", () -> page("/appointments?view=week"));
        pages.put("Customers", () -> page("/customers"));
        pages.put("Customers, words", () -> page("/customers?q=" + encode("customer 19")));
        pages.put("Customer detail", () -> page("/customers/" + seeded.customer()));
        pages.put("Messages", () -> page("/messages"));
        pages.put("Messages, handled", () -> page("/messages?show=handled"));
        pages.put("Analytics (today)", () -> page("/analytics"));
        pages.put("Analytics (a year)", () -> page("/analytics?" + year));
        for (String api : List.of(
                "overview",
                "call-outcomes",
                "language-distribution",
                "lead-status-distribution",
                "recent-activity",
                "active-campaigns",
                "bookings-over-time",
                "busiest-hours",
                "channel-mix")) {
            pages.put("/api/analytics/" + api + " (a year)", () -> api("/api/analytics/" + api + "?" + year));
        }
        pages.put("Operator", () -> get(operator, "/operator", null));
        return pages;
    }

    private void measure(Map<String, Runnable> pages) {
        var times = new LinkedHashMap<String, long[]>();
        pages.keySet().forEach(name -> times.put(name, new long[MEASURED]));
        for (int i = 0; i < WARM_UP; i++) {
            pages.values().forEach(Runnable::run);
        }
        for (int i = 0; i < MEASURED; i++) {
            for (var page : pages.entrySet()) {
                long start = System.nanoTime();
                page.getValue().run();
                times.get(page.getKey())[i] = System.nanoTime() - start;
            }
        }
        System.out.println();
        System.out.println("| page | p50 | p90 | max |");
        System.out.println("| --- | --- | --- | --- |");
        times.forEach((name, t) -> {
            Arrays.sort(t);
            System.out.printf(
                    "| %s | %.1f ms | %.1f ms | %.1f ms |%s%n",
                    name,
                    t[t.length / 2] / 1e6,
                    t[t.length * 9 / 10] / 1e6,
                    t[t.length - 1] / 1e6,
                    t[t.length / 2] > 300_000_000L ? " OVER" : "");
        });
    }

    private void page(String path) {
        get(owner, path, null);
    }

    private void api(String path) {
        get(HttpClient.newHttpClient(), path, apiKey);
    }

    private String get(HttpClient client, String path, String key) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (key != null) {
            request.header("X-API-Key", key);
        }
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                        + response.body()
                                .substring(0, Math.min(300, response.body().length())));
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private UUID createBusiness(String ownerEmail) throws Exception {
        var created = post(
                "/api/admin/businesses",
                "X-Admin-Key",
                TestApi.ADMIN_KEY,
                TestApi.businessJson("Busy Plumbing", TestApi.randomPhoneNumber()));
        Map<String, String> fields = new java.util.HashMap<>();
        Matcher m = JSON_FIELD.matcher(created);
        while (m.find()) {
            fields.putIfAbsent(m.group(1), m.group(2));
        }
        apiKey = fields.get("apiKey");
        post(
                "/api/users",
                "X-API-Key",
                apiKey,
                "{\"email\": \"%s\", \"name\": \"Owner\", \"role\": \"OWNER\", \"password\": \"correct horse battery\"}"
                        .formatted(ownerEmail));
        return UUID.fromString(fields.get("id"));
    }

    private String post(String path, String header, String key, String json) throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .header(header, key)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private void signIn(HttpClient client, String username, String password) throws Exception {
        Matcher csrf = CSRF.matcher(get(client, "/login", null));
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on /login");
        }
        String form =
                "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        var response = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException(username + " could not sign in: " + response.statusCode() + " " + location);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void execute(DatabaseUrl url, String sql) throws Exception {
        try (var connection = DriverManager.getConnection(url.jdbcUrl(), url.username(), url.password());
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
