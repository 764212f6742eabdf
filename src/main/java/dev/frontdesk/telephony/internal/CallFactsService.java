package dev.frontdesk.telephony.internal;

import dev.frontdesk.telephony.Calls;
import dev.frontdesk.tenants.BusinessId;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Answers {@link Calls} from the call records, scoped by business. */
@Service
class CallFactsService implements Calls {

    private final CallRecordRepository calls;

    CallFactsService(CallRecordRepository calls) {
        this.calls = calls;
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
