package dev.frontdesk.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;

/** Leads arrive by CSV: good rows stored together, bad rows reported by line, known numbers merged. */
@ApiTest
class LeadImportApiTest {

    @Autowired
    TestApi api;

    JsonNode upload(TestBusiness business, String csv, int status) {
        return api.read(api.perform(
                api.as(business, post("/api/leads/upload"))
                        .contentType("text/csv")
                        .content(csv.getBytes(StandardCharsets.UTF_8)),
                status));
    }

    @Test
    void aSemicolonFileWithABomAndColumnsInAnyOrderIsImported() {
        var business = api.createBusiness("Importer");
        JsonNode done = upload(
                business,
                "\uFEFFPhone;Notes;Name;Language\r\n"
                        + "(617) 555-0101;\"Likes mornings; no dogs\";Dana Smith;\r\n"
                        + "+34 612 345 101;;Lucía Pérez;\r\n"
                        + "+33612345101;\"multi\r\nline\";\"Chloé \"\"CC\"\" Martin\";en\r\n",
                201);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("rows").asInt()).isEqualTo(3);
        assertThat(done.get("imported").asInt()).isEqualTo(3);
        assertThat(done.get("duplicates").asInt()).isZero();
        assertThat(done.get("rejected").asInt()).isZero();
        assertThat(done.get("errors").size()).isZero();

        JsonNode leads = api.getJson("/api/leads", business, 200);
        assertThat(leads.get("total").asInt()).isEqualTo(3);
        JsonNode dana = api.getJson("/api/leads?q=dana", business, 200).at("/items/0");
        assertThat(dana.get("phone").asString()).isEqualTo("+16175550101");
        assertThat(dana.get("notes").asString()).isEqualTo("Likes mornings; no dogs");
        assertThat(dana.get("source").asString()).isEqualTo("CSV");
        assertThat(dana.get("status").asString()).isEqualTo("NEW");
        assertThat(dana.get("lead").asBoolean()).isTrue();
        JsonNode lucia = api.getJson("/api/leads?language=es", business, 200).at("/items/0");
        assertThat(lucia.get("name").asString()).isEqualTo("Lucía Pérez");
        assertThat(lucia.get("timezone").asString()).isEqualTo("Europe/Madrid");
        JsonNode chloe = api.getJson("/api/leads?q=martin", business, 200).at("/items/0");
        assertThat(chloe.get("name").asString()).isEqualTo("Chloé \"CC\" Martin");
        assertThat(chloe.get("language").asString()).isEqualTo("en");
        assertThat(chloe.get("notes").asString()).isEqualTo("multi\r\nline");

        assertThat(api.getJson("/api/leads/imports/" + done.get("id").asString(), business, 200))
                .isEqualTo(done);
    }

    @Test
    void aHalfBadFileStoresTheGoodRowsAndReportsEachBadOneByLine() throws Exception {
        var business = api.createBusiness("Half bad");
        String csv = "name,phone,email,timezone\n"
                + "Good One,+16175550201,one@example.com,\n" // line 2
                + ",+16175550202,,\n" // line 3: no name
                + "Bad Phone,12345,,\n" // line 4
                + "Bad Email,+16175550204,nope,\n" // line 5
                + "\n" // line 6: blank, skipped
                + "Bad Zone,+16175550205,,Mars/Olympus\n" // line 7
                + "Too,Many,Fields,Here,!\n" // line 8
                + "\"Broken\"quote,+16175550206,,\n" // line 9
                + "Good Two,+16175550207,,America/Chicago\n"; // line 10
        JsonNode done = upload(business, csv, 201);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("rows").asInt()).isEqualTo(8);
        assertThat(done.get("imported").asInt()).isEqualTo(2);
        assertThat(done.get("rejected").asInt()).isEqualTo(6);
        assertThat(done.get("errors")
                        .valueStream()
                        .map(e -> e.get("line").asInt() + ": " + e.get("reason").asString()))
                .containsExactly(
                        "3: name is empty",
                        "4: phone is not a valid phone number",
                        "5: email is not an email address",
                        "7: timezone is not an IANA time zone such as Europe/Madrid",
                        "8: has 5 fields, the header has 4",
                        "9: unexpected character after a closing quote");
        assertThat(CustomersApiTest.names(api.getJson("/api/leads", business, 200)))
                .containsExactlyInAnyOrder("Good One", "Good Two");

        String report = api.perform(api.as(business, get(done.get("errorReport").asString())), 200)
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(report.lines().toList())
                .containsExactly(
                        "line,reason",
                        "3,\"name is empty\"",
                        "4,\"phone is not a valid phone number\"",
                        "5,\"email is not an email address\"",
                        "7,\"timezone is not an IANA time zone such as Europe/Madrid\"",
                        "8,\"has 5 fields, the header has 4\"",
                        "9,\"unexpected character after a closing quote\"");
    }

    @Test
    void aNumberSeenBeforeIsMergedNotDuplicated() {
        var business = api.createBusiness("Merger");
        String known = api.read(api.perform(
                        api.as(business, post("/api/customers"))
                                .contentType("application/json")
                                .content("{\"name\": \"Known Caller\", \"phone\": \"+16175550301\"}"),
                        201))
                .get("id")
                .asString();
        JsonNode done = upload(
                business,
                "name,phone,email\n"
                        + "Someone Else,+1 617 555 0301,known@example.com\n"
                        + "New Lead,+16175550302,\n"
                        + "New Lead again,(617) 555-0302,new@example.com\n",
                201);
        assertThat(done.get("rows").asInt()).isEqualTo(3);
        assertThat(done.get("imported").asInt()).isEqualTo(1);
        assertThat(done.get("duplicates").asInt()).isEqualTo(2);
        JsonNode merged = api.getJson("/api/customers/" + known, business, 200);
        assertThat(merged.get("name").asString()).isEqualTo("Known Caller");
        assertThat(merged.get("email").asString()).isEqualTo("known@example.com");
        assertThat(merged.get("source").asString()).isEqualTo("MANUAL");
        assertThat(merged.get("lead").asBoolean()).isTrue();
        JsonNode fresh = api.getJson("/api/customers?q=0302", business, 200);
        assertThat(fresh.get("total").asInt()).isEqualTo(1);
        assertThat(fresh.at("/items/0/name").asString()).isEqualTo("New Lead");
        assertThat(fresh.at("/items/0/email").asString()).isEqualTo("new@example.com");

        // the same file again: everything merges, nothing new
        JsonNode again = upload(business, "name,phone\nNew Lead,+16175550302\n", 201);
        assertThat(again.get("imported").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(1);
        assertThat(api.getJson("/api/customers", business, 200).get("total").asInt())
                .isEqualTo(2);
    }

    @Test
    void aFileThatIsNotALeadListIsAProblemAndStoresNothing() {
        var business = api.createBusiness("Bad files");
        for (String csv : List.of("", "\uFEFF", "email,notes\na@b.co,x\n", "name,phone,phone\nA,+16175550401,x\n")) {
            JsonNode problem = upload(business, csv, 400);
            assertThat(problem.get("type").asString()).endsWith("/invalid-csv");
        }
        assertThat(api.getJson("/api/customers", business, 200).get("total").asInt())
                .isZero();
    }

    @Test
    void aMultipartFileLargerThanTheGeneralLimitIsAccepted() throws Exception {
        var business = api.createBusiness("Big file");
        var csv = new StringBuilder("name,phone\n");
        for (int i = 0; i < 3000; i++) {
            csv.append("Lead number ")
                    .append(i)
                    .append(",+1617555")
                    .append(String.format("%04d", i))
                    .append('\n');
        }
        assertThat(csv.length()).isGreaterThan(64 * 1024);
        var result = api.mvc()
                .perform(multipart("/api/leads/upload")
                        .file(new MockMultipartFile(
                                "file", "leads.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)))
                        .header("X-API-Key", business.apiKey()))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(201);
        JsonNode done = api.read(result);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("rows").asInt()).isEqualTo(3000);
        assertThat(done.get("imported").asLong() + done.get("rejected").asLong())
                .isEqualTo(3000);
        assertThat(api.getJson("/api/leads", business, 200).get("total").asLong())
                .isEqualTo(done.get("imported").asLong());
        // the general limit still holds everywhere else
        api.perform(
                api.as(business, post("/api/customers"))
                        .contentType("application/json")
                        .content("{\"notes\": \"" + "x".repeat(70 * 1024) + "\"}"),
                413);
    }

    @Test
    void anotherBusinessCannotSeeAnImport() {
        var owner = api.createBusiness("Import owner");
        var intruder = api.createBusiness("Import intruder");
        String id = upload(owner, "name,phone\nA,12\n", 201).get("id").asString();
        api.getJson("/api/leads/imports/" + id, intruder, 404);
        api.perform(api.as(intruder, get("/api/leads/imports/" + id + "/errors")), 404);
        api.getJson("/api/leads/imports/" + id, owner, 200);
    }
}
