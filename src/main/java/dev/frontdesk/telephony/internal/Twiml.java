package dev.frontdesk.telephony.internal;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.messaging.Message;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Pause;
import com.twilio.twiml.voice.Redirect;
import com.twilio.twiml.voice.Say;
import dev.frontdesk.shared.Voices;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The TwiML the webhooks answer, built with twilio-java's TwiML builders. */
final class Twiml {

    static final String APOLOGY = "Sorry, something went wrong on our side. Please call back in a few minutes.";
    static final String SMS_APOLOGY = "Sorry, something went wrong on our side. Please try again in a few minutes.";

    /** Where the XML factories are looked up: the JDK's own (see {@link #xml}). */
    private static final ClassLoader JDK_XML = ClassLoader.getPlatformClassLoader();

    /** twilio-java's voices and languages by wire value, indexed once (see {@link #byTag}). */
    private static final Map<String, Say.Voice> SAY_VOICES = byTag(Say.Voice.class);

    private static final Map<String, Say.Language> SAY_LANGUAGES = byTag(Say.Language.class);

    private static final Map<String, Gather.Language> GATHER_LANGUAGES = byTag(Gather.Language.class);

    private Twiml() {}

    /** How the assistant speaks on this call: the conversation language's tag and voice. */
    record Speaking(String languageTag, String voice) {

        /**
         * @param language the conversation language ({@code en}, {@code es}, {@code fr}); English when unknown
         * @param businessVoice the business's chosen voice, used for its default language; may be empty
         * @param businessLanguage the business's default language
         */
        static Speaking of(String language, String businessVoice, String businessLanguage) {
            String lang = Voices.language(language);
            Voices.Voice spoken = Voices.of(lang);
            String voice = spoken.voice();
            boolean businessLanguageSpoken = businessLanguage == null || businessLanguage.equalsIgnoreCase(lang);
            if (businessVoice != null && !businessVoice.isBlank() && businessLanguageSpoken) {
                voice = businessVoice.strip();
            }
            return new Speaking(spoken.languageTag(), voice);
        }
    }

    /** Says {@code text} while listening for speech or keys; what is heard goes to {@code action}. */
    static String gather(String text, Speaking speaking, String action) {
        return gather(text, speaking, action, null);
    }

    /**
     * Holds the call while the assistant finishes a turn: {@code text} (or nothing), still listening, and
     * after {@value #HOLD_LISTEN_SECONDS} s without speech Twilio posts the silence to {@code action}, which
     * asks again whether the answer is ready; what the caller says meanwhile goes there too, and is queued.
     */
    static String holdListening(String text, Speaking speaking, String action) {
        return gather(text, speaking, action, HOLD_LISTEN_SECONDS);
    }

    static final int HOLD_LISTEN_SECONDS = 2;

    /**
     * Says {@code text} (the first sentence of an answer still being written), then Twilio posts to
     * {@code redirect} at once, on the same call, for the rest.
     */
    static String sayAndRedirect(String text, Speaking speaking, String redirect) {
        var response = new VoiceResponse.Builder();
        if (text != null && !text.isBlank()) {
            response.say(say(text, speaking));
        }
        return xml(response.redirect(
                        new Redirect.Builder(redirect).method(HttpMethod.POST).build())
                .build());
    }

    private static String gather(String text, Speaking speaking, String action, Integer timeout) {
        var gather = new Gather.Builder()
                .inputs(List.of(Gather.Input.SPEECH, Gather.Input.DTMF))
                .action(action)
                .method(HttpMethod.POST)
                .actionOnEmptyResult(true)
                .speechTimeout("auto");
        if (timeout != null) {
            gather.timeout(timeout);
        }
        Gather.Language language = constant(GATHER_LANGUAGES, speaking.languageTag());
        if (language != null) {
            gather.language(language);
        } else {
            gather.option("language", speaking.languageTag());
        }
        if (text != null && !text.isBlank()) {
            gather.say(say(text, speaking));
        }
        return xml(new VoiceResponse.Builder().gather(gather.build()).build());
    }

    /** Says {@code text} and ends the call. */
    static String sayAndHangUp(String text, Speaking speaking) {
        var response = new VoiceResponse.Builder();
        if (text != null && !text.isBlank()) {
            response.say(say(text, speaking));
        }
        return xml(response.hangup(new Hangup.Builder().build()).build());
    }

    /** Says {@code text}, then connects the caller to {@code number}, showing {@code callerId}. */
    static String sayAndDial(String text, Speaking speaking, String number, String callerId, String action) {
        return sayAndDial(text, speaking, number, callerId, action, null);
    }

    /**
     * Says {@code text}, then connects the caller to {@code number}; when {@code whisperUrl} is given, the
     * person called first hears the whisper there (and may decline) before the calls are joined.
     */
    static String sayAndDial(
            String text, Speaking speaking, String number, String callerId, String action, String whisperUrl) {
        var response = new VoiceResponse.Builder();
        if (text != null && !text.isBlank()) {
            response.say(say(text, speaking));
        }
        var dial = whisperUrl == null
                ? new Dial.Builder(number)
                : new Dial.Builder()
                        .number(new com.twilio.twiml.voice.Number.Builder(number)
                                .url(whisperUrl)
                                .method(HttpMethod.POST)
                                .build());
        dial.timeout(20).action(action);
        if (callerId != null && !callerId.isBlank()) {
            dial.callerId(callerId);
        }
        return xml(response.dial(dial.build()).build());
    }

    /**
     * What the person a call is transferred to hears before being connected: who is calling and why, and
     * to press 1 to take the call; anything else (or nothing) declines it.
     */
    static String whisper(String whisper, String answerAction) {
        var gather = new Gather.Builder()
                .inputs(List.of(Gather.Input.DTMF))
                .numDigits(1)
                .timeout(6)
                .action(answerAction)
                .method(HttpMethod.POST)
                .say(new Say.Builder(xmlSafe(whisper) + ". Press 1 to take the call.").build());
        return xml(new VoiceResponse.Builder()
                .gather(gather.build())
                .say(new Say.Builder("The caller will be offered to leave a message. Goodbye.").build())
                .hangup(new Hangup.Builder().build())
                .build());
    }

    /**
     * Holds the call while the node is busy: {@code text} (or, when null, a second of silence), then Twilio
     * posts to {@code redirect} again, on the same call.
     */
    static String hold(String text, String redirect) {
        var response = new VoiceResponse.Builder();
        if (text != null && !text.isBlank()) {
            response.say(say(text, Speaking.of("en", null, null)));
        } else {
            response.pause(new Pause.Builder().length(1).build());
        }
        return xml(response.redirect(
                        new Redirect.Builder(redirect).method(HttpMethod.POST).build())
                .build());
    }

    /** An empty answer: on the whisper leg, it lets Twilio join the two calls. */
    static String empty() {
        return xml(new VoiceResponse.Builder().build());
    }

    /** The answer to a failure: an apology, then a polite end of the call. */
    static String apology() {
        return sayAndHangUp(APOLOGY, Speaking.of("en", null, null));
    }

    /** One text message back to the sender; an empty response when there is nothing to say. */
    static String message(String text) {
        var response = new MessagingResponse.Builder();
        if (text != null && !text.isBlank()) {
            response.message(new Message.Builder(xmlSafe(text)).build());
        }
        return xml(response.build());
    }

    /**
     * The text without the characters XML 1.0 cannot carry (controls other than tab and line breaks, lone
     * surrogates, U+FFFE/U+FFFF): a caller's words repeated back must never break the TwiML.
     */
    static String xmlSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            boolean allowed = c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || c >= 0x10000;
            if (allowed) {
                safe.appendCodePoint(c);
            }
        }
        return safe.toString();
    }

    private static Say say(String text, Speaking speaking) {
        var say = new Say.Builder(xmlSafe(text));
        Say.Voice voice = constant(SAY_VOICES, speaking.voice());
        if (voice != null) {
            say.voice(voice);
        } else {
            say.option("voice", speaking.voice());
        }
        Say.Language language = constant(SAY_LANGUAGES, speaking.languageTag());
        if (language != null) {
            say.language(language);
        } else {
            say.option("language", speaking.languageTag());
        }
        return say.build();
    }

    /**
     * A twilio-java enum's constants by wire value (the first constant with a value, as a scan finds). Built
     * once: {@code Say.Voice} has hundreds of constants, and scanning them for every answer cost about 1.5% of
     * a node's Java samples under load (docs/performance.md, Fix 7).
     */
    private static <E extends Enum<E>> Map<String, E> byTag(Class<E> type) {
        var index = new HashMap<String, E>();
        for (E value : type.getEnumConstants()) {
            index.putIfAbsent(value.toString(), value);
        }
        return Map.copyOf(index);
    }

    /** The constant whose wire value is {@code tag}, or null. */
    private static <E> E constant(Map<String, E> byTag, String tag) {
        return tag == null ? null : byTag.get(tag);
    }

    /**
     * The XML of a TwiML document: written by {@link TwimlWriter}, the same XML as twilio-java's
     * {@code toXml()} at a fraction of its cost; {@code toXml()} itself only when the writer cannot (a
     * character XML does not allow, which {@code toXml()} reports).
     *
     * <p>{@code toXml()} creates a {@code DocumentBuilderFactory} and a {@code TransformerFactory} on every
     * call, and each {@code newInstance()} asks {@code ServiceLoader} for providers through the thread's
     * context class loader: on a request thread that is the web application's loader, which scans every
     * nested jar of the packaged application for {@code META-INF/services} files. No jar of the application
     * provides either factory, so the answer is always the JDK's own; with the platform class loader as
     * context loader the look-up stays inside the JDK's modules and finds the same factories.
     */
    private static String xml(com.twilio.twiml.TwiML twiml) {
        String written = TwimlWriter.write(twiml);
        if (written != null) {
            return written;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(JDK_XML);
        try {
            return twiml.toXml();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
