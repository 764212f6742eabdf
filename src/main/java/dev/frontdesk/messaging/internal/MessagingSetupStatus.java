package dev.frontdesk.messaging.internal;

import dev.frontdesk.messaging.MessagingSetup;
import org.springframework.stereotype.Service;

/** {@link MessagingSetup} from the messaging settings: which sender is on, whether Twilio is configured. */
@Service
class MessagingSetupStatus implements MessagingSetup {

    private final MessagingProperties properties;

    MessagingSetupStatus(MessagingProperties properties) {
        this.properties = properties;
    }

    @Override
    public Status status() {
        return new Status(
                properties.sms(),
                properties.twilioAccountSid() != null && properties.twilioAuthToken() != null,
                properties.email());
    }
}
