package dev.frontdesk.campaigns.internal;

import dev.frontdesk.telephony.CampaignNames;
import dev.frontdesk.tenants.BusinessId;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Names the campaigns of the business's call records (telephony's {@code /api/calls}), from the campaigns' rows. */
@Component
class CampaignNamesForCalls implements CampaignNames {

    private final CampaignRepository campaigns;

    CampaignNamesForCalls(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public Map<UUID, String> names(BusinessId business, Collection<UUID> campaignIds) {
        return campaigns.names(business, campaignIds);
    }
}
