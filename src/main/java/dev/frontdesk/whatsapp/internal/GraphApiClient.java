package dev.frontdesk.whatsapp.internal;

import dev.frontdesk.shared.LogSafe;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.json.JsonMapper;

/** Sends WhatsApp text messages through the Graph API: {@code POST /{phone-number-id}/messages}. */
@Component
class GraphApiClient {

    private static final Logger log = LoggerFactory.getLogger(GraphApiClient.class);

    private final WhatsAppProperties properties;
    private final JsonMapper json;
    private final RestClient rest;

    GraphApiClient(WhatsAppProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        // bounded waits: a stalled Graph API must not hold a reply thread forever
        var requests = new JdkClientHttpRequestFactory(java.net.http.HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .build());
        requests.setReadTimeout(Duration.ofSeconds(10));
        this.rest = RestClient.builder()
                .baseUrl(properties.graphUrl())
                .requestFactory(requests)
                .build();
    }

    /** Sends {@code text} to {@code to} (digits, as WhatsApp writes it) from the business number with this id. */
    boolean sendText(String phoneNumberId, String to, String text) {
        if (properties.accessToken() == null) {
            log.warn("FRONTDESK_WHATSAPP_ACCESS_TOKEN is not set: a WhatsApp reply was not sent");
            return false;
        }
        String body = json.writeValueAsString(Map.of(
                "messaging_product", "whatsapp",
                "recipient_type", "individual",
                "to", to,
                "type", "text",
                "text", Map.of("preview_url", false, "body", text)));
        try {
            rest.post()
                    .uri("/{id}/messages", phoneNumberId)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + properties.accessToken())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .toBodilessEntity();
            return true;
        } catch (RestClientException e) {
            log.error("The Graph API refused a WhatsApp reply: {}", LogSafe.of(e.getMessage()));
            return false;
        }
    }
}
