package dev.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import java.time.Duration;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * The database goes away (its server stops and refuses connections): requests fail fast with a 503
 * problem and readiness turns DOWN within seconds, instead of every request hanging for 30 s.
 */
@ApiTest
@DirtiesContext
@TestPropertySource(properties = "frontdesk.test.own-database=true")
class OperationsWhenTheDatabaseIsDownTest {

    static final Server database;

    static {
        try {
            database = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:tcp://localhost:" + database.getPort()
                        + "/mem:outage;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void stopDatabase() {
        database.stop();
    }

    @Autowired
    TestApi api;

    @Test
    void whenTheDatabaseRefusesConnectionsRequestsGetA503ProblemWithinSecondsAndReadinessIsDown() throws Exception {
        var business = api.createBusiness("Outage plumbing");
        api.getJson("/api/settings", business, 200);

        database.stop();

        long started = System.nanoTime();
        MvcResult refused = api.perform(api.as(business, get("/api/appointments")), 503);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
        assertThat(refused.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getResponse().getHeader("Retry-After")).isEqualTo("5");
        JsonNode problem = api.read(refused);
        assertThat(problem.get("type").asString()).isEqualTo("https://frontdesk.dev/problems/unavailable");
        assertThat(problem.toString()).doesNotContain("Exception").doesNotContain("h2");

        started = System.nanoTime();
        MvcResult readiness = api.perform(get("/actuator/health/readiness"), 503);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
        assertThat(readiness.getResponse().getContentAsString()).contains("DOWN");
    }
}
