package dev.frontdesk.campaigns.internal;

import dev.frontdesk.campaigns.Campaigns;
import dev.frontdesk.crm.Customers;
import dev.frontdesk.crm.Lead;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.tenants.BusinessId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Creating campaigns, moving them (start, pause, resume, stop) and reading where they stand. */
@Service
class CampaignService implements Campaigns {

    static final int MAX_LEADS = 100_000;

    private final CampaignRepository campaigns;
    private final CampaignLogRepository log;
    private final Customers customers;
    private final DialerJobs.DialerPlanner planner;
    private final Clock clock;
    private final TransactionTemplate transactions;

    CampaignService(
            CampaignRepository campaigns,
            CampaignLogRepository log,
            Customers customers,
            DialerJobs.DialerPlanner planner,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.campaigns = campaigns;
        this.log = log;
        this.customers = customers;
        this.planner = planner;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** A DRAFT campaign with its leads: the ones listed, or those the filter finds. */
    Campaign create(BusinessId business, CampaignJson.Request request) {
        CampaignInput input = CampaignInput.read(request);
        return transactions.execute(status -> {
            List<Lead> leads = customers.leads(
                    business, input.filter(), input.leadIds(), input.leadIds() == null ? MAX_LEADS + 1 : MAX_LEADS);
            if (input.leadIds() != null && leads.size() < input.leadIds().size()) {
                throw FrontdeskException.validation(List.of(new FieldError(
                        "leadIds",
                        (input.leadIds().size() - leads.size()) + " of the ids are not leads of the business")));
            }
            if (leads.isEmpty()) {
                throw FrontdeskException.validation(List.of(new FieldError("filter", "no lead matches")));
            }
            if (leads.size() > MAX_LEADS) {
                throw FrontdeskException.validation(
                        List.of(new FieldError("filter", "matches more than " + MAX_LEADS + " leads; narrow it")));
            }
            Instant now = clock.instant();
            var campaign = new Campaign(
                    UUID.randomUUID(),
                    business,
                    input.name(),
                    input.purpose(),
                    Campaign.Status.DRAFT,
                    input.window(),
                    input.maxConcurrentCalls(),
                    input.callsPerMinute(),
                    input.retryAttempts(),
                    input.retryBackoffMinutes(),
                    input.voicemail(),
                    input.openingScript(),
                    now,
                    now);
            campaigns.insert(campaign);
            campaigns.insertLeads(campaign, leads);
            return campaign;
        });
    }

    /** Starts, pauses, resumes or stops the campaign; a move its status does not allow is a 409. */
    Campaign move(BusinessId business, UUID id, Campaign.Move move) {
        Campaign moved = transactions.execute(status -> {
            Campaign campaign = campaigns.find(business, id, true).orElseThrow(() -> notFound(id));
            Campaign.Status next = Campaign.next(campaign.status(), move);
            if (next == null) {
                throw FrontdeskException.conflict(
                                "campaign-state",
                                "Not possible in this state",
                                "A " + campaign.status() + " campaign cannot "
                                        + move.name().toLowerCase() + ".")
                        .with("status", campaign.status().name());
            }
            Instant now = clock.instant();
            campaigns.move(id, campaign.status(), next, now);
            if (move == Campaign.Move.START) {
                var queued = campaigns.customers(id, Campaign.LeadState.QUEUED);
                for (int i = 0; i < queued.size(); i += 1000) {
                    customers.moveInFunnel(
                            business, queued.subList(i, Math.min(queued.size(), i + 1000)), Lead.Stage.QUEUED);
                }
            }
            return withStatus(campaign, next, now);
        });
        // after the commit, so that the job sees the campaign's new status
        if (moved.status() == Campaign.Status.RUNNING) {
            planner.run(id);
        } else {
            planner.drop(id);
        }
        return moved;
    }

    /**
     * Changes a DRAFT or PAUSED campaign's settings: the fields given replace the campaign's, the others stay
     * (an empty {@code openingScript} removes it). Its leads cannot change; any other status is a 409.
     */
    Campaign change(BusinessId business, UUID id, CampaignJson.Request patch) {
        if (patch == null) {
            throw FrontdeskException.badRequest(
                    "malformed-body", "Malformed request body", "The request body must be a JSON object");
        }
        return transactions.execute(status -> {
            Campaign c = campaigns.find(business, id, true).orElseThrow(() -> notFound(id));
            if (c.status() != Campaign.Status.DRAFT && c.status() != Campaign.Status.PAUSED) {
                throw FrontdeskException.conflict(
                                "campaign-state",
                                "Not possible in this state",
                                "Only a DRAFT or PAUSED campaign can be changed; this one is " + c.status() + ".")
                        .with("status", c.status().name());
            }
            if (patch.leadIds() != null || patch.filter() != null) {
                throw FrontdeskException.validation(List.of(new FieldError(
                        patch.leadIds() != null ? "leadIds" : "filter",
                        "the leads of a campaign cannot be changed; create another campaign")));
            }
            var window = patch.window() == null ? new CampaignJson.Window(null, null) : patch.window();
            var retry = patch.retry() == null ? new CampaignJson.Retry(null, null) : patch.retry();
            var merged = new CampaignJson.Request(
                    or(patch.name(), c.name()),
                    or(patch.purpose(), c.purpose()),
                    null,
                    null,
                    new CampaignJson.Window(
                            or(window.start(), c.window().start().toString()),
                            or(window.end(), c.window().end().toString())),
                    or(patch.maxConcurrentCalls(), c.maxConcurrentCalls()),
                    patch.pacing() != null ? patch.pacing() : new CampaignJson.Pacing(c.callsPerMinute()),
                    new CampaignJson.Retry(
                            or(retry.attempts(), c.retryAttempts()),
                            or(retry.backoffMinutes(), c.retryBackoffMinutes())),
                    or(patch.voicemail(), c.voicemail().name()),
                    patch.openingScript() == null ? c.openingScript() : patch.openingScript());
            CampaignInput input = CampaignInput.read(merged);
            var changed = new Campaign(
                    c.id(),
                    c.businessId(),
                    input.name(),
                    input.purpose(),
                    c.status(),
                    input.window(),
                    input.maxConcurrentCalls(),
                    input.callsPerMinute(),
                    input.retryAttempts(),
                    input.retryBackoffMinutes(),
                    input.voicemail(),
                    input.openingScript(),
                    c.createdAt(),
                    clock.instant());
            log.change(changed);
            return changed;
        });
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    Campaign get(BusinessId business, UUID id) {
        return campaigns.find(business, id, false).orElseThrow(() -> notFound(id));
    }

    PageResponse<Campaign> list(BusinessId business, PageQuery page) {
        return PageResponse.of(campaigns.page(business, page), campaigns.count(business), page);
    }

    Counts counts(UUID campaign) {
        return campaigns.counts(campaign);
    }

    @Override
    public Optional<Progress> progress(BusinessId business, UUID campaign) {
        return campaigns
                .find(business, campaign, false)
                .map(c -> new Progress(c.id(), c.status().name(), campaigns.counts(c.id())));
    }

    @Override
    public Optional<String> campaignOfCall(BusinessId business, String callSid) {
        return callSid == null ? Optional.empty() : campaigns.nameOfCall(business, callSid);
    }

    @Override
    public List<Active> active(BusinessId business) {
        return campaigns.active(business).stream()
                .map(c -> new Active(c.id(), c.name(), c.status().name(), campaigns.counts(c.id())))
                .toList();
    }

    private static Campaign withStatus(Campaign c, Campaign.Status status, Instant at) {
        return new Campaign(
                c.id(),
                c.businessId(),
                c.name(),
                c.purpose(),
                status,
                c.window(),
                c.maxConcurrentCalls(),
                c.callsPerMinute(),
                c.retryAttempts(),
                c.retryBackoffMinutes(),
                c.voicemail(),
                c.openingScript(),
                c.createdAt(),
                at);
    }

    private static FrontdeskException notFound(UUID id) {
        return FrontdeskException.notFound("Campaign " + id);
    }
}
