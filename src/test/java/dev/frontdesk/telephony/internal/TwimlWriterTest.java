package dev.frontdesk.telephony.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.TwiML;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.messaging.Message;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Pause;
import com.twilio.twiml.voice.Redirect;
import com.twilio.twiml.voice.Say;
import org.junit.jupiter.api.Test;

/** The writer's XML is twilio-java's own {@code toXml()}, character for character. */
class TwimlWriterTest {

    /** Everything a reply or an option value may carry: markup, quotes, accents, emoji, line breaks. */
    private static final String AWKWARD =
            "Tom & Jerry <b> \"q\" 'a' > é ñ ç 😀 line\nnext\ttab \r cr \u2028 \u0085 \u007f";

    @Test
    void everyShapeTheWebhooksAnswerIsWrittenAsTwilioJavaWritesIt() {
        var say = new Say.Builder(AWKWARD)
                .voice(Say.Voice.ALICE)
                .language(Say.Language.ES_US)
                .option("zeta", AWKWARD)
                .option("alpha", "1")
                .build();
        var gather = new Gather.Builder()
                .action("/twilio/voice/gather?turn=3&x=%C3%A9")
                .inputs(java.util.List.of(Gather.Input.SPEECH, Gather.Input.DTMF))
                .speechTimeout("auto")
                .timeout(3)
                .say(say)
                .build();
        same(new VoiceResponse.Builder()
                .gather(gather)
                .pause(new Pause.Builder().length(1).build())
                .redirect(new Redirect.Builder("/twilio/voice/gather?SpeechResult=a+b%26c")
                        .method(HttpMethod.POST)
                        .build())
                .build());
        same(new VoiceResponse.Builder()
                .say(new Say.Builder("Connecting you now.").build())
                .dial(new Dial.Builder("+16175550142")
                        .callerId("+16175550100")
                        .timeout(20)
                        .action("/twilio/voice/status")
                        .build())
                .hangup(new Hangup.Builder().build())
                .build());
        same(new VoiceResponse.Builder().build());
        same(new MessagingResponse.Builder().build());
        same(new MessagingResponse.Builder()
                .message(new Message.Builder(AWKWARD).build())
                .build());
        same(new VoiceResponse.Builder().say(new Say.Builder("").build()).build());
    }

    @Test
    void anyTextIsWrittenAsTwilioJavaWritesIt() {
        qt().withExamples(2_000)
                .forAll(strings().allPossible().ofLengthBetween(0, 12))
                .checkAssert(text -> {
                    TwiML twiml = new MessagingResponse.Builder()
                            .message(new Message.Builder(text).build())
                            .build();
                    sameOrLeftToTwilioJava(twiml);
                });
    }

    @Test
    void anOptionValueIsWrittenAsTwilioJavaWritesIt() {
        qt().withExamples(2_000)
                .forAll(strings().allPossible().ofLengthBetween(0, 12))
                .checkAssert(value -> {
                    TwiML twiml = new VoiceResponse.Builder()
                            .say(new Say.Builder("hi").option("value", value).build())
                            .build();
                    sameOrLeftToTwilioJava(twiml);
                });
    }

    @Test
    void textWithoutCharactersXmlForbidsIsWrittenHereNotLeftToTwilioJava() {
        qt().withExamples(2_000)
                .forAll(strings().betweenCodePoints(0x20, 0xD7FF).ofLengthBetween(0, 12))
                .checkAssert(text -> same(new MessagingResponse.Builder()
                        .message(new Message.Builder(text + "\n\t\r😀").build())
                        .build()));
    }

    /**
     * Whatever the writer writes is what twilio-java writes; what it leaves (answers null: a character XML
     * does not allow, a lone surrogate, U+FFFF) goes to {@code toXml()}, which writes or refuses it.
     */
    private static void sameOrLeftToTwilioJava(TwiML twiml) {
        String written = TwimlWriter.write(twiml);
        String expected;
        try {
            expected = twiml.toXml();
        } catch (RuntimeException e) {
            assertThat(written).as("toXml refused it").isNull();
            return;
        }
        if (written != null) {
            assertThat(written).isEqualTo(expected);
        }
    }

    private static void same(TwiML twiml) {
        assertThat(TwimlWriter.write(twiml)).isNotNull().isEqualTo(twiml.toXml());
    }
}
