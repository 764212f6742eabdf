package dev.frontdesk.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Which addresses count as public for a webhook, and what the development flag lifts. */
class WebhookUrlsTest {

    @Test
    void onlyPublicAddressesArePublic() throws Exception {
        for (String address : new String[] {
            "127.0.0.1",
            "10.0.0.1",
            "172.31.255.255",
            "192.168.0.1",
            "169.254.169.254",
            "100.64.0.1",
            "100.127.255.255",
            "0.0.0.0",
            "0.1.2.3",
            "192.0.0.8",
            "198.18.0.1",
            "198.19.255.255",
            "224.0.0.1",
            "240.0.0.1",
            "255.255.255.255",
            "::",
            "::1",
            "fe80::1",
            "fc00::1",
            "fd12:3456::1",
            "ff02::1",
            "::ffff:127.0.0.1",
            "64:ff9b::a00:1"
        }) {
            assertThat(WebhookUrls.isPublic(InetAddress.getByName(address)))
                    .as(address)
                    .isFalse();
        }
        for (String address : new String[] {
            "93.184.216.34", "8.8.8.8", "100.128.0.1", "172.32.0.1", "2606:4700::1111", "64:ff9b::808:808"
        }) {
            assertThat(WebhookUrls.isPublic(InetAddress.getByName(address)))
                    .as(address)
                    .isTrue();
        }
    }

    @Test
    void theDevelopmentFlagAllowsHttpAndPrivateAddressesButNotOtherSchemes() {
        assertThat(WebhookUrls.refusal("http://127.0.0.1:8089/hook", true)).isEmpty();
        assertThat(WebhookUrls.refusal("http://localhost/hook", true)).isEmpty();
        assertThat(WebhookUrls.refusal("http://127.0.0.1:8089/hook", false)).contains("must be an https URL");
        assertThat(WebhookUrls.refusal("https://127.0.0.1:8089/hook", false)).isPresent();
        assertThat(WebhookUrls.refusal("file:///etc/passwd", true)).isPresent();
        assertThat(WebhookUrls.refusal("https://93.184.216.34/hook#part", false))
                .contains("must not have a fragment");
        assertThat(WebhookUrls.refusal("https://93.184.216.34/hook?x=1", false)).isEmpty();
    }
}
