package dev.frontdesk.shared.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code db} health component (readiness includes it), checked on a connection of its own: a pool of
 * one, apart from the application's. Spring Boot's indicator borrows from the application's pool, so
 * under load a probe queued behind every webhook for up to the pool's connection timeout and then
 * reported the database DOWN (503) although it answered: a load balancer would take a busy node out,
 * which makes the others busier. Here the probe waits for nobody but other probes, and still says DOWN
 * within a second when the database refuses connections. The bean's name replaces Boot's own indicator.
 */
@Component("dbHealthIndicator")
class DatabaseHealthIndicator implements HealthIndicator, AutoCloseable {

    static final String POOL_NAME = "health";

    private final HikariDataSource probe;
    private final HealthIndicator check;

    DatabaseHealthIndicator(DataSource application, ObjectProvider<MeterRegistry> meters) {
        this.probe = ownPool(application, meters.getIfAvailable());
        this.check = new DataSourceHealthIndicator(probe != null ? probe : application);
    }

    /**
     * One connection configured like the application's pool (URL, credentials, driver), or null; its
     * metrics are the {@code hikaricp_connections_*{pool="health"}} series.
     */
    private static HikariDataSource ownPool(DataSource application, MeterRegistry meters) {
        try {
            if (!application.isWrapperFor(HikariDataSource.class)) {
                return null;
            }
            HikariConfig config = new HikariConfig();
            application.unwrap(HikariDataSource.class).copyStateTo(config);
            config.setPoolName(POOL_NAME);
            config.setMaximumPoolSize(1);
            config.setMinimumIdle(0);
            config.setConnectionTimeout(1000);
            config.setValidationTimeout(1000);
            // no connection at start-up (the database may come later); the first probe opens it
            config.setInitializationFailTimeout(-1);
            config.setMetricRegistry(null);
            config.setMetricsTrackerFactory(meters == null ? null : new MicrometerMetricsTrackerFactory(meters));
            return new HikariDataSource(config);
        } catch (SQLException e) {
            return null;
        }
    }

    @Override
    public Health health() {
        return check.health();
    }

    @Override
    public void close() {
        if (probe != null) {
            probe.close();
        }
    }
}
