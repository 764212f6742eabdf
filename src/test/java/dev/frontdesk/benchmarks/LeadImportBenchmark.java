package dev.frontdesk.benchmarks;

import dev.frontdesk.FrontdeskApplication;
import dev.frontdesk.support.TestApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code POST /api/leads/upload} of a 100,000-row CSV (about 6 MB: name, phone, email, language, notes; US,
 * Spanish and French numbers, 1% bad rows, 1% repeated numbers) into a new business, through HTTP, against
 * the real application on its default embedded H2 file database in a temporary folder (or the PostgreSQL
 * database in {@code -Dleads.jdbcUrl=jdbc:postgresql://...}, with {@code -Dleads.user}, passed to the forked
 * JVM with JMH's {@code -jvmArgsAppend}). Target: under 30 s.
 *
 * <pre>./mvnw -B -q -Pbenchmarks test-compile exec:exec -Djmh.args="LeadImportBenchmark -f 1 -wi 1 -i 3"</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LeadImportBenchmark {

    static final int ROWS = 100_000;
    static final Pattern API_KEY = Pattern.compile("\"apiKey\"\\s*:\\s*\"([^\"]+)\"");

    ConfigurableApplicationContext app;
    java.nio.file.Path dataDir;
    String base;
    byte[] csv;
    String apiKey;
    final HttpClient http = HttpClient.newHttpClient();

    @Setup(Level.Trial)
    public void start() throws Exception {
        dataDir = java.nio.file.Files.createTempDirectory("lead-import-bench");
        var args = new java.util.ArrayList<>(List.of(
                "--server.port=0",
                "--FRONTDESK_DATA_DIR=" + dataDir,
                "--frontdesk.jobs.enabled=false",
                "--logging.level.root=WARN"));
        String url = System.getProperty("leads.jdbcUrl");
        if (url != null) {
            args.add("--spring.datasource.url=" + url);
            args.add("--spring.datasource.username=" + System.getProperty("leads.user", ""));
            args.add("--spring.datasource.password=" + System.getProperty("leads.password", ""));
        }
        app = new SpringApplicationBuilder(FrontdeskApplication.class).run(args.toArray(String[]::new));
        base = "http://localhost:"
                + ((WebServerApplicationContext) app).getWebServer().getPort();
        csv = csv(new Random(42));
    }

    @Setup(Level.Invocation)
    public void newBusiness() throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/admin/businesses"))
                        .header("X-Admin-Key", TestApi.ADMIN_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                TestApi.businessJson("Bench " + System.nanoTime(), TestApi.randomPhoneNumber())))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher key = API_KEY.matcher(response.body());
        if (response.statusCode() != 201 || !key.find()) {
            throw new IllegalStateException("business not created: " + response.body());
        }
        apiKey = key.group(1);
    }

    @Benchmark
    public String upload() throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/leads/upload"))
                        .header("X-API-Key", apiKey)
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(csv))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 || !response.body().contains("\"COMPLETED\"")) {
            throw new IllegalStateException("import failed: " + response.body());
        }
        return response.body().substring(0, 160);
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        app.close();
        try (var files = java.nio.file.Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    static byte[] csv(Random random) {
        var out = new StringBuilder(ROWS * 64).append("name,phone,email,language,notes\n");
        String[] first = {"Dana", "Lucía", "Chloé", "Omar", "Mei", "Paul", "Ana", "Jean"};
        String[] last = {"Smith", "García", "Martin", "Haddad", "Chen", "Jones", "Pérez", "Dubois"};
        for (int i = 0; i < ROWS; i++) {
            String name = first[random.nextInt(first.length)] + " " + last[random.nextInt(last.length)];
            int n = random.nextInt(100) == 0 && i > 0 ? i - 1 : i; // 1% repeat the number before
            String phone = switch (n % 3) {
                case 0 -> "+1617" + (2_000_000 + n);
                case 1 -> "+346" + (10_000_000 + n);
                default -> "+336" + (10_000_000 + n);
            };
            if (random.nextInt(100) == 0) {
                phone = "12"; // 1% bad rows
            }
            out.append(name).append(',').append(phone).append(',');
            out.append(name.toLowerCase().replace(' ', '.')).append(i).append("@example.com,");
            out.append(n % 3 == 0 ? "en" : "").append(',');
            out.append(random.nextInt(4) == 0 ? "\"Asked for a quote, call after 5pm\"" : "")
                    .append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
