package dev.frontdesk.telephony.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

class VoiceHoldTest {

    private static String redirect(String twiml) {
        var matcher = java.util.regex.Pattern.compile("<Redirect method=\"POST\">(.*?)</Redirect>")
                .matcher(twiml);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }

    private static Map<String, String> query(String url, boolean plusIsSpace) {
        var decoded = new LinkedHashMap<String, String>();
        UriComponentsBuilder.fromUriString(url)
                .build()
                .getQueryParams()
                .forEach((name, values) -> decoded.put(
                        name,
                        plusIsSpace
                                ? URLDecoder.decode(values.getFirst(), StandardCharsets.UTF_8)
                                : UriUtils.decode(values.getFirst(), StandardCharsets.UTF_8)));
        return decoded;
    }

    @Test
    void theHeldWordsComeBackTheSameWhetherTheContainerReadsAPlusAsASpaceOrNot() {
        var request = new TwilioRequest(Map.of(
                "SpeechResult", "C++ & 50% off, é? #1",
                "Confidence", "0.87",
                "Digits", "12#",
                "CallSid", "CA1"));
        String url = redirect(VoiceHold.gather(request, 4));
        assertThat(url).startsWith("/twilio/voice/gather?turn=4&held=1&");
        for (boolean plusIsSpace : new boolean[] {true, false}) {
            var query = query(url, plusIsSpace);
            assertThat(query)
                    .containsEntry("turn", "4")
                    .containsEntry("held", "1")
                    .containsEntry("SpeechResult", "C++ & 50% off, é? #1")
                    .containsEntry("Confidence", "0.87")
                    .containsEntry("Digits", "12#")
                    .doesNotContainKey("CallSid");
        }
    }

    @Test
    void silenceIsHeldAsSilence() {
        String url = redirect(VoiceHold.gather(new TwilioRequest(Map.of("CallSid", "CA1")), 2));
        assertThat(url).isEqualTo("/twilio/voice/gather?turn=2&held=1");
    }

    @Test
    void theFirstHoldSpeaksTheNextOnesPauseAndTheLastApologisesAndHangsUp() {
        String first = VoiceHold.gather(new TwilioRequest(Map.of()), 1);
        assertThat(first).contains(">One moment, please.</Say>").doesNotContain("<Pause");
        String second = VoiceHold.gather(new TwilioRequest(Map.of("held", "1")), 1);
        assertThat(second).contains("<Pause length=\"1\"/>").doesNotContain("<Say");
        assertThat(redirect(second)).contains("held=2");
        String last = VoiceHold.greeting(new TwilioRequest(Map.of("held", String.valueOf(VoiceHold.MAX_HOLDS))));
        assertThat(last).contains(VoiceHold.TOO_BUSY).contains("<Hangup/>").doesNotContain("<Redirect");
    }
}
