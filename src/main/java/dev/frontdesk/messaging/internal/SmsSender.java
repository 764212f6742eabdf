package dev.frontdesk.messaging.internal;

import dev.frontdesk.messaging.Messages.Purpose;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.BusinessId;

/**
 * Hands one SMS to a provider: Twilio's REST API ({@code FRONTDESK_SMS=twilio}) or the sandbox outbox
 * (the default). Opt-outs, the daily cap and retries are the caller's business.
 */
interface SmsSender {

    /** The provider's name, as recorded in the delivery log ({@code sandbox}, {@code twilio}). */
    String name();

    /**
     * Sends one text and answers the provider's id for it (or null).
     *
     * @param from the business's number the text is sent from; null when the business has none
     * @throws SmsFailure when the provider refused the text or could not be reached
     */
    String send(BusinessId business, PhoneNumber from, PhoneNumber to, String body, Purpose purpose);

    /** A send that did not succeed; {@code transientFailure} says whether trying again may help. */
    final class SmsFailure extends RuntimeException {

        private final boolean transientFailure;

        SmsFailure(String message, boolean transientFailure, Throwable cause) {
            super(message, cause);
            this.transientFailure = transientFailure;
        }

        boolean transientFailure() {
            return transientFailure;
        }
    }
}
