package dev.frontdesk.telephony;

/** Whether Twilio can reach this installation's voice and SMS webhooks, for the owner's dashboard. */
public interface TwilioSetup {

    Status status();

    /**
     * @param webhooksOn whether {@code TWILIO_AUTH_TOKEN} is set: without it {@code /twilio/**} answers 404
     * @param voiceUrl the URL to set as the Twilio number's voice webhook; null without {@code
     *     FRONTDESK_PUBLIC_BASE_URL}
     * @param smsUrl the URL to set as its messaging webhook; null without {@code FRONTDESK_PUBLIC_BASE_URL}
     */
    record Status(boolean webhooksOn, String voiceUrl, String smsUrl) {}
}
