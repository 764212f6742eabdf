package dev.frontdesk.dashboard;

import static dev.frontdesk.dashboard.DashboardConversationsTest.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.directory.Directory;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import dev.frontdesk.tenants.BusinessId;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The Customers pages: the business's customers and leads with filters, one customer's timeline and
 * contact preferences (OWNER and STAFF change them, a VIEWER only looks), the CSV lead upload with its
 * progress and report.
 */
@DashboardTest
class DashboardCustomersTest {

    @Autowired
    TestApi api;

    @Autowired
    Dashboard dashboard;

    @Autowired
    Conversations conversations;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dev.frontdesk.messaging.Messages messages;

    @BeforeEach
    void clock() {
        dashboard.resetClock();
    }

    /** Adds a customer with the API; returns its id. */
    String customer(TestBusiness business, String json) {
        return api.read(api.perform(
                        api.as(business, post("/api/customers"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(json),
                        201))
                .get("id")
                .asString();
    }

    @Test
    void theListShowsTheBusinesssCustomersAndItsFiltersNarrowThem() {
        TestBusiness business = api.createBusiness("Customer list plumbing");
        customer(business, """
                {"name": "Dana Smith", "phone": "+16175550101", "language": "en", "lead": true}""");
        customer(business, """
                {"name": "Lucía Gómez", "phone": "+16175550102", "language": "es", "status": "CONTACTED",
                 "notes": "prefers WhatsApp"}""");
        customer(business, """
                {"name": "Marc Dubois", "phone": "+16175550103", "language": "fr", "doNotCall": true}""");
        MockHttpSession session = dashboard.signedIn(business, "VIEWER");

        String all = body(api.perform(get("/customers").session(session), 200));
        assertThat(all)
                .contains("<h1>Customers and leads</h1>", "Dana Smith", "Lucía Gómez", "Marc Dubois")
                .contains("Page 1 of 1 · 3 customers", "do not call", "lead")
                .doesNotContain("Import leads from a CSV file");

        assertThat(body(api.perform(get("/customers?status=CONTACTED").session(session), 200)))
                .contains("Lucía Gómez")
                .doesNotContain("Dana Smith");
        assertThat(body(api.perform(get("/customers?language=fr").session(session), 200)))
                .contains("Marc Dubois")
                .doesNotContain("Lucía Gómez");
        assertThat(body(api.perform(get("/customers?q=whatsapp").session(session), 200)))
                .contains("Lucía Gómez")
                .doesNotContain("Marc Dubois");
        assertThat(body(api.perform(get("/customers?status=WON").session(session), 200)))
                .contains("Choose a status from the list.", "Dana Smith");
    }

    @Test
    void aCustomersPageShowsTheirTimelineAndStaffChangeTheirContactPreferences() {
        TestBusiness business = api.createBusiness("Customer detail plumbing");
        String id = customer(business, """
                {"name": "Dana Smith", "phone": "+16175550123", "email": "dana@example.com"}""");
        BusinessId businessId = new BusinessId(UUID.fromString(business.id()));
        var c = conversations.openOrContinue(businessId, "SMS", "+16175550123", "+16175550123", "en", null);
        conversations.end(businessId, c.id(), Conversation.Outcome.ANSWERED, "Asked about prices", false);
        directory.leaveMessage(businessId, null, "Dana Smith", "+16175550123", "Please call me back about the boiler");
        api.perform(
                api.as(business, post("/api/appointments"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"service": "Drain cleaning", "start": "2026-11-24T16:00:00Z",
                                 "customer": {"name": "Dana Smith", "phone": "+16175550123"}}"""),
                201);
        MockHttpSession staff = dashboard.signedIn(business, "STAFF");

        String page = body(api.perform(get("/customers/" + id).session(staff), 200));
        assertThat(page)
                .contains("<h1>Dana Smith</h1>", "dana@example.com")
                .contains("Asked about prices", "/conversations/" + c.id())
                .contains("Drain cleaning: Scheduled", "Tue 24 Nov 11:00")
                .contains("Please call me back about the boiler")
                .contains("Save preferences");

        String saved = body(api.perform(
                post("/customers/" + id + "/flags")
                        .session(staff)
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("doNotCall", "true")
                        .param("smsOptOut", "true"),
                200));
        assertThat(saved).contains("Saved. Status: Do not call.").doesNotContain("<html");
        var after = api.getJson("/api/customers/" + id, business, 200);
        assertThat(after.get("doNotCall").asBoolean()).isTrue();
        assertThat(after.get("smsOptOut").asBoolean()).isTrue();
        assertThat(after.get("status").asString()).isEqualTo("DO_NOT_CALL");
        var phone = new dev.frontdesk.shared.PhoneNumber("+16175550123");
        assertThat(messages.smsOptedOut(businessId, phone)).as("texts stop").isTrue();
        // the opt-out list tells the CRM back, after the commit: let it arrive before unticking
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL"
                                        + " AND event_type LIKE '%SmsOptOutChanged%'")
                                .query(Long.class)
                                .single()
                        == 0);

        // unticking both, without JavaScript: the page again, and the customer back at the start of the funnel
        MvcResult plain =
                api.perform(post("/customers/" + id + "/flags").session(staff).with(csrf()), 302);
        assertThat(plain.getResponse().getRedirectedUrl()).isEqualTo("/customers/" + id);
        var cleared = api.getJson("/api/customers/" + id, business, 200);
        assertThat(cleared.get("doNotCall").asBoolean()).isFalse();
        assertThat(cleared.get("smsOptOut").asBoolean()).isFalse();
        assertThat(cleared.get("status").asString()).isEqualTo("NEW");
        // the opt-out list is left only by the number itself (START), and the page says so
        assertThat(messages.smsOptedOut(businessId, phone)).isTrue();
        assertThat(body(api.perform(get("/customers/" + id).session(staff), 200)))
                .contains("Texts to this number stay off");

        api.perform(get("/customers/not-an-id").session(staff), 404);
        api.perform(get("/customers/" + UUID.randomUUID()).session(staff), 404);
    }

    @Test
    void aViewerSeesACustomerButCannotChangeTheirPreferencesOrImportLeads() {
        TestBusiness business = api.createBusiness("Customer viewer plumbing");
        String id = customer(business, """
                {"name": "Dana Smith", "phone": "+16175550123"}""");
        MockHttpSession viewer = dashboard.signedIn(business, "VIEWER");

        String page = body(api.perform(get("/customers/" + id).session(viewer), 200));
        assertThat(page).contains("Do not call: no").doesNotContain("Save preferences");
        api.perform(
                post("/customers/" + id + "/flags").session(viewer).with(csrf()).param("doNotCall", "true"), 403);
        assertThat(api.getJson("/api/customers/" + id, business, 200)
                        .get("doNotCall")
                        .asBoolean())
                .isFalse();
        assertThat(body(api.perform(get("/customers/import").session(viewer), 200)))
                .contains("not import leads")
                .doesNotContain("type=\"file\"");
        upload(
                multipart("/customers/import")
                        .file(csv("name,phone\nSneaky,+16175550199\n"))
                        .session(viewer)
                        .with(csrf()),
                403);
        assertThat(api.getJson("/api/customers", business, 200).get("total").asLong())
                .isEqualTo(1);
    }

    /** Posts a multipart form as a browser does and checks the status. */
    private MvcResult upload(MockMultipartHttpServletRequestBuilder request, int expectedStatus) {
        try {
            MvcResult result = api.mvc().perform(request).andReturn();
            assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(expectedStatus);
            return result;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "leads.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anUploadedCsvIsImportedAndItsPageShowsTheCountsAndTheRejectedRows() throws Exception {
        TestBusiness business = api.createBusiness("Customer import plumbing");
        MockHttpSession owner = dashboard.signedIn(business, "OWNER");
        assertThat(body(api.perform(get("/customers/import").session(owner), 200)))
                .contains("enctype=\"multipart/form-data\"", "name=\"_csrf\"");

        MvcResult uploaded = upload(
                multipart("/customers/import")
                        .file(csv("name,phone,email\nAna Lead,+16175550201,ana@example.com\n"
                                + "Ben Lead,not a number,\nCarla Lead,+16175550203,\n"))
                        .session(owner)
                        .with(csrf()),
                302);
        String location = uploaded.getResponse().getRedirectedUrl();
        assertThat(location).matches("/customers/imports/[0-9a-f-]{36}\\?expected=3");

        String page = "";
        for (int i = 0; i < 100; i++) {
            page = body(api.perform(get(location).session(owner), 200));
            if (!page.contains("Importing")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(page)
                .contains("Done: 2 new leads imported.")
                .contains("<dt>Rejected</dt><dd>1</dd>")
                .contains("<td>3</td><td>phone is not a valid phone number</td>")
                .doesNotContain("every 1s");
        assertThat(api.getJson("/api/leads", business, 200).get("total").asLong())
                .isEqualTo(2);

        String bad = body(upload(
                multipart("/customers/import")
                        .file(csv("first,last\nAna,Lead\n"))
                        .session(owner)
                        .with(csrf()),
                400));
        assertThat(bad).contains("Nothing was imported", "no name and no phone column");
    }

    @Test
    void everyRejectedRowOfAnImportDownloadsAsCsv() throws Exception {
        TestBusiness business = api.createBusiness("Customer import report plumbing");
        MockHttpSession viewer = dashboard.signedIn(business, "VIEWER");
        StringBuilder file = new StringBuilder("name,phone\nAna Lead,+16175550201\n");
        for (int i = 0; i < 205; i++) {
            file.append("Bad Lead ").append(i).append(",=1+2\n");
        }
        String importId = api.read(api.perform(
                        api.as(business, post("/api/leads/upload"))
                                .contentType("text/csv")
                                .content(file.toString()),
                        201))
                .get("id")
                .asString();

        String page = body(api.perform(get("/customers/imports/" + importId).session(viewer), 200));
        assertThat(page)
                .contains("The first 200 of 205 are listed here; the download has them all.")
                .contains("href=\"/customers/imports/" + importId + "/errors.csv\" download");

        MvcResult download = api.perform(
                get("/customers/imports/" + importId + "/errors.csv").session(viewer), 200);
        assertThat(download.getResponse().getContentType()).startsWith("text/csv");
        assertThat(download.getResponse().getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"lead-import-" + importId + "-rejected-rows.csv\"");
        List<String> lines = download.getResponse()
                .getContentAsString(StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(lines).hasSize(206);
        assertThat(lines.get(0)).isEqualTo("line,reason");
        assertThat(lines.get(1)).startsWith("3,");
        assertThat(lines.get(205)).startsWith("207,");
        api.perform(get("/customers/imports/not-an-id/errors.csv").session(viewer), 404);
        api.perform(
                get("/customers/imports/" + UUID.randomUUID() + "/errors.csv").session(viewer), 404);
    }

    /**
     * The API's report and the dashboard's download are one file, and a reason that a spreadsheet would run
     * comes back inert from both. No reason the importer writes starts with = + - @ today, so the rows are
     * stored as the importer stores them, straight into its tables.
     */
    @Test
    void aRejectedRowStartingWithAFormulaComesBackInertFromTheApiAndTheDashboard() throws Exception {
        TestBusiness business = api.createBusiness("Customer import formula plumbing");
        MockHttpSession viewer = dashboard.signedIn(business, "VIEWER");
        UUID importId = storedImport(business, "COMPLETED", 4, 4);
        List<String> reasons =
                List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)");
        for (int i = 0; i < reasons.size(); i++) {
            jdbc.sql("INSERT INTO lead_import_error (import_id, line, reason) VALUES (:id, :line, :reason)")
                    .param("id", importId)
                    .param("line", i + 2)
                    .param("reason", reasons.get(i))
                    .update();
        }
        List<String> expected = List.of(
                "line,reason",
                "2,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"",
                "3,\"'+cmd|' /C calc'!A0\"",
                "4,\"'-2+3\"",
                "5,\"'@SUM(A1)\"");

        String fromApi = api.perform(api.as(business, get("/api/leads/imports/" + importId + "/errors")), 200)
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String fromDashboard = api.perform(
                        get("/customers/imports/" + importId + "/errors.csv").session(viewer), 200)
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(fromApi.lines().toList()).containsExactlyElementsOf(expected);
        assertThat(fromDashboard).isEqualTo(fromApi).endsWith("\r\n");
    }

    /** An import as the importer stores it: finished when COMPLETED, else still running. */
    private UUID storedImport(TestBusiness business, String status, int rowsRead, int rejected) {
        UUID importId = UUID.randomUUID();
        var at = OffsetDateTime.parse("2026-11-23T13:00:00Z");
        jdbc.sql("INSERT INTO lead_import (id, business_id, status, rows_read, imported, duplicates, rejected, failure,"
                        + " created_at, finished_at) VALUES (:id, :b, :s, :read, 0, 0, :rejected, NULL, :at, :done)")
                .param("id", importId)
                .param("b", UUID.fromString(business.id()))
                .param("s", status)
                .param("read", rowsRead)
                .param("rejected", rejected)
                .param("at", at)
                .param("done", "COMPLETED".equals(status) ? at : null)
                .update();
        return importId;
    }

    @Test
    void aRunningImportShowsAProgressBarThatHtmxRefreshes() {
        TestBusiness business = api.createBusiness("Customer progress plumbing");
        UUID importId = storedImport(business, "RUNNING", 400, 0);
        MockHttpSession owner = dashboard.signedIn(business, "OWNER");

        String page = body(api.perform(
                get("/customers/imports/" + importId + "?expected=1000").session(owner), 200));
        assertThat(page)
                .contains("Importing: 400 of about 1000 rows read")
                .contains("max=\"100\"", "value=\"40\"")
                .contains("hx-get=\"/customers/imports/" + importId + "/status?expected=1000\"")
                .contains("hx-trigger=\"every 1s\"");
        String fragment = body(api.perform(
                get("/customers/imports/" + importId + "/status?expected=1000")
                        .session(owner)
                        .header("HX-Request", "true"),
                200));
        assertThat(fragment).contains("Importing: 400").doesNotContain("<html");
    }
}
