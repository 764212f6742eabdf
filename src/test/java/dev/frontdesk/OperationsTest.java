package dev.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.frontdesk.support.TestApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** What an operator relies on: health probes, metrics, the API description, correlation ids. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestApi.class)
@TestPropertySource(properties = "frontdesk.metrics-token=" + OperationsTest.METRICS_TOKEN)
class OperationsTest {

    static final String METRICS_TOKEN = "prometheus-scraper-token-0123456789";

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> call(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TestApi api;

    @Test
    void healthHasLivenessAndReadinessGroupsAndReadinessChecksTheDatabase() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/liveness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        org.springframework.test.web.servlet.MvcResult readiness = mvc.perform(
                        get("/actuator/health/readiness").header("Accept", "application/json"))
                .andReturn();
        assertThat(readiness.getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void prometheusExposesRouteLatencyPercentilesAndPerBusinessCounters() throws Exception {
        var business = api.createBusiness("Metered");
        assertThat(call("/api/settings", "X-API-Key", business.apiKey()).statusCode())
                .isEqualTo(200);
        assertThat(call("/api/settings", "X-API-Key", business.apiKey()).statusCode())
                .isEqualTo(200);

        var scrapeResponse = call("/actuator/prometheus", "Authorization", "Bearer " + METRICS_TOKEN);
        assertThat(scrapeResponse.statusCode()).isEqualTo(200);
        String scrape = scrapeResponse.body();
        assertThat(scrape)
                // buckets per route, from which Prometheus computes p50/p95/p99 with histogram_quantile
                // (how many fall under 100 ms depends on the machine, so only the bucket's presence is checked)
                .containsPattern("http_server_requests_seconds_bucket\\{.*uri=\"/api/settings\",le=\"0.1\"} [0-2]\\b")
                .containsPattern("http_server_requests_seconds_bucket\\{.*uri=\"/api/settings\",le=\"\\+Inf\"} 2")
                .containsPattern("http_server_requests_seconds_count\\{.*uri=\"/api/settings\"} 2")
                .containsPattern("frontdesk_business_requests_total\\{.*business=\"" + business.id()
                        + "\".*outcome=\"SUCCESS\".*} 2.0");
    }

    @Test
    void metricsAnswerOnlyTheOperatorOrItsScraper() throws Exception {
        var business = api.createBusiness("Private metrics");
        call("/api/settings", "X-API-Key", business.apiKey());

        var anonymous = call("/actuator/prometheus");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(anonymous.body()).doesNotContain(business.id());
        assertThat(call("/actuator/prometheus", "Authorization", "Bearer not-the-token")
                        .statusCode())
                .isEqualTo(401);
        assertThat(call("/actuator/prometheus", "X-API-Key", business.apiKey()).statusCode())
                .as("a business's key is not the operator's")
                .isEqualTo(401);

        assertThat(call("/actuator/prometheus", "X-Admin-Key", TestApi.ADMIN_KEY)
                        .body())
                .contains(business.id());
        assertThat(call("/actuator/prometheus", "Authorization", "Bearer " + METRICS_TOKEN)
                        .statusCode())
                .isEqualTo(200);
        assertThat(call("/actuator/health").statusCode()).as("probes stay open").isEqualTo(200);
    }

    @Test
    void theApiIsDescribedWithExamplesAndBrowsableAtDocs() throws Exception {
        var docsPage = call("/docs");
        assertThat(docsPage.statusCode()).isEqualTo(302);
        String location = docsPage.headers().firstValue("Location").orElseThrow();
        var ui = call(URI.create(location).getPath());
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("Swagger UI");
        JsonNode docs = api.read(
                mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn());

        Map<String, List<String>> routes = Map.of(
                "/api/admin/businesses", List.of("get", "post"),
                "/api/admin/businesses/{id}", List.of("get", "patch"),
                "/api/admin/businesses/{id}/suspend", List.of("post"),
                "/api/admin/businesses/{id}/activate", List.of("post"),
                "/api/admin/businesses/{id}/api-key", List.of("post"),
                "/api/admin/businesses/{id}/widget-token", List.of("post"),
                "/api/admin/businesses/{id}/audit", List.of("get"),
                "/api/settings", List.of("get", "patch"),
                "/api/audit", List.of("get"),
                "/api/audit/{id}", List.of("get"));
        routes.forEach((path, methods) -> {
            for (String method : methods) {
                JsonNode operation = docs.at("/paths/" + path.replace("/", "~1") + "/" + method);
                assertThat(operation.isMissingNode()).as(method + " " + path).isFalse();
                assertThat(operation.path("summary").asString())
                        .as("summary of " + method + " " + path)
                        .isNotBlank();
            }
        });
        // every route of every module is described, not only the ones listed above
        List<String> undescribed = new java.util.ArrayList<>();
        docs.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(op -> {
                    if (op.getValue().path("summary").asString("").isBlank()) {
                        undescribed.add(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                    }
                }));
        assertThat(undescribed).as("operations without a summary").isEmpty();
        assertThat(docs.get("paths").size()).isGreaterThanOrEqualTo(25);
        assertThat(docs.at("/components/securitySchemes/adminKey/name").asString())
                .isEqualTo("X-Admin-Key");
        assertThat(docs.at("/components/securitySchemes/apiKey/name").asString())
                .isEqualTo("X-API-Key");
        assertThat(docs.at("/paths/~1api~1admin~1businesses/post/requestBody/content/application~1json/examples")
                        .isMissingNode())
                .isFalse();
        assertThat(docs.at("/components/schemas/BusinessRequest/properties/timezone/example")
                        .asString())
                .isEqualTo("America/New_York");
    }

    @Test
    void aRequestIdIsAcceptedEchoedOrCreated() throws Exception {
        mvc.perform(get("/actuator/health").header("X-Request-Id", "call-42.abc"))
                .andExpect(header().string("X-Request-Id", "call-42.abc"));
        mvc.perform(get("/actuator/health"))
                .andExpect(header().string("X-Request-Id", matchesPattern("[0-9a-f-]{36}")));
        mvc.perform(get("/actuator/health").header("X-Request-Id", "bad id\nwith newline"))
                .andExpect(header().string("X-Request-Id", matchesPattern("[0-9a-f-]{36}")));
        mvc.perform(get("/api/settings").header("X-Request-Id", "trace-me"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.requestId").value("trace-me"));
    }
}
