package dev.frontdesk.messaging;

/** How texts and emails leave Frontdesk on this installation, for the owner's dashboard. Never a secret. */
public interface MessagingSetup {

    Status status();

    /**
     * @param sms {@code twilio} (Twilio's REST API, from the business's first number) or {@code sandbox}
     *     (texts go to the outbox)
     * @param twilioAccountSet whether a Twilio account (SID and auth token) is configured
     * @param email {@code smtp} or {@code sandbox}
     */
    record Status(String sms, boolean twilioAccountSet, String email) {}
}
