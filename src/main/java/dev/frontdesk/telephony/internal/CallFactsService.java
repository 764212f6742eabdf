package dev.frontdesk.telephony.internal;

import dev.frontdesk.telephony.Calls;
import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Answers {@link Calls} from the call records, scoped by business. */
@Service
class CallFactsService implements Calls {

    private final CallRecordRepository calls;
    private final CallEndings endings;

    CallFactsService(CallRecordRepository calls, CallEndings endings) {
        this.calls = calls;
        this.endings = endings;
    }

    @Override
    public void outboundAnswered(
            BusinessId business, String callSid, String from, String to, String language, Instant at) {
        if (callSid != null) {
            calls.start(business, callSid, from, to, "outbound-api", language, at);
        }
    }

    @Override
    public void outboundEnded(String callSid, String status, Integer durationSeconds, Instant at) {
        String ended = status == null ? "" : status.strip().toLowerCase(java.util.Locale.ROOT);
        if (callSid != null && VoiceWebhookController.ENDED.contains(ended)) {
            endings.end(callSid, ended, durationSeconds, null, at);
        }
    }

    @Override
    public List<LiveCall> inProgress(BusinessId business, Instant since, int limit) {
        return calls.inProgress(business, since, limit).stream()
                .map(c -> {
                    boolean outbound = c.direction() != null && c.direction().startsWith("outbound");
                    return new LiveCall(
                            c.callSid(),
                            outbound ? c.toNumber() : c.fromNumber(),
                            outbound,
                            c.startedAt(),
                            c.language());
                })
                .toList();
    }

    @Override
    public Optional<CallFacts> call(BusinessId business, String callSid) {
        if (callSid == null) {
            return Optional.empty();
        }
        return calls.bySid(callSid)
                .filter(c -> c.businessId().equals(business))
                .map(c -> new CallFacts(c.durationSeconds(), c.recordingUrl()));
    }
}
