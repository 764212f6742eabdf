package dev.frontdesk.telephony.internal;

import dev.frontdesk.telephony.Calls.CallCampaign;
import dev.frontdesk.telephony.CampaignNames;
import dev.frontdesk.tenants.BusinessId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Names the campaigns of call records: a record keeps its campaign's id, and the module that runs campaigns
 * ({@link CampaignNames}) gives the business's campaigns' names when calls are read. Without such a module a
 * campaign call still carries its campaign's id, with no name.
 */
@Component
class CallCampaignNames {

    private final List<CampaignNames> namers;

    CallCampaignNames(List<CampaignNames> namers) {
        this.namers = namers;
    }

    /** The campaigns with these ids (nulls skipped), by id, named when the business has a campaign so named. */
    Map<UUID, CallCampaign> of(BusinessId business, Collection<UUID> campaignIds) {
        Set<UUID> ids = campaignIds.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        var names = new HashMap<UUID, String>();
        if (!ids.isEmpty()) {
            for (CampaignNames namer : namers) {
                names.putAll(namer.names(business, ids));
            }
        }
        return ids.stream().collect(Collectors.toMap(id -> id, id -> new CallCampaign(id, names.get(id))));
    }

    /** The campaign with this id (null for a call no campaign placed). */
    CallCampaign of(BusinessId business, UUID campaignId) {
        return campaignId == null ? null : of(business, List.of(campaignId)).get(campaignId);
    }
}
