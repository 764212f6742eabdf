package dev.frontdesk.telephony.internal;

import dev.frontdesk.telephony.TwilioSetup;
import org.springframework.stereotype.Service;

/** {@link TwilioSetup} from the telephony settings; the auth token itself never leaves them. */
@Service
class TwilioSetupStatus implements TwilioSetup {

    private final TelephonyProperties properties;

    TwilioSetupStatus(TelephonyProperties properties) {
        this.properties = properties;
    }

    @Override
    public Status status() {
        String base = properties.publicBaseUrl();
        return new Status(
                properties.signaturesChecked(),
                base == null ? null : base + "/twilio/voice",
                base == null ? null : base + "/twilio/sms");
    }
}
