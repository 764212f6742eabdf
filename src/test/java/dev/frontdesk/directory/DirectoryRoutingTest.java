package dev.frontdesk.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

/**
 * Who can take a call, and messages for staff. Test businesses are in America/New_York, open Monday
 * 08:00-12:00 and 13:00-17:00; 15:00Z on 2026-11-23 is Monday 10:00 there.
 */
@ApiTest
@TestPropertySource(properties = "frontdesk.fixed-clock=2026-11-23T15:00:00Z")
class DirectoryRoutingTest {

    static final Instant MONDAY_10AM = Instant.parse("2026-11-23T15:00:00Z");
    static final Instant MONDAY_LUNCH = Instant.parse("2026-11-23T17:30:00Z");

    @Autowired
    TestApi api;

    @Autowired
    Directory directory;

    private JsonNode post(TestBusiness business, String path, String body) {
        return api.read(api.perform(
                api.as(business, MockMvcRequestBuilders.post(path))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                201));
    }

    private static BusinessId id(TestBusiness business) {
        return new BusinessId(UUID.fromString(business.id()));
    }

    @Test
    void aNamedEmployeeTakesTheCallOnlyWhenAvailable() {
        var business = api.createBusiness("Routing people");
        post(business, "/api/employees", "{\"name\": \"Sam Lee\", \"phone\": \"+16175550123\"}");
        post(
                business,
                "/api/employees",
                "{\"name\": \"José Ortiz\", \"phone\": \"+16175550124\", \"status\": \"AWAY\"}");
        post(business, "/api/employees", """
                {"name": "Kim Park", "phone": "+16175550125", "hours": {"TUESDAY": ["08:00-17:00"]}}""");

        assertThat(directory.whoCanTakeACall(id(business), "Can I speak to Sam please?", MONDAY_10AM))
                .contains(new TransferTarget("Sam Lee", "+16175550123", "EMPLOYEE"));
        assertThat(directory.whoCanTakeACall(id(business), "SAM LEE", MONDAY_10AM))
                .map(TransferTarget::phone)
                .contains("+16175550123");
        assertThat(directory.whoCanTakeACall(id(business), "is Sam there", MONDAY_LUNCH))
                .as("outside the business's hours")
                .isEmpty();
        assertThat(directory.whoCanTakeACall(id(business), "jose please", MONDAY_10AM))
                .as("away")
                .isEmpty();
        assertThat(directory.whoCanTakeACall(id(business), "I need Kim", MONDAY_10AM))
                .as("outside her own hours")
                .isEmpty();
        assertThat(directory.whoCanTakeACall(id(business), "the weather", MONDAY_10AM))
                .isEmpty();
    }

    @Test
    void aDepartmentOrAGenericRequestGoesToAnOpenDepartment() {
        var business = api.createBusiness("Routing departments");
        post(business, "/api/departments", "{\"name\": \"Service\", \"routingPriority\": 1}");
        post(business, "/api/departments", """
                {"name": "Sales", "routingPriority": 5, "hours": {"TUESDAY": ["08:00-17:00"]}}""");
        post(business, "/api/departments", "{\"name\": \"Billing\", \"routingPriority\": 3}");
        post(
                business,
                "/api/employees",
                "{\"name\": \"Ana\", \"phone\": \"+16175550131\", \"department\": \"Service\"}");
        post(business, "/api/employees", "{\"name\": \"Bo\", \"phone\": \"+16175550132\", \"department\": \"Sales\"}");
        post(
                business,
                "/api/employees",
                "{\"name\": \"Cy\", \"phone\": \"+16175550133\", \"department\": \"Billing\"}");

        assertThat(directory.whoCanTakeACall(id(business), "I have a question about BILLING", MONDAY_10AM))
                .contains(new TransferTarget("Billing", "+16175550133", "DEPARTMENT"));
        assertThat(directory.whoCanTakeACall(id(business), "service please", MONDAY_10AM))
                .contains(new TransferTarget("Service", "+16175550131", "DEPARTMENT"));
        assertThat(directory.whoCanTakeACall(id(business), "sales", MONDAY_10AM))
                .as("sales is closed on Mondays")
                .isEmpty();
        assertThat(directory.whoCanTakeACall(id(business), "can I talk to a person", MONDAY_10AM))
                .as("the highest-priority open department")
                .contains(new TransferTarget("Billing", "+16175550133", "DEPARTMENT"));
        assertThat(directory.whoCanTakeACall(id(business), "the owner", MONDAY_LUNCH))
                .isEmpty();
    }

    @Test
    void aMessageIsDeliveredToTheEmployeesPhoneAndListed() {
        var business = api.createBusiness("Routing messages");
        post(business, "/api/employees", """
                {"name": "Sam Lee", "phone": "+16175550123", "email": "sam@example.com", "status": "AWAY"}""");

        MessageReceipt receipt =
                directory.leaveMessage(id(business), "for Sam", "Jane Doe", "+16175550188", "Please call me back.");
        assertThat(receipt.recipientName()).isEqualTo("Sam Lee");
        assertThat(receipt.recipientKind()).isEqualTo("EMPLOYEE");
        assertThat(receipt.status()).isEqualTo("DELIVERED");

        JsonNode outbox = api.getJson("/api/outbox", business, 200);
        var sms = outbox.get("items")
                .valueStream()
                .filter(m -> m.get("channel").asString().equals("SMS"))
                .toList();
        assertThat(sms).hasSize(1);
        assertThat(sms.getFirst().get("to").asString()).isEqualTo("+16175550123");
        assertThat(sms.getFirst().get("body").asString())
                .contains("Jane Doe")
                .contains("+16175550188")
                .contains("Please call me back.");
        assertThat(outbox.get("items").valueStream().map(m -> m.get("to").asString()))
                .contains("sam@example.com");

        JsonNode message = api.getJson("/api/messages", business, 200).at("/items/0");
        assertThat(message.get("id").asString()).isEqualTo(receipt.messageId().toString());
        assertThat(message.at("/forEmployee/name").asString()).isEqualTo("Sam Lee");
        assertThat(message.get("status").asString()).isEqualTo("DELIVERED");

        MessageReceipt forOwner = directory.leaveMessage(id(business), "nobody", "Al", null, "Hello");
        assertThat(forOwner.recipientKind()).isEqualTo("OWNER");
        assertThat(api.getJson("/api/outbox", business, 200)
                        .get("items")
                        .valueStream()
                        .map(m -> m.get("to").asString()))
                .contains("+16175550142");
    }
}
