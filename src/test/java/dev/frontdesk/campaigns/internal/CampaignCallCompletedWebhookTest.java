package dev.frontdesk.campaigns.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A campaign's answered call, once ended, is delivered as {@code call.completed} naming its campaign (id and name),
 * signed, to a receiver (WireMock) the business registered. The jobs run here (the deliveries are jobs), so the
 * dialer's job may place the call before the test's own round does; either way the lead is called once.
 */
@ApiTest
@TestPropertySource(
        properties = {
            "frontdesk.webhooks.allow-private=true",
            "frontdesk.webhooks.retry-delay=1s",
            "frontdesk.jobs.polling-interval=100ms"
        })
class CampaignCallCompletedWebhookTest extends CampaignApiTestSupport {

    static final WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        receiver.start();
        receiver.stubFor(post(urlPathEqualTo("/calls")).willReturn(aResponse().withStatus(204)));
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    @Autowired
    JsonMapper json;

    @Test
    void aCampaignsEndedCallIsDeliveredAsCallCompletedWithItsCampaign() throws Exception {
        var business = api.createBusiness("Campaign call hooks");
        String secret = send(business, "/api/webhooks", """
                        {"url": "%s/calls", "events": ["call.completed"]}""".formatted(receiver.baseUrl()), 201)
                .get("secret")
                .asString();
        String campaign = campaign(business, lead(business, "Dana Smith", "+16175550131"));
        send(business, "/api/campaigns/" + campaign + "/start", "", 200);
        String sid = ringingCall(business, campaign);
        send(business, "/api/sandbox/outbound-calls/" + sid + "/answer", "{\"answeredBy\": \"human\"}", 200);
        send(business, "/api/sandbox/outbound-calls/" + sid + "/end", "{\"status\": \"completed\"}", 200);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !receiver.findAll(postRequestedFor(urlPathEqualTo("/calls")))
                        .isEmpty());
        LoggedRequest delivery =
                receiver.findAll(postRequestedFor(urlPathEqualTo("/calls"))).getFirst();
        assertThat(signedWith(delivery, secret))
                .as("the receiver can check the signature")
                .isTrue();
        JsonNode body = json.readTree(delivery.getBodyAsString());
        assertThat(body.get("type").asString()).isEqualTo("call.completed");
        assertThat(body.get("businessId").asString()).isEqualTo(business.id());
        assertThat(body.at("/data/callSid").asString()).isEqualTo(sid);
        assertThat(body.at("/data/direction").asString()).startsWith("outbound");
        assertThat(body.at("/data/customerPhone").asString()).isEqualTo("+16175550131");
        assertThat(body.at("/data/campaign/id").asString()).isEqualTo(campaign);
        assertThat(body.at("/data/campaign/name").asString()).isEqualTo("Checks");
    }

    /** The campaign's one call, ringing in the sandbox once a dialer round (the job's or this one) placed it. */
    String ringingCall(TestBusiness business, String campaign) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            dialer.tick(UUID.fromString(campaign));
            return !api.getJson("/api/sandbox/outbound-calls?status=ringing", business, 200)
                    .isEmpty();
        });
        List<String> sids = api.getJson("/api/sandbox/outbound-calls?status=ringing", business, 200)
                .valueStream()
                .map(call -> call.get("callSid").asString())
                .toList();
        assertThat(sids).as("the lead is called once").hasSize(1);
        return sids.getFirst();
    }

    /**
     * The signature's HMAC holds for this secret and the exact body; its time is the test's clock (a fixed Monday),
     * so freshness is not checked here ({@code WebhooksApiTest} checks it).
     */
    static boolean signedWith(LoggedRequest request, String secret) throws Exception {
        String header = request.getHeader("X-Frontdesk-Signature");
        String t = header.replaceAll("^t=(\\d+),v1=[0-9a-f]{64}$", "$1");
        String v1 = header.replaceAll("^t=\\d+,v1=([0-9a-f]{64})$", "$1");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = HexFormat.of()
                .formatHex(mac.doFinal((t + "." + request.getBodyAsString()).getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.US_ASCII));
    }
}
