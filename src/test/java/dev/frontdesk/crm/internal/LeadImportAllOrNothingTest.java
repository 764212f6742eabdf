package dev.frontdesk.crm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;

/** When storing fails after some chunks were written, the import stores nothing at all. */
@ApiTest
class LeadImportAllOrNothingTest {

    @Autowired
    TestApi api;

    @MockitoSpyBean
    CustomerRepository customers;

    @Test
    void aFailureInTheThirdChunkLeavesNoLeadFromTheFirstTwo() {
        var business = api.createBusiness("All or nothing");
        AtomicInteger chunks = new AtomicInteger();
        doAnswer(call -> {
                    if (chunks.incrementAndGet() == 3) {
                        throw new DataIntegrityViolationException("simulated failure while storing");
                    }
                    return call.callRealMethod();
                })
                .when(customers)
                .insertAll(anyList());
        var csv = new StringBuilder("name,phone\n");
        for (int i = 0; i < LeadImporter.CHUNK * 2 + 10; i++) {
            csv.append("Lead ")
                    .append(i)
                    .append(",+1617555")
                    .append(String.format("%04d", i))
                    .append('\n');
        }
        csv.append("Bad,12\n");
        JsonNode done = api.read(api.perform(
                api.as(business, post("/api/leads/upload"))
                        .contentType("text/csv")
                        .content(csv.toString().getBytes(StandardCharsets.UTF_8)),
                201));
        assertThat(done.get("status").asString()).isEqualTo("FAILED");
        assertThat(done.get("imported").asInt()).isZero();
        assertThat(done.get("failure").asString()).contains("stored nothing");
        assertThat(done.get("rejected").asInt()).isEqualTo(1);
        assertThat(done.get("errors").size()).isEqualTo(1);
        assertThat(chunks.get()).isEqualTo(3);
        assertThat(api.getJson("/api/customers", business, 200).get("total").asInt())
                .isZero();
        assertThat(api.getJson("/api/leads/imports/" + done.get("id").asString(), business, 200)
                        .get("status")
                        .asString())
                .isEqualTo("FAILED");
    }
}
