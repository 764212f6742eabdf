package dev.frontdesk.telephony.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Say;
import dev.frontdesk.telephony.internal.Twiml.Speaking;
import org.junit.jupiter.api.Test;

/** The TwiML shapes the webhooks answer, per language, voice and action. */
class TwimlTest {

    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    @Test
    void eachLanguageHasItsSpeechTagAndNeuralVoice() {
        assertThat(Speaking.of("en", null, "en")).isEqualTo(new Speaking("en-US", "Polly.Joanna-Neural"));
        assertThat(Speaking.of("es", null, "en")).isEqualTo(new Speaking("es-US", "Polly.Lupe-Neural"));
        assertThat(Speaking.of("fr", null, "en")).isEqualTo(new Speaking("fr-FR", "Polly.Lea-Neural"));
        assertThat(Speaking.of("de", null, "en")).isEqualTo(new Speaking("de-DE", "Polly.Vicki-Neural"));
        assertThat(Speaking.of("it", null, "en")).isEqualTo(new Speaking("en-US", "Polly.Joanna-Neural"));
        assertThat(Speaking.of(null, null, null)).isEqualTo(new Speaking("en-US", "Polly.Joanna-Neural"));
    }

    @Test
    void theBusinessVoiceIsUsedInItsDefaultLanguage() {
        assertThat(Speaking.of("en", "Polly.Matthew-Neural", "en"))
                .isEqualTo(new Speaking("en-US", "Polly.Matthew-Neural"));
        assertThat(Speaking.of("es", "Polly.Matthew-Neural", "en"))
                .isEqualTo(new Speaking("es-US", "Polly.Lupe-Neural"));
        assertThat(Speaking.of("es", "Polly.Mia-Neural", "es")).isEqualTo(new Speaking("es-US", "Polly.Mia-Neural"));
    }

    @Test
    void aGatherSaysTheReplyAndListensForSpeechAndKeys() {
        assertThat(Twiml.gather(
                        "¿En qué puedo ayudarle?", Speaking.of("es", null, "en"), "/twilio/voice/gather?turn=3"))
                .isEqualTo(XML + "<Response><Gather action=\"/twilio/voice/gather?turn=3\" actionOnEmptyResult=\"true\""
                        + " input=\"speech dtmf\" language=\"es-US\" method=\"POST\" speechTimeout=\"auto\">"
                        + "<Say language=\"es-US\" voice=\"Polly.Lupe-Neural\">¿En qué puedo ayudarle?</Say>"
                        + "</Gather></Response>");
    }

    @Test
    void aVoiceTwilioDoesNotListAsAnEnumConstantIsStillWritten() {
        assertThat(Twiml.sayAndHangUp("Bye", new Speaking("en-US", "Google.en-US-Chirp3-HD-Aoede")))
                .isEqualTo(XML + "<Response><Say language=\"en-US\" voice=\"Google.en-US-Chirp3-HD-Aoede\">Bye</Say>"
                        + "<Hangup/></Response>");
    }

    @Test
    void aTransferDialsTheNumberFromTheBusinessNumber() {
        assertThat(Twiml.sayAndDial(
                        "Connecting you now.",
                        Speaking.of("en", null, "en"),
                        "+16175550142",
                        "+16175550100",
                        "/twilio/voice/status"))
                .isEqualTo(XML
                        + "<Response><Say language=\"en-US\" voice=\"Polly.Joanna-Neural\">Connecting you now.</Say>"
                        + "<Dial action=\"/twilio/voice/status\" callerId=\"+16175550100\" timeout=\"20\">+16175550142</Dial>"
                        + "</Response>");
        assertThat(Twiml.sayAndDial(
                        "", Speaking.of("en", null, "en"), "+16175550142", "+16175550100", "/twilio/voice/status"))
                .doesNotContain("<Say");
    }

    @Test
    void messagesEscapeTheirTextAndAnEmptyReplyIsAnEmptyResponse() {
        assertThat(Twiml.message("Drain & leak <today>"))
                .isEqualTo(XML + "<Response><Message>Drain &amp; leak &lt;today&gt;</Message></Response>");
        assertThat(Twiml.message("")).isEqualTo(XML + "<Response/>");
        assertThat(Twiml.message(null)).isEqualTo(XML + "<Response/>");
    }

    @Test
    void renderingLeavesTheThreadsContextClassLoaderAsItWas() {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        var mine = new ClassLoader(before) {};
        thread.setContextClassLoader(mine);
        try {
            assertThat(Twiml.sayAndHangUp("Goodbye.", Speaking.of("en", null, null)))
                    .isEqualTo(XML + "<Response><Say language=\"en-US\" voice=\"Polly.Joanna-Neural\">Goodbye.</Say>"
                            + "<Hangup/></Response>");
            assertThat(thread.getContextClassLoader()).isSameAs(mine);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void everyVoiceAndLanguageTwilioListsIsWrittenAsChosenOnEveryAnswer() {
        for (int round = 0; round < 2; round++) { // the second round reads the remembered index
            for (Say.Voice voice : Say.Voice.values()) {
                assertThat(Twiml.sayAndHangUp("Bye", new Speaking("en-US", voice.toString())))
                        .contains("<Say language=\"en-US\" voice=\"" + voice + "\">Bye</Say>");
            }
            for (Say.Language language : Say.Language.values()) {
                assertThat(Twiml.sayAndHangUp("Bye", new Speaking(language.toString(), "Polly.Joanna-Neural")))
                        .contains("<Say language=\"" + language + "\" voice=\"Polly.Joanna-Neural\">Bye</Say>");
            }
            for (Gather.Language language : Gather.Language.values()) {
                assertThat(Twiml.gather("Hi", new Speaking(language.toString(), "Polly.Joanna-Neural"), "/g"))
                        .contains("<Gather action=\"/g\"")
                        .contains(" language=\"" + language + "\"");
            }
        }
    }
}
