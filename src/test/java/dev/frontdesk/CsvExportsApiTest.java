package dev.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;

/**
 * CSV exports of calls, conversations, appointments and leads: a business downloads its own rows only,
 * filtered like its lists, quoted so a CSV reader gets each cell back, with formulas made inert; a large
 * export streams through. Monday 2026-11-23, 08:00 in New York.
 */
@ApiTest
@TestPropertySource(properties = "frontdesk.fixed-clock=2026-11-23T13:00:00Z")
class CsvExportsApiTest {

    @Autowired
    TestApi api;

    /** An export as a client receives it: the async (streamed) answer, checked to be a CSV attachment. */
    String export(TestBusiness business, String path) throws Exception {
        MvcResult started = api.mvc().perform(api.as(business, get(path))).andReturn();
        assertThat(started.getRequest().isAsyncStarted())
                .as("the body is streamed")
                .isTrue();
        MvcResult done = api.mvc().perform(asyncDispatch(started)).andReturn();
        assertThat(done.getResponse().getStatus()).isEqualTo(200);
        assertThat(done.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(done.getResponse().getHeader("Content-Disposition")).startsWith("attachment; filename=");
        return done.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    List<List<String>> rows(TestBusiness business, String path) throws Exception {
        return parse(export(business, path));
    }

    /** An RFC 4180 reader, as a spreadsheet reads the file. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        assertThat(cell).as("the file ends with CRLF").isEmpty();
        return rows;
    }

    static List<String> column(List<List<String>> rows, String name) {
        int index = rows.getFirst().indexOf(name);
        assertThat(index).as("column " + name).isNotNegative();
        return rows.stream().skip(1).map(r -> r.get(index)).toList();
    }

    void upload(TestBusiness business, String csv) {
        api.perform(
                api.as(business, post("/api/leads/upload"))
                        .contentType("text/csv")
                        .content(csv.getBytes(StandardCharsets.UTF_8)),
                201);
    }

    String book(TestBusiness business, String start, String name, String phone, String notes) {
        return api.read(api.perform(
                        api.as(business, post("/api/appointments"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                {"service": "Drain cleaning", "start": "%s",
                                 "customer": {"name": "%s", "phone": "%s"}, "notes": "%s"}""".formatted(start, name, phone, notes)),
                        201))
                .get("id")
                .asString();
    }

    String sandboxCall(TestBusiness business, String from) {
        String callSid = api.read(api.perform(
                        api.as(business, post("/api/sandbox/calls"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"from\": \"" + from + "\"}"),
                        200))
                .get("callSid")
                .asString();
        api.perform(api.as(business, post("/api/sandbox/calls/" + callSid + "/hangup")), 200);
        return callSid;
    }

    @Test
    void leadsExportHasTheBusinessesOwnLeadsFilteredQuotedAndWithFormulasMadeInert() throws Exception {
        var business = api.createBusiness("Lead export");
        var other = api.createBusiness("Other lead export");
        upload(
                business,
                "name,phone,language,notes\n"
                        + "\"Smith, Dana \"\"DJ\"\"\",+16175550101,en,\"first line\nsecond line\"\n"
                        + "\"=HYPERLINK(\"\"http://evil.example\"\";\"\"click\"\")\",+16175550102,en,@SUM(1+1)\n"
                        + "Lucía Pérez,+34612345678,es,-2+3\n");
        upload(other, "name,phone\nOther Person,+16175550109\n");

        var rows = rows(business, "/api/leads/export");
        assertThat(rows.getFirst()).startsWith("id", "name", "phone", "email");
        assertThat(column(rows, "name"))
                .containsExactlyInAnyOrder(
                        "Smith, Dana \"DJ\"", "'=HYPERLINK(\"http://evil.example\";\"click\")", "Lucía Pérez");
        assertThat(column(rows, "notes")).contains("first line\nsecond line", "'@SUM(1+1)", "'-2+3");
        assertThat(column(rows, "phone"))
                .as("a number stays a number")
                .containsExactlyInAnyOrder("+16175550101", "+16175550102", "+34612345678");
        assertThat(column(rows, "phone")).doesNotContain("+16175550109");

        var spanish = rows(business, "/api/leads/export?language=es");
        assertThat(column(spanish, "name")).containsExactly("Lucía Pérez");
        assertThat(column(rows(business, "/api/leads/export?q=smith"), "phone")).containsExactly("+16175550101");
        assertThat(column(rows(other, "/api/leads/export"), "phone")).containsExactly("+16175550109");
        api.perform(api.as(business, get("/api/leads/export?status=SOMETIMES")), 400);
    }

    @Test
    void appointmentsExportHasTheBusinessesOwnAppointmentsWithTheListsFilters() throws Exception {
        var business = api.createBusiness("Appointment export");
        var other = api.createBusiness("Other appointment export");
        String tuesday = book(business, "2026-11-24T10:00", "Dana Smith", "+16175550111", "+1 call first");
        String saturday = book(business, "2026-11-28T10:00", "Lee, Sam", "+16175550112", "gate code, 1234");
        String others = book(other, "2026-11-24T10:00", "Not Yours", "+16175550119", "x");
        api.perform(api.as(business, post("/api/appointments/" + saturday + "/cancel")), 200);

        var rows = rows(business, "/api/appointments/export");
        assertThat(column(rows, "id")).containsExactly(tuesday, saturday).doesNotContain(others);
        assertThat(column(rows, "start")).containsExactly("2026-11-24T15:00:00Z", "2026-11-28T15:00:00Z");
        assertThat(column(rows, "customerName")).containsExactly("Dana Smith", "Lee, Sam");
        assertThat(column(rows, "notes")).containsExactly("'+1 call first", "gate code, 1234");
        assertThat(column(rows(business, "/api/appointments/export?status=CANCELLED"), "id"))
                .containsExactly(saturday);
        assertThat(column(rows(business, "/api/appointments/export?from=2026-11-25"), "id"))
                .containsExactly(saturday);
        assertThat(column(rows(business, "/api/appointments/export?to=2026-11-24"), "id"))
                .containsExactly(tuesday);
        assertThat(column(rows(other, "/api/appointments/export"), "id")).containsExactly(others);
        api.perform(api.as(business, get("/api/appointments/export?status=MAYBE")), 400);
    }

    @Test
    void callsAndConversationsExportsHaveTheBusinessesOwnCallsOnly() throws Exception {
        var business = api.createBusiness("Call export");
        var other = api.createBusiness("Other call export");
        String mine = sandboxCall(business, "+16175550121");
        String theirs = sandboxCall(other, "+16175550129");

        var calls = rows(business, "/api/calls/export");
        assertThat(calls.getFirst()).startsWith("id", "callSid", "direction", "status");
        assertThat(column(calls, "callSid")).containsExactly(mine);
        assertThat(column(calls, "from")).containsExactly("+16175550121");
        assertThat(column(calls, "status")).containsExactly("completed");
        assertThat(column(rows(other, "/api/calls/export"), "callSid")).containsExactly(theirs);

        var conversations = rows(business, "/api/conversations/export");
        assertThat(column(conversations, "customerPhone")).containsExactly("+16175550121");
        assertThat(column(conversations, "channel")).containsExactly("VOICE");
        String outcome = column(conversations, "outcome").getFirst();
        assertThat(outcome).isNotBlank();
        assertThat(column(rows(business, "/api/conversations/export?channel=voice&outcome=" + outcome), "channel"))
                .containsExactly("VOICE");
        assertThat(rows(business, "/api/conversations/export?channel=SMS"))
                .as("the header row only")
                .hasSize(1);
        assertThat(column(rows(other, "/api/conversations/export"), "customerPhone"))
                .containsExactly("+16175550129");
        api.perform(api.as(business, get("/api/conversations/export?outcome=MAYBE")), 400);
    }

    @Test
    void twentyThousandLeadsStreamThroughOneExport() throws Exception {
        var business = api.createBusiness("Large export");
        var csv = new StringBuilder("name,phone\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append("Lead ")
                    .append(i)
                    .append(",+1617")
                    .append(String.format("%07d", 2_000_000 + i))
                    .append('\n');
        }
        upload(business, csv.toString());

        var rows = rows(business, "/api/leads/export");
        assertThat(rows).hasSize(20_001);
        assertThat(column(rows, "phone")).doesNotHaveDuplicates().allMatch(p -> p.startsWith("+1617"));
    }
}
