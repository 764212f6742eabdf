package dev.frontdesk.telephony.internal;

import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.telephony.TelephonyEvents.CallCompleted;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes a call record on Twilio's final status callback and, when this callback is the one that closed
 * it (not a redelivery), publishes {@link CallCompleted} in the same transaction.
 */
@Component
class CallEndings {

    private final CallRecordRepository calls;
    private final ApplicationEventPublisher events;

    CallEndings(CallRecordRepository calls, ApplicationEventPublisher events) {
        this.calls = calls;
        this.events = events;
    }

    /** Ends the call; the call's record, ended now or before, when there is one. */
    @Transactional
    Optional<CallRecordRepository.CallRecord> end(
            String callSid, String status, Integer durationSeconds, String recordingUrl, Instant at) {
        boolean ended = calls.end(callSid, status, durationSeconds, recordingUrl, at);
        var record = calls.bySid(callSid);
        if (ended && record.isPresent()) {
            var r = record.get();
            boolean outbound = r.direction() != null && r.direction().startsWith("outbound");
            String other = outbound ? r.toNumber() : r.fromNumber();
            events.publishEvent(new CallCompleted(
                    r.businessId(),
                    r.id(),
                    r.callSid(),
                    r.direction(),
                    r.status(),
                    other == null
                            ? null
                            : PhoneNumber.parseStrict(other)
                                    .map(PhoneNumber::e164)
                                    .orElse(null),
                    r.startedAt(),
                    r.endedAt(),
                    r.durationSeconds(),
                    r.campaignId()));
        }
        return record;
    }
}
