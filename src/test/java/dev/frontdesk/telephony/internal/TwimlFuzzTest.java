package dev.frontdesk.telephony.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.support.Fuzz;
import dev.frontdesk.telephony.internal.Twiml.Speaking;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Whatever the assistant says (it may repeat caller text) renders as well-formed TwiML that says exactly
 * that text: no markup injection, no broken XML. And any Twilio form parameters are read without failing.
 */
class TwimlFuzzTest {

    static final List<String> WORDS = List.of(
            "<Say>",
            "</Response>",
            "<Hangup/>",
            "<Dial>+15551234567</Dial>",
            "&amp;",
            "&",
            "]]>",
            "<!--",
            "-->",
            "<?xml",
            "\"",
            "'",
            "hello",
            "world",
            "Dana",
            "O'Brien",
            "café",
            "😀",
            "\u0000",
            "\u0008",
            "\uffff");

    private static Document parse(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anyTextRendersAsWellFormedTwimlWithOneSayAndNoInjectedVerbs() {
        Speaking speaking = Speaking.of("en", null, "en");
        int rounds = Fuzz.run(42L, 5_000, Duration.ofSeconds(6), random -> Fuzz.words(random, WORDS, 12), text -> {
            for (String xml : List.of(
                    Twiml.gather(text, speaking, "/twilio/voice/gather?turn=2"),
                    Twiml.sayAndHangUp(text, speaking),
                    Twiml.message(text))) {
                Document document;
                try {
                    document = parse(xml);
                } catch (Exception e) {
                    throw new AssertionError("not well-formed: " + xml, e);
                }
                assertThat(document.getElementsByTagName("Dial").getLength()).isZero();
                assertThat(document.getElementsByTagName("Say").getLength()
                                + document.getElementsByTagName("Message").getLength())
                        .isLessThanOrEqualTo(1);
            }
        });
        assertThat(rounds).isGreaterThan(100);
    }

    @Test
    void anyFormParametersAreReadWithoutFailing() {
        Fuzz.run(9L, 20_000, Duration.ofSeconds(5), random -> Fuzz.chars(random, 40), text -> {
            Map<String, String> params = new HashMap<>();
            params.put("From", text);
            params.put("To", text);
            params.put("turn", text);
            params.put("Confidence", text);
            var request = new TwilioRequest(params);
            request.phone("From");
            request.integer("turn");
            request.decimal("Confidence");
            SmsWebhookController.keyword(text);
        });
    }
}
