package dev.frontdesk.campaigns.internal;

import dev.frontdesk.campaigns.CampaignDesk;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.tenants.BusinessId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The dashboard's way to the campaigns: the same service, rules and messages as the JSON API. */
@Service
class CampaignDeskService implements CampaignDesk {

    private final CampaignService campaigns;
    private final CampaignRepository repository;
    private final CampaignLogRepository log;

    CampaignDeskService(CampaignService campaigns, CampaignRepository repository, CampaignLogRepository log) {
        this.campaigns = campaigns;
        this.repository = repository;
        this.log = log;
    }

    @Override
    public PageResponse<Summary> list(BusinessId business, PageQuery page) {
        return campaigns.list(business, page).map(this::summary);
    }

    @Override
    public Optional<Summary> find(BusinessId business, UUID campaign) {
        return repository.find(business, campaign, false).map(this::summary);
    }

    @Override
    public Saved create(BusinessId business, Draft draft) {
        try {
            return new Saved(campaigns.create(business, request(draft)).id(), List.of());
        } catch (FrontdeskException e) {
            if (!"validation".equals(e.type())) {
                throw e;
            }
            return new Saved(null, errors(e));
        }
    }

    @Override
    public Optional<Summary> move(BusinessId business, UUID campaign, String move) {
        Campaign.Move parsed;
        try {
            parsed = Campaign.Move.valueOf(move.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw FrontdeskException.badRequest("validation", "Validation failed", "Unknown move " + move);
        }
        if (repository.find(business, campaign, false).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(summary(campaigns.move(business, campaign, parsed)));
    }

    @Override
    public Optional<PageResponse<LeadProgress>> leads(BusinessId business, UUID campaign, PageQuery page) {
        return repository
                .find(business, campaign, false)
                .map(c -> PageResponse.of(log.leads(c.id(), null, page), log.countLeads(c.id(), null), page));
    }

    Summary summary(Campaign c) {
        return new Summary(
                c.id(),
                c.name(),
                c.purpose(),
                c.status().name(),
                c.window().start().toString(),
                c.window().end().toString(),
                c.maxConcurrentCalls(),
                c.callsPerMinute(),
                c.retryAttempts(),
                c.retryBackoffMinutes(),
                c.voicemail().name(),
                c.openingScript(),
                campaigns.counts(c.id()),
                c.createdAt(),
                c.updatedAt());
    }

    private static CampaignJson.Request request(Draft d) {
        List<String> ids = d.leadIds() == null || d.leadIds().isEmpty() ? null : d.leadIds();
        boolean filtered = !blank(d.filterStatus()) || !blank(d.filterLanguage()) || !blank(d.filterTag());
        return new CampaignJson.Request(
                d.name(),
                d.purpose(),
                ids,
                ids == null && filtered
                        ? new CampaignJson.Filter(d.filterStatus(), d.filterLanguage(), d.filterTag())
                        : null,
                new CampaignJson.Window(d.windowStart(), d.windowEnd()),
                d.maxConcurrentCalls(),
                d.callsPerMinute() == null ? null : new CampaignJson.Pacing(d.callsPerMinute()),
                new CampaignJson.Retry(d.retryAttempts(), d.retryBackoffMinutes()),
                blank(d.voicemail()) ? null : d.voicemail(),
                d.openingScript());
    }

    @SuppressWarnings("unchecked")
    private static List<FieldError> errors(FrontdeskException e) {
        var properties = e.toProblem().getProperties();
        Object errors = properties == null ? null : properties.get("errors");
        return errors instanceof List<?> list ? (List<FieldError>) list : List.of();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
