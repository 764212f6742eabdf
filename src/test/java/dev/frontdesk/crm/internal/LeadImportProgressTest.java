package dev.frontdesk.crm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;

/**
 * A long import shows its progress to another request while it runs: the upload is held while it stores its
 * second chunk, and {@code GET /api/leads/imports/{id}} meanwhile says RUNNING with the rows read and stored so
 * far, while none of its leads is visible yet (all or nothing); then the upload finishes and says COMPLETED.
 */
@ApiTest
class LeadImportProgressTest {

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @MockitoSpyBean
    CustomerRepository customers;

    @Test
    void aRunningImportsProgressIsReadByAnotherRequestAndItsLeadsAppearOnlyWhenItIsDone() throws Exception {
        var business = api.createBusiness("Import progress");
        AtomicInteger chunks = new AtomicInteger();
        CountDownLatch secondChunk = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        doAnswer(call -> {
                    if (chunks.incrementAndGet() == 2) {
                        secondChunk.countDown();
                        assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
                    }
                    return call.callRealMethod();
                })
                .when(customers)
                .insertAll(anyList());
        var csv = new StringBuilder("name,phone\n");
        int rows = LeadImporter.CHUNK * 2 + 10;
        for (int i = 0; i < rows; i++) {
            csv.append("Lead ")
                    .append(i)
                    .append(",+1617556")
                    .append(String.format("%04d", i))
                    .append('\n');
        }
        CompletableFuture<JsonNode> upload = CompletableFuture.supplyAsync(() -> api.read(api.perform(
                api.as(business, post("/api/leads/upload"))
                        .contentType("text/csv")
                        .content(csv.toString().getBytes(StandardCharsets.UTF_8)),
                201)));
        try {
            assertThat(secondChunk.await(30, TimeUnit.SECONDS)).isTrue();
            UUID id = jdbc.sql("SELECT id FROM lead_import WHERE business_id = :b")
                    .param("b", UUID.fromString(business.id()))
                    .query(UUID.class)
                    .single();
            JsonNode running = api.getJson("/api/leads/imports/" + id, business, 200);
            assertThat(running.get("status").asString()).isEqualTo("RUNNING");
            assertThat(running.get("rows").asInt()).isEqualTo(LeadImporter.CHUNK);
            assertThat(running.get("imported").asInt()).isEqualTo(LeadImporter.CHUNK);
            assertThat(api.getJson("/api/leads", business, 200).get("total").asInt())
                    .as("no lead of a running import is visible yet")
                    .isZero();
        } finally {
            release.countDown();
        }
        JsonNode done = upload.get(60, TimeUnit.SECONDS);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("imported").asInt()).isEqualTo(rows);
        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        api.getJson("/api/leads", business, 200).get("total").asInt() == rows);
        assertThat(api.getJson("/api/leads/imports/" + done.get("id").asString(), business, 200)
                        .get("status")
                        .asString())
                .isEqualTo("COMPLETED");
    }
}
