package dev.frontdesk.campaigns.internal;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Say;
import dev.frontdesk.shared.Voices;
import java.util.List;

/** The TwiML of a campaign's call, built with twilio-java's TwiML builders. */
final class OutboundTwiml {

    /** The assistant's gather loop, the same as on calls the business receives. */
    static final String GATHER_ACTION = "/twilio/voice/gather?turn=1";

    private OutboundTwiml() {}

    /** Says the opening while listening; what the person says goes to the assistant's first turn. */
    static String opening(String text, String language) {
        String lang = Openings.language(language);
        var gather = new Gather.Builder()
                .inputs(List.of(Gather.Input.SPEECH, Gather.Input.DTMF))
                .action(GATHER_ACTION)
                .method(HttpMethod.POST)
                .actionOnEmptyResult(true)
                .speechTimeout("auto")
                .option("language", Voices.of(lang).languageTag())
                .say(say(text, lang))
                .build();
        return new VoiceResponse.Builder().gather(gather).build().toXml();
    }

    /** Says the message (when there is one) and hangs up: a voicemail, or nothing at all. */
    static String sayAndHangUp(String text, String language) {
        var response = new VoiceResponse.Builder();
        if (text != null && !text.isBlank()) {
            response.say(say(text, Openings.language(language)));
        }
        return response.hangup(new Hangup.Builder().build()).build().toXml();
    }

    private static Say say(String text, String lang) {
        Voices.Voice voice = Voices.of(lang);
        return new Say.Builder(text)
                .option("language", voice.languageTag())
                .option("voice", voice.voice())
                .build();
    }
}
