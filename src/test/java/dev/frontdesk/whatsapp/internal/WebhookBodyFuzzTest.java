package dev.frontdesk.whatsapp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.support.Fuzz;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook bodies of any shape: the message extraction never fails on JSON that is not Meta's, and the
 * signature check refuses every header that is not the body's signature.
 */
class WebhookBodyFuzzTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** JSON shaped like Meta's, with random types and values in every place. */
    static String body(Random random) {
        String[] values = {
            "null",
            "1",
            "-1",
            "1e308",
            "true",
            "\"\"",
            "\"text\"",
            "[]",
            "{}",
            "[1,\"a\",null]",
            "\"15550783881\"",
            "\"wamid.x\"",
            "{\"body\": 5}",
            "{\"body\": \"hi\"}"
        };
        java.util.function.Supplier<String> any = () -> values[random.nextInt(values.length)];
        String message = "{\"from\": %s, \"id\": %s, \"type\": %s, \"text\": %s}"
                .formatted(any.get(), any.get(), random.nextBoolean() ? "\"text\"" : any.get(), any.get());
        String value = "{\"metadata\": {\"display_phone_number\": %s, \"phone_number_id\": %s}, \"messages\": %s}"
                .formatted(any.get(), any.get(), random.nextBoolean() ? "[" + message + "]" : any.get());
        return "{\"entry\": %s}"
                .formatted(random.nextBoolean() ? "[{\"changes\": [{\"value\": " + value + "}]}]" : any.get());
    }

    @Test
    void anyJsonIsReadAsTextMessagesOrNothingWithoutFailing() {
        int rounds = Fuzz.run(5L, 20_000, Duration.ofSeconds(8), WebhookBodyFuzzTest::body, text -> {
            JsonNode root;
            try {
                root = JSON.readTree(text);
            } catch (JacksonException notJson) {
                return;
            }
            for (var message : WhatsAppWebhookController.textMessages(root)) {
                assertThat(message.id()).isNotEmpty();
                assertThat(message.from()).isNotEmpty();
                WhatsAppWebhookController.e164(message.displayNumber());
            }
        });
        assertThat(rounds).isGreaterThan(100);
    }

    @Test
    void onlyTheBodysOwnSignatureIsAccepted() {
        Fuzz.run(11L, 20_000, Duration.ofSeconds(5), random -> Fuzz.chars(random, 80), header -> {
            byte[] body = "{\"entry\": []}".getBytes(StandardCharsets.UTF_8);
            assertThat(HubSignature.valid("app-secret", body, header)).isFalse();
        });
        byte[] body = "{\"entry\": []}".getBytes(StandardCharsets.UTF_8);
        assertThat(HubSignature.valid("app-secret", body, HubSignature.sign("app-secret", body)))
                .isTrue();
    }
}
