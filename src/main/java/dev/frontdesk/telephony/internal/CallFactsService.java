package dev.frontdesk.telephony.internal;

import dev.frontdesk.telephony.Calls;
import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Answers {@link Calls} from the call records, scoped by business. */
@Service
class CallFactsService implements Calls {

    private final CallRecordRepository calls;
    private final CallEndings endings;
    private final CallCampaignNames campaigns;

    CallFactsService(CallRecordRepository calls, CallEndings endings, CallCampaignNames campaigns) {
        this.calls = calls;
        this.endings = endings;
        this.campaigns = campaigns;
    }

    @Override
    public List<CallCampaign> campaignsWithCalls(BusinessId business) {
        return campaigns.of(business, calls.campaigns(business)).values().stream()
                .sorted(java.util.Comparator.comparing(
                                (CallCampaign c) -> c.name() == null ? "" : c.name(), String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(CallCampaign::id))
                .toList();
    }

    @Override
    public void outboundAnswered(
            BusinessId business, UUID campaign, String callSid, String from, String to, String language, Instant at) {
        if (callSid != null) {
            calls.start(business, campaign, callSid, from, to, "outbound-api", language, at);
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
                .map(c -> new CallFacts(c.durationSeconds(), c.recordingUrl(), campaigns.of(business, c.campaignId())));
    }

    @Override
    public Map<String, CallCampaign> campaigns(BusinessId business, Collection<String> callSids) {
        Map<String, UUID> bySid = calls.campaignsBySid(
                business, callSids.stream().filter(Objects::nonNull).distinct().toList());
        Map<UUID, CallCampaign> named = campaigns.of(business, bySid.values());
        return bySid.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> named.get(e.getValue())));
    }
}
