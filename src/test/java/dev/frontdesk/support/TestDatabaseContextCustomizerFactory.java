package dev.frontdesk.support;

import dev.frontdesk.shared.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every Spring test context a database of its own: a fresh in-memory H2 (PostgreSQL mode) by
 * default, or, when {@code FRONTDESK_TEST_DATABASE_URL} is set, a fresh schema in that PostgreSQL
 * database, created before the context starts and dropped when it closes. Under {@code CI=true} the
 * PostgreSQL URL is mandatory, so CI can never silently fall back to H2.
 */
public class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    public static final String URL_VARIABLE = "FRONTDESK_TEST_DATABASE_URL";

    /** A test property ({@code frontdesk.test.own-database=true}) for tests that configure their own database. */
    public static final String OWN_DATABASE = "frontdesk.test.own-database";

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new TestDatabaseCustomizer();
    }

    /** Whether the tests run against PostgreSQL (set by .ci/run). */
    public static boolean onPostgres() {
        String url = System.getenv(URL_VARIABLE);
        return url != null && !url.isBlank();
    }

    static void requirePostgresUnderCi() {
        if ("true".equalsIgnoreCase(System.getenv("CI")) && !onPostgres()) {
            throw new IllegalStateException("CI=true but " + URL_VARIABLE
                    + " is not set: the PostgreSQL tests must run under CI (use .ci/run)");
        }
    }

    /** Drops, when the JVM exits, schemas whose context never closed (e.g. it failed to start). */
    private static final class LeftoverSchemas {
        private static final Map<String, DatabaseUrl> OPEN = new java.util.concurrent.ConcurrentHashMap<>();

        static {
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> OPEN.forEach((schema, url) -> {
                        try {
                            TestDatabaseCustomizer.execute(url, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                        } catch (RuntimeException e) {
                            System.err.println("Could not drop test schema " + schema + ": " + e.getMessage());
                        }
                    })));
        }

        static void remember(DatabaseUrl url, String schema) {
            OPEN.put(schema, url);
        }

        static void forget(String schema) {
            OPEN.remove(schema);
        }
    }

    private static final class TestDatabaseCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            if (java.util.Arrays.asList(config.getPropertySourceProperties()).contains(OWN_DATABASE + "=true")) {
                return; // the test brings its own database (e.g. one it can take away)
            }
            requirePostgresUnderCi();
            Map<String, Object> properties = new HashMap<>();
            String suffix =
                    HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            if (onPostgres()) {
                DatabaseUrl base = DatabaseUrl.parse(System.getenv(URL_VARIABLE));
                String schema = "t_" + suffix;
                execute(base, "CREATE SCHEMA " + schema);
                LeftoverSchemas.remember(base, schema);
                String separator = base.jdbcUrl().contains("?") ? "&" : "?";
                properties.put("spring.datasource.url", base.jdbcUrl() + separator + "currentSchema=" + schema);
                properties.put("spring.datasource.username", base.username() == null ? "" : base.username());
                properties.put("spring.datasource.password", base.password() == null ? "" : base.password());
                // many test contexts stay cached at once: keep each pool small and let idle connections go
                properties.put("spring.datasource.hikari.maximum-pool-size", "10");
                properties.put("spring.datasource.hikari.minimum-idle", "0");
                properties.put("spring.datasource.hikari.idle-timeout", "10000");
                context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> {
                    if (event.getApplicationContext() == context) {
                        execute(base, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                        LeftoverSchemas.forget(schema);
                    }
                });
            } else {
                properties.put(
                        "spring.datasource.url",
                        "jdbc:h2:mem:fd_" + suffix
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
                properties.put("spring.datasource.username", "sa");
                properties.put("spring.datasource.password", "");
            }
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("frontdeskTestDatabase", properties));
        }

        private static void execute(DatabaseUrl url, String sql) {
            var info = new Properties();
            if (url.username() != null) {
                info.setProperty("user", url.username());
            }
            if (url.password() != null) {
                info.setProperty("password", url.password());
            }
            try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), info);
                    var statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "Could not run '" + sql + "' on the test database: " + e.getMessage(), e);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestDatabaseCustomizer;
        }

        @Override
        public int hashCode() {
            return TestDatabaseCustomizer.class.hashCode();
        }
    }
}
