package dev.frontdesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Without FRONTDESK_WEBHOOKS_ALLOW_PRIVATE a webhook must be https to a public address. */
@ApiTest
class WebhookUrlsApiTest {

    @Autowired
    TestApi api;

    @Test
    void privateLoopbackAndPlainHttpAddressesAreRefused() {
        var business = api.createBusiness("No SSRF");
        for (String url : new String[] {
            "http://93.184.216.34/hook",
            "https://127.0.0.1/hook",
            "https://localhost:8080/hook",
            "https://10.1.2.3/hook",
            "https://192.168.1.20/hook",
            "https://172.16.0.1/hook",
            "https://169.254.169.254/latest/meta-data",
            "https://100.64.0.1/hook",
            "https://0.0.0.0/hook",
            "https://[::1]/hook",
            "https://[fd00::1]/hook",
            "https://[::ffff:10.0.0.1]/hook",
            "https://user:pass@93.184.216.34/hook",
            "ftp://93.184.216.34/hook",
            "not a url"
        }) {
            JsonNode problem = api.read(api.perform(
                    api.as(business, post("/api/webhooks"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"url\": \"" + url + "\", \"events\": [\"appointment.booked\"]}"),
                    400));
            assertThat(problem.at("/errors/0/field").asString()).as(url).isEqualTo("url");
        }
        api.perform(
                api.as(business, post("/api/webhooks"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\": \"https://93.184.216.34/hook\", \"events\": [\"appointment.booked\"]}"),
                201);
    }

    @Test
    void unknownEventsAreRefusedOneByOne() {
        var business = api.createBusiness("Event picky");
        JsonNode problem = api.read(api.perform(
                api.as(business, post("/api/webhooks"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\": \"https://93.184.216.34/hook\","
                                + " \"events\": [\"appointment.booked\", \"appointment.eaten\", 7]}"),
                400));
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("events[1]", "events[2]");
    }
}
