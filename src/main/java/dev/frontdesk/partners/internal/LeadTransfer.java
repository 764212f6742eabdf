package dev.frontdesk.partners.internal;

import dev.frontdesk.crm.Customers;
import dev.frontdesk.crm.Customers.LeadOutcome;
import dev.frontdesk.crm.Customers.NewLead;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * A partner's batch of leads: the key is checked, the batch's shape and size, then one token per lead
 * is taken from the partner's bucket, all of them or none (a batch larger than what is left is refused
 * whole with 429, never half imported), and the leads go to the CRM.
 */
@Service
class LeadTransfer {

    private static final Logger log = LoggerFactory.getLogger(LeadTransfer.class);
    private static final Set<String> FIELDS = Set.of("name", "phone", "email", "language");

    private final PartnerService partners;
    private final PartnerBuckets buckets;
    private final Customers customers;
    private final PartnersProperties properties;

    LeadTransfer(PartnerService partners, PartnerBuckets buckets, Customers customers, PartnersProperties properties) {
        this.partners = partners;
        this.buckets = buckets;
        this.customers = customers;
        this.properties = properties;
    }

    List<LeadOutcome> transfer(String partnerKey, JsonNode body) {
        Partner partner = partners.authenticate(partnerKey);
        JsonNode leads = body == null || !body.isObject() ? null : body.get("leads");
        if (leads == null || !leads.isArray() || leads.isEmpty()) {
            throw FrontdeskException.validation(
                    List.of(new FieldError("leads", "must be a non-empty array of {name, phone, email, language}")));
        }
        int max = Math.min(properties.maxBatch(), partner.ratePerMinute());
        if (leads.size() > max) {
            throw new FrontdeskException(
                            HttpStatus.CONTENT_TOO_LARGE,
                            "batch-too-large",
                            "Batch too large",
                            "A transfer may carry at most " + max + " leads (at most " + properties.maxBatch()
                                    + " a batch, and no more than the partner's " + partner.ratePerMinute()
                                    + " a minute); send the rest in further batches")
                    .with("maxBatch", max);
        }
        List<NewLead> given = new ArrayList<>();
        List<String> shapeErrors = new ArrayList<>();
        for (JsonNode lead : leads) {
            String error = shapeError(lead);
            shapeErrors.add(error);
            given.add(
                    error != null
                            ? null
                            : new NewLead(
                                    text(lead, "name"),
                                    text(lead, "phone"),
                                    text(lead, "email"),
                                    text(lead, "language")));
        }
        take(partner, leads.size());
        List<NewLead> wellShaped = given.stream().filter(l -> l != null).toList();
        var stored = customers.addPartnerLeads(partner.businessId(), partner.name(), wellShaped);
        List<LeadOutcome> outcomes = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i) == null) {
                JsonNode phone = leads.get(i).isObject() ? leads.get(i).get("phone") : null;
                outcomes.add(new LeadOutcome(
                        phone != null && phone.isString() ? phone.asString() : null,
                        LeadOutcome.Status.REJECTED,
                        null,
                        shapeErrors.get(i)));
            } else {
                outcomes.add(stored.get(next++));
            }
        }
        log.info("Partner {} transferred {} leads to business {}", partner.id(), leads.size(), partner.businessId());
        return outcomes;
    }

    private void take(Partner partner, int tokens) {
        PartnerBuckets.Taken taken;
        try {
            taken = buckets.take(partner.id().toString(), partner.ratePerMinute(), tokens);
        } catch (RuntimeException e) {
            log.warn("The partner rate limit could not be checked: {}", e.toString());
            throw new FrontdeskException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "rate-limit-unavailable",
                    "Rate limit unavailable",
                    "The rate limit store cannot be reached; try again shortly");
        }
        if (!taken.taken()) {
            throw new RateLimited(taken.retryAfterSeconds(), partner.ratePerMinute(), tokens, taken.remaining());
        }
    }

    /** Why a lead cannot be read at all (not an object, a field of the wrong type), or null. */
    private static String shapeError(JsonNode lead) {
        if (!lead.isObject()) {
            return "must be an object with name and phone";
        }
        List<String> problems = new ArrayList<>();
        for (String name : lead.propertyNames()) {
            JsonNode value = lead.get(name);
            if (!FIELDS.contains(name)) {
                problems.add(name + " is not a field of a lead");
            } else if (!value.isNull() && !value.isString()) {
                problems.add(name + " must be a string");
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private static String text(JsonNode lead, String name) {
        JsonNode value = lead.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** Too many leads this minute; {@code retryAfterSeconds} goes into the {@code Retry-After} header. */
    static final class RateLimited extends FrontdeskException {
        private final long retryAfterSeconds;

        RateLimited(long retryAfterSeconds, int ratePerMinute, int asked, long remaining) {
            super(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "partner-rate-limited",
                    "Too many leads",
                    "This partner may transfer " + ratePerMinute + " leads a minute; " + asked
                            + " asked for, fewer left now. Nothing was imported; try again in " + retryAfterSeconds
                            + " seconds");
            this.retryAfterSeconds = retryAfterSeconds;
            with("retryAfterSeconds", retryAfterSeconds);
            with("remaining", remaining);
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
