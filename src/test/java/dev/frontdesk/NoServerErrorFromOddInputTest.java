package dev.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Input that used to answer 500: paging past the end of an int, instants at the edge of time, CORS
 * preflights on the API. Each gets a 4xx problem (or an empty page), never a 500, and no ERROR in the log.
 */
@ApiTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "frontdesk.fixed-clock=2026-11-23T13:00:00Z")
class NoServerErrorFromOddInputTest {

    static final List<String> LISTS = List.of(
            "/api/appointments",
            "/api/conversations",
            "/api/calls",
            "/api/outbox",
            "/api/knowledge",
            "/api/audit",
            "/api/employees",
            "/api/departments",
            "/api/messages");

    static final List<String> EDGES_OF_TIME = List.of(
            "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z",
            "+999999999-12-31T23:59:59");

    @Autowired
    TestApi api;

    TestBusiness business;

    @BeforeEach
    void business() {
        business = api.createBusiness("Odd input plumbing");
    }

    static String bookingJson(String service, String start, String phone) {
        return """
                {"service": "%s", "start": "%s", "customer": {"name": "Dana Smith", "phone": "%s"}}""".formatted(service, start, phone);
    }

    private MvcResult send(MockHttpServletRequestBuilder request) throws Exception {
        return api.mvc().perform(request).andReturn();
    }

    private static void assertClientProblem(MvcResult result, String what) throws Exception {
        int status = result.getResponse().getStatus();
        assertThat(status)
                .as(what + " answered " + status + ": " + result.getResponse().getContentAsString())
                .isBetween(400, 499);
        assertThat(result.getResponse().getContentType()).as(what).isEqualTo("application/problem+json");
        assertThat(result.getResponse().getContentAsString())
                .as(what)
                .doesNotContain("Exception")
                .doesNotContain("java.");
    }

    @Test
    void pagingPastTheEndOfAnIntIsAnEmptyPageOrA400NeverA500(CapturedOutput output) throws Exception {
        for (String list : LISTS) {
            for (String paging : List.of(
                    "page=21474838&pageSize=100",
                    "page=2147483647&pageSize=100",
                    "page=99999999999&pageSize=10",
                    "page=-1",
                    "pageSize=0",
                    "pageSize=101",
                    "page=abc")) {
                MvcResult result = send(api.as(business, get(list + "?" + paging)));
                int status = result.getResponse().getStatus();
                if (status == 200) {
                    assertThat(api.read(result).get("items").size())
                            .as(list + "?" + paging)
                            .isZero();
                } else {
                    assertClientProblem(result, list + "?" + paging);
                }
            }
        }
        assertThat(output.getOut()).doesNotContain(" ERROR ");
    }

    @Test
    void instantsAtTheEdgeOfTimeAreAValidationProblem(CapturedOutput output) throws Exception {
        String id = api.read(api.perform(
                        api.as(business, post("/api/appointments"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(bookingJson("Drain cleaning", "2026-11-24T15:00:00Z", "+16175550123")),
                        201))
                .get("id")
                .asString();
        for (String instant : EDGES_OF_TIME) {
            assertClientProblem(
                    send(api.as(business, post("/api/appointments"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(bookingJson("Drain cleaning", instant, "+16175550123"))),
                    "booking at " + instant);
            assertClientProblem(
                    send(api.as(business, post("/api/appointments/" + id + "/reschedule"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"start\": \"" + instant + "\"}")),
                    "reschedule to " + instant);
            MvcResult listed = send(api.as(business, get("/api/appointments").param("from", instant)));
            assertThat(listed.getResponse().getStatus())
                    .as("list from " + instant)
                    .isLessThan(500);
            MvcResult until = send(api.as(business, get("/api/appointments").param("to", instant)));
            assertThat(until.getResponse().getStatus()).as("list to " + instant).isLessThan(500);
        }
        for (String date : List.of("+999999999-12-31", "-999999999-01-01", "9999-12-31", "0001-01-01")) {
            MvcResult slots = send(api.as(
                    business, get("/api/availability").param("date", date).param("service", "Drain cleaning")));
            assertThat(slots.getResponse().getStatus())
                    .as("availability on " + date)
                    .isLessThan(500);
            MvcResult schedule =
                    send(api.as(business, get("/api/owner/schedule").param("date", date)));
            assertThat(schedule.getResponse().getStatus())
                    .as("schedule of " + date)
                    .isLessThan(500);
        }
        assertThat(output.getOut()).doesNotContain(" ERROR ");
    }

    @Test
    void corsPreflightsOnTheApiAreAnsweredWithoutAnError(CapturedOutput output) throws Exception {
        for (String path : List.of(
                "/api/appointments", "/api/settings", "/api/admin/businesses", "/api/conversations/x", "/api/nope")) {
            for (String method : List.of("POST", "GET", "DELETE", "PATCH")) {
                MvcResult result = send(options(path)
                        .header("Origin", "https://evil.example")
                        .header("Access-Control-Request-Method", method)
                        .header("Access-Control-Request-Headers", "x-api-key, content-type"));
                int status = result.getResponse().getStatus();
                assertThat(status).as("preflight " + method + " " + path).isLessThan(500);
                assertThat(result.getResponse().getHeader("Access-Control-Allow-Origin"))
                        .as("no other site may call the tenant API from a browser")
                        .isNull();
            }
        }
        assertThat(output.getOut()).doesNotContain(" ERROR ");
    }
}
