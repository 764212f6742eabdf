package dev.frontdesk.telephony.internal;

import dev.frontdesk.shared.PhoneNumber;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The form parameters of one Twilio webhook, read the way Twilio documents them. */
record TwilioRequest(Map<String, String> params) {

    static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    /** A parameter, stripped; null when absent or blank. */
    String get(String name) {
        String value = params.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A parameter as an E.164 number; empty for a withheld, client or malformed number. */
    Optional<PhoneNumber> phone(String name) {
        return PhoneNumber.parseStrict(get(name));
    }

    Integer integer(String name) {
        try {
            String value = get(name);
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    Double decimal(String name) {
        try {
            String value = get(name);
            return value == null ? null : Double.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static ResponseEntity<String> twiml(String xml) {
        return ResponseEntity.ok().contentType(XML).body(xml);
    }
}
