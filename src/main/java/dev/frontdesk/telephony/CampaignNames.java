package dev.frontdesk.telephony;

import dev.frontdesk.tenants.BusinessId;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Implemented by the module whose campaigns place calls (campaigns), so that the call records can name a call's
 * campaign without telephony depending on that module: a call record keeps only its campaign's id (given to
 * {@link Calls#outboundAnswered}), and its name is asked for when calls are read, so a renamed campaign shows its
 * name of now.
 */
public interface CampaignNames {

    /** The names of the business's campaigns with these ids; an id that is not one of them is left out. */
    Map<UUID, String> names(BusinessId business, Collection<UUID> campaignIds);
}
