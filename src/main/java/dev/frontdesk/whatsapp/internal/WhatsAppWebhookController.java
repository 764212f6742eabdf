package dev.frontdesk.whatsapp.internal;

import dev.frontdesk.shared.PhoneNumber;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WhatsApp Cloud API webhook (documented in docs/whatsapp.md, hidden from OpenAPI). {@code GET}
 * answers Meta's verification challenge; {@code POST} carries messages and status updates, signed with
 * {@code X-Hub-Signature-256}; without an app secret the channel is off and both answer 404. A text message to a business's number is a turn of the assistant's
 * WhatsApp conversation with the sender, answered through the Graph API. The POST is acknowledged at
 * once (Meta retries slow answers); the turns run on a virtual thread, each message id once, and a
 * message whose turn died with the process is answered later by {@link WhatsAppResponder}'s job.
 */
@RestController
@Hidden
class WhatsAppWebhookController {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppWebhookController.class);

    private final WhatsAppProperties properties;
    private final WhatsAppResponder responder;
    private final SeenMessageRepository seen;
    private final JsonMapper json;
    private final ExecutorService turns = Executors.newVirtualThreadPerTaskExecutor();

    WhatsAppWebhookController(
            WhatsAppProperties properties, WhatsAppResponder responder, SeenMessageRepository seen, JsonMapper json) {
        this.properties = properties;
        this.responder = responder;
        this.seen = seen;
        this.json = json;
        if (!properties.enabled()) {
            log.info("FRONTDESK_WHATSAPP_APP_SECRET is not set: the WhatsApp channel is off and /whatsapp/webhook"
                    + " answers 404");
        }
    }

    /** Without an app secret nothing could prove a post comes from Meta: the channel does not exist. */
    private static <T> ResponseEntity<T> channelOff() {
        return ResponseEntity.notFound().build();
    }

    /** A text message found in a webhook. */
    record TextMessage(String displayNumber, String phoneNumberId, String from, String id, String body) {}

    @GetMapping(value = "/whatsapp/webhook", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> verify(
            @RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String token,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        if (!properties.enabled()) {
            return channelOff();
        }
        boolean matches = properties.verifyToken() != null
                && token != null
                && MessageDigest.isEqual(
                        properties.verifyToken().getBytes(StandardCharsets.UTF_8),
                        token.getBytes(StandardCharsets.UTF_8));
        if ("subscribe".equals(mode) && matches && challenge != null) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
        }
        log.warn("Refused a WhatsApp webhook verification with a wrong or missing verify token");
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .contentType(MediaType.TEXT_PLAIN)
                .body("Forbidden");
    }

    @PostMapping("/whatsapp/webhook")
    ResponseEntity<Void> receive(
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "X-Hub-Signature-256", required = false) String signature) {
        if (!properties.enabled()) {
            return channelOff();
        }
        byte[] raw = body == null ? new byte[0] : body;
        if (!HubSignature.valid(properties.appSecret(), raw, signature)) {
            log.warn("Rejected a POST to /whatsapp/webhook with a missing or wrong X-Hub-Signature-256");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        List<TextMessage> messages;
        try {
            messages = textMessages(json.readTree(raw));
        } catch (JacksonException e) {
            log.warn("A WhatsApp webhook that is not JSON was ignored");
            return ResponseEntity.ok().build();
        }
        for (TextMessage message : messages) {
            if (seen.claim(message)) {
                turns.execute(() -> responder.answer(message));
            } else {
                log.info("A redelivered WhatsApp message was ignored");
            }
        }
        return ResponseEntity.ok().build();
    }

    /** The text messages of a webhook; status updates and other message types are left out. */
    static List<TextMessage> textMessages(JsonNode root) {
        List<TextMessage> found = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                String display =
                        value.path("metadata").path("display_phone_number").asString("");
                String numberId = value.path("metadata").path("phone_number_id").asString("");
                for (JsonNode message : value.path("messages")) {
                    String type = message.path("type").asString("");
                    String id = message.path("id").asString("");
                    String from = message.path("from").asString("");
                    if (!"text".equals(type) || id.isEmpty() || from.isEmpty()) {
                        continue;
                    }
                    found.add(new TextMessage(
                            display,
                            numberId,
                            from,
                            id,
                            message.path("text").path("body").asString("")));
                }
            }
        }
        return found;
    }

    /** {@code 15550783881} or {@code +1 555-078-3881} as E.164. */
    static Optional<PhoneNumber> e164(String number) {
        String digits = number == null ? "" : number.replaceAll("\\D", "");
        return digits.isEmpty() ? Optional.empty() : PhoneNumber.parseStrict("+" + digits);
    }

    @PreDestroy
    void finishTurns() {
        turns.close();
    }
}
