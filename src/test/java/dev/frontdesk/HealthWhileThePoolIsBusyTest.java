package dev.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.zaxxer.hikari.HikariDataSource;
import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Health is not queued behind the application's work: with every connection of the application's pool
 * borrowed (as by webhooks under load), readiness still answers UP with its database check, which has a
 * connection of its own.
 */
@ApiTest
class HealthWhileThePoolIsBusyTest {

    @Autowired
    TestApi api;

    @Autowired
    DataSource dataSource;

    @Test
    void readinessAnswersUpWhileEveryApplicationConnectionIsBorrowed() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        List<Connection> borrowed = new ArrayList<>();
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                borrowed.add(pool.getConnection());
            }
            assertThat(pool.getHikariPoolMXBean().getIdleConnections()).isZero();

            JsonNode readiness = api.read(api.perform(get("/actuator/health/readiness"), 200));
            assertThat(readiness.get("status").asString()).isEqualTo("UP");
            api.perform(get("/actuator/health"), 200);
            api.perform(get("/actuator/health/liveness"), 200);
        } finally {
            for (Connection connection : borrowed) {
                connection.close();
            }
        }
    }
}
