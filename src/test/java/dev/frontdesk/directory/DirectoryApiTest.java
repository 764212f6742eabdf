package dev.frontdesk.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TenantIsolation;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import dev.frontdesk.tenants.BusinessId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The directory API: departments, employees and messages, checked whole and private to each business. */
@ApiTest
@TestPropertySource(properties = "frontdesk.fixed-clock=2026-11-23T15:00:00Z")
class DirectoryApiTest {

    @Autowired
    TestApi api;

    @Autowired
    Directory directory;

    private JsonNode post(TestBusiness business, String path, String body, int status) {
        return api.read(api.perform(
                api.as(business, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                status));
    }

    @Test
    void departmentsAndEmployeesAreCreatedReadChangedAndDeleted() {
        var business = api.createBusiness("Directory CRUD");
        var created = api.perform(
                api.as(
                                business,
                                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        "/api/departments"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Billing", "description": "Invoices", "routingPriority": 10,
                                 "hours": {"monday": ["09:00-17:00"]}}"""),
                201);
        JsonNode department = api.read(created);
        String departmentId = department.get("id").asString();
        assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/departments/" + departmentId);
        assertThat(department.get("name").asString()).isEqualTo("Billing");
        assertThat(department.get("routingPriority").asInt()).isEqualTo(10);
        assertThat(department.at("/hours/MONDAY/0").asString()).isEqualTo("09:00-17:00");

        String phone = TestApi.randomPhoneNumber();
        JsonNode employee = post(business, "/api/employees", """
                {"name": "Sam Lee", "phone": "%s", "email": "sam@example.com", "department": "billing",
                 "roles": ["accounts"], "hours": {"MONDAY": ["08:00-12:00"]}}""".formatted(phone), 201);
        String employeeId = employee.get("id").asString();
        assertThat(employee.get("name").asString()).isEqualTo("Sam Lee");
        assertThat(employee.get("phone").asString()).isEqualTo(phone);
        assertThat(employee.get("email").asString()).isEqualTo("sam@example.com");
        assertThat(employee.get("department").asString()).isEqualTo("Billing");
        assertThat(employee.get("departmentId").asString()).isEqualTo(departmentId);
        assertThat(employee.at("/roles/0").asString()).isEqualTo("accounts");
        assertThat(employee.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(employee.at("/hours/MONDAY/0").asString()).isEqualTo("08:00-12:00");
        assertThat(api.getJson("/api/employees/" + employeeId, business, 200)).isEqualTo(employee);

        JsonNode list = api.getJson("/api/employees", business, 200);
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.get("page").asInt()).isEqualTo(1);
        assertThat(list.get("pageSize").asInt()).isEqualTo(50);
        assertThat(list.at("/items/0/id").asString()).isEqualTo(employeeId);
        assertThat(api.getJson("/api/departments", business, 200).get("total").asInt())
                .isEqualTo(1);

        JsonNode away =
                api.patchJson("/api/employees/" + employeeId, business, "{\"status\": \"AWAY\", \"hours\": null}", 200);
        assertThat(away.get("status").asString()).isEqualTo("AWAY");
        assertThat(away.get("hours").isNull()).isTrue();
        assertThat(away.get("department").asString()).isEqualTo("Billing");

        JsonNode renamed = api.patchJson("/api/departments/" + departmentId, business, "{\"name\": \"Accounts\"}", 200);
        assertThat(renamed.get("name").asString()).isEqualTo("Accounts");
        assertThat(renamed.get("routingPriority").asInt()).isEqualTo(10);

        JsonNode problem = api.read(api.perform(api.as(business, delete("/api/departments/" + departmentId)), 409));
        assertThat(problem.get("type").asString()).endsWith("/department-has-employees");

        api.patchJson("/api/employees/" + employeeId, business, "{\"department\": null}", 200);
        api.perform(api.as(business, delete("/api/departments/" + departmentId)), 204);
        api.perform(api.as(business, delete("/api/employees/" + employeeId)), 204);
        api.getJson("/api/employees/" + employeeId, business, 404);
        api.getJson("/api/departments/" + departmentId, business, 404);
        api.getJson("/api/employees/not-a-uuid", business, 404);
    }

    @Test
    void validationListsEveryBadFieldAndWritesNothing() {
        var business = api.createBusiness("Directory validation");
        JsonNode problem = post(business, "/api/employees", """
                {"name": " ", "phone": "555-0100", "email": "nope", "department": "Nowhere",
                 "roles": ["ok", ""], "status": "ASLEEP", "hours": {"FUNDAY": ["09:00-17:00"],
                 "MONDAY": ["17:00-09:00"]}, "age": 3}""", 400);
        assertThat(problem.get("type").asString()).endsWith("/validation");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder(
                        "age",
                        "name",
                        "phone",
                        "email",
                        "department",
                        "roles[1]",
                        "status",
                        "hours.FUNDAY",
                        "hours.MONDAY[0]");
        assertThat(api.getJson("/api/employees", business, 200).get("total").asInt())
                .isZero();

        JsonNode missing = post(business, "/api/employees", "{}", 400);
        assertThat(missing.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("name", "phone");

        post(business, "/api/departments", "{\"name\": \"Sales\"}", 201);
        JsonNode duplicate = post(business, "/api/departments", "{\"name\": \"sales\", \"routingPriority\": -1}", 400);
        assertThat(duplicate.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("name", "routingPriority");

        String id = post(business, "/api/employees", "{\"name\": \"Kim\", \"phone\": \"+16175550100\"}", 201)
                .get("id")
                .asString();
        JsonNode badPatch = api.patchJson("/api/employees/" + id, business, "{\"phone\": \"12\", \"name\": 4}", 400);
        assertThat(badPatch.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("phone", "name");
        assertThat(api.getJson("/api/employees/" + id, business, 200)
                        .get("name")
                        .asString())
                .isEqualTo("Kim");
    }

    @Test
    void employeesDepartmentsAndMessagesAreInvisibleToOtherBusinesses() {
        var owner = api.createBusiness("Directory owner");
        var intruder = api.createBusiness("Directory intruder");
        String departmentId = post(owner, "/api/departments", "{\"name\": \"Service\"}", 201)
                .get("id")
                .asString();
        String employeeId = post(owner, "/api/employees", """
                        {"name": "Ana", "phone": "+16175550111", "department": "Service"}""", 201).get("id").asString();
        var receipt = directory.leaveMessage(
                new BusinessId(UUID.fromString(owner.id())), "Ana", "Jo", "+16175550199", "Call me back");

        TenantIsolation.assertInvisibleToOtherBusiness(
                api, owner, intruder, "/api/departments/" + departmentId, "{\"name\": \"Stolen\"}", true, "{}");
        TenantIsolation.assertInvisibleToOtherBusiness(
                api, owner, intruder, "/api/employees/" + employeeId, "{\"name\": \"Stolen\"}", true, "{}");
        TenantIsolation.assertInvisibleToOtherBusiness(
                api, owner, intruder, "/api/messages/" + receipt.messageId(), "{\"status\": \"DONE\"}", false, "{}");

        // the intruder cannot attach an employee to the owner's department either
        JsonNode problem = post(intruder, "/api/employees", """
                {"name": "Eve", "phone": "+16175550112", "department": "%s"}""".formatted(departmentId), 400);
        assertThat(problem.at("/errors/0/field").asString()).isEqualTo("department");
        assertThat(api.getJson("/api/employees", intruder, 200).get("total").asInt())
                .isZero();
        assertThat(api.getJson("/api/messages", intruder, 200).get("total").asInt())
                .isZero();
    }

    @Test
    void messagesAreListedNewestFirstFilteredAndMarkedReadOrDone() {
        var business = api.createBusiness("Directory messages");
        var id = new BusinessId(UUID.fromString(business.id()));
        post(business, "/api/employees", "{\"name\": \"Sam Lee\", \"phone\": \"+16175550123\"}", 201);
        var first = directory.leaveMessage(id, "Sam", "Jane", "(617) 555-0188", "About my invoice");
        var second = directory.leaveMessage(id, null, "Joe", null, "Great work yesterday");

        JsonNode list = api.getJson("/api/messages", business, 200);
        assertThat(list.get("total").asInt()).isEqualTo(2);
        JsonNode newest = list.at("/items/0");
        JsonNode oldest = list.at("/items/1");
        assertThat(oldest.get("id").asString()).isEqualTo(first.messageId().toString());
        assertThat(newest.get("id").asString()).isEqualTo(second.messageId().toString());
        assertThat(oldest.at("/forEmployee/name").asString()).isEqualTo("Sam Lee");
        assertThat(oldest.get("callerName").asString()).isEqualTo("Jane");
        assertThat(oldest.get("callerPhone").asString()).isEqualTo("+16175550188");
        assertThat(oldest.get("text").asString()).isEqualTo("About my invoice");
        assertThat(oldest.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(oldest.has("createdAt")).isTrue();
        assertThat(newest.get("forOwner").asBoolean()).isTrue();
        assertThat(newest.has("forEmployee")).isFalse();

        JsonNode read = api.patchJson("/api/messages/" + first.messageId(), business, "{\"status\": \"READ\"}", 200);
        assertThat(read.get("status").asString()).isEqualTo("READ");
        api.patchJson("/api/messages/" + first.messageId(), business, "{\"status\": \"DELIVERED\"}", 400);
        assertThat(api.getJson("/api/messages?status=read", business, 200)
                        .at("/items/0/id")
                        .asString())
                .isEqualTo(first.messageId().toString());
        assertThat(api.getJson("/api/messages?status=DONE", business, 200)
                        .get("total")
                        .asInt())
                .isZero();
        api.getJson("/api/messages?status=LOST", business, 400);
    }
}
