package dev.frontdesk.telephony.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What a voice webhook answers when it is shed ({@link TurnPermits}): "One moment, please." and a
 * {@code <Redirect>} back to the same webhook, so Twilio asks again a moment later on the same call.
 *
 * <p>Nothing the caller said is lost. A {@code <Redirect>} request carries the call's parameters but not
 * the {@code <Gather>} result, so the redirect URL carries them: {@code SpeechResult}, {@code Confidence}
 * and {@code Digits} in its query (Twilio signs the whole URL, query included, so they are as trustworthy
 * as the original post; the servlet reads query values first). The same goes for {@code StirVerstat} on the
 * greeting. The request is shed before it claims its idempotency key, so nothing is stored for it: the
 * redirected request, with the same CallSid and turn, is the turn's first delivery — or, if an earlier
 * delivery of the same turn was answered, it gets that answer and the assistant does not hear it twice.
 *
 * <p>{@code held} counts the holds of one turn: the first says "One moment, please.", the next ones are a
 * second of silence each, and after {@link #MAX_HOLDS} the caller hears an apology and the call ends
 * rather than waiting in silence for ever.
 */
final class VoiceHold {

    static final String ONE_MOMENT = "One moment, please.";
    static final String TOO_BUSY = "Sorry, we're very busy right now. Please call back in a few minutes. Goodbye.";
    /** About 15 to 20 seconds of holding (each hold waits for a permit, then a second on the line). */
    static final int MAX_HOLDS = 10;

    private VoiceHold() {}

    /** The shed answer to the greeting webhook ({@code /twilio/voice}). */
    static String greeting(TwilioRequest request) {
        return twiml(request, "/twilio/voice?held=" + (held(request) + 1) + carried(request, "StirVerstat"));
    }

    /** The shed answer to turn {@code turn} ({@code /twilio/voice/gather}). */
    static String gather(TwilioRequest request, int turn) {
        return twiml(
                request,
                VoiceWebhookController.GATHER_ACTION
                        + turn
                        + "&held="
                        + (held(request) + 1)
                        + carried(request, "SpeechResult", "Confidence", "Digits"));
    }

    private static String twiml(TwilioRequest request, String redirect) {
        int held = held(request);
        if (held >= MAX_HOLDS) {
            return Twiml.sayAndHangUp(TOO_BUSY, Twiml.Speaking.of("en", null, null));
        }
        return Twiml.hold(held == 0 ? ONE_MOMENT : null, redirect);
    }

    /** How many times this turn was held already (the {@code held} query parameter of a redirect). */
    static int held(TwilioRequest request) {
        Integer held = request.integer("held");
        return held == null || held < 0 ? 0 : held;
    }

    /**
     * Percent-encoded, a space as {@code %20} and a plus as {@code %2B}: read the same by a container that
     * decodes a query's {@code +} as a space (Tomcat) and by one that does not.
     */
    private static String carried(TwilioRequest request, String... names) {
        var query = new StringBuilder();
        for (String name : names) {
            String value = request.params().get(name);
            if (value != null) {
                query.append('&')
                        .append(name)
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        return query.toString();
    }
}
