package dev.frontdesk.partners.internal;

import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.shared.Secrets;
import dev.frontdesk.tenants.Audit;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.Tenants;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** Creates, lists, re-keys, deactivates and authenticates partners; every change is audited. */
@Service
class PartnerService {

    static final String KEY_KIND = "fdp";
    static final int MAX_RATE = 10_000;

    private final PartnerRepository partners;
    private final Tenants tenants;
    private final Audit audit;
    private final Clock clock;

    PartnerService(PartnerRepository partners, Tenants tenants, Audit audit, Clock clock) {
        this.partners = partners;
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
    }

    /** A partner with its key, which only this answer holds. */
    record WithKey(Partner partner, String key) {}

    @Transactional
    WithKey create(BusinessId business, JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw FrontdeskException.badRequest(
                    "malformed-body", "Malformed request body", "The request body must be a JSON object");
        }
        for (String name : body.propertyNames()) {
            if (!name.equals("name") && !name.equals("ratePerMinute")) {
                errors.add(new FieldError(name, "is not a field of a partner"));
            }
        }
        JsonNode nameNode = body.get("name");
        String name =
                nameNode != null && nameNode.isString() ? nameNode.asString().strip() : null;
        if (name == null || name.isEmpty() || name.length() > 100) {
            errors.add(new FieldError("name", "must be 1 to 100 characters"));
        }
        JsonNode rateNode = body.get("ratePerMinute");
        int rate = 60;
        if (rateNode != null && !rateNode.isNull()) {
            if (!rateNode.isIntegralNumber()
                    || !rateNode.canConvertToInt()
                    || rateNode.asInt() < 1
                    || rateNode.asInt() > MAX_RATE) {
                errors.add(new FieldError("ratePerMinute", "must be a whole number from 1 to " + MAX_RATE));
            } else {
                rate = rateNode.asInt();
            }
        }
        if (!errors.isEmpty()) {
            throw FrontdeskException.validation(errors);
        }
        if (partners.nameTaken(business, name)) {
            throw nameTaken(name);
        }
        var key = Secrets.issue(KEY_KIND);
        Instant now = now();
        var partner = new Partner(UUID.randomUUID(), business, name, key.prefix(), key.hash(), rate, true, now, now);
        try {
            partners.insert(partner);
        } catch (DuplicateKeyException e) {
            throw nameTaken(name);
        }
        audit.record(business, "partner.created", "partner " + partner.id() + ", key prefix " + key.prefix());
        return new WithKey(partner, key.plain());
    }

    @Transactional(readOnly = true)
    PageResponse<Partner> list(BusinessId business, PageQuery page) {
        return PageResponse.of(partners.list(business, page.pageSize(), page.offset()), partners.count(business), page);
    }

    @Transactional(readOnly = true)
    Partner get(BusinessId business, UUID id) {
        return partners.find(business, id, false).orElseThrow(() -> notFound(id));
    }

    /** A new key; the old one stops working at once. */
    @Transactional
    WithKey rotateKey(BusinessId business, UUID id) {
        Partner p = partners.find(business, id, true).orElseThrow(() -> notFound(id));
        var key = Secrets.issue(KEY_KIND);
        var rotated = new Partner(
                p.id(),
                business,
                p.name(),
                key.prefix(),
                key.hash(),
                p.ratePerMinute(),
                p.active(),
                p.createdAt(),
                now());
        partners.update(rotated);
        audit.record(business, "partner.key-rotated", "partner " + id + ", new key prefix " + key.prefix());
        return new WithKey(rotated, key.plain());
    }

    @Transactional
    Partner setActive(BusinessId business, UUID id, boolean active) {
        Partner p = partners.find(business, id, true).orElseThrow(() -> notFound(id));
        if (p.active() == active) {
            return p;
        }
        var changed = new Partner(
                p.id(),
                business,
                p.name(),
                p.keyPrefix(),
                p.keyHash(),
                p.ratePerMinute(),
                active,
                p.createdAt(),
                now());
        partners.update(changed);
        audit.record(business, active ? "partner.activated" : "partner.deactivated", "partner " + id);
        return changed;
    }

    /**
     * The active partner whose current key this is (compared in constant time), of an active business:
     * 401 when the key is missing, unknown, rotated away or its partner inactive; 403 when the business is
     * suspended.
     */
    @Transactional(readOnly = true)
    Partner authenticate(String presented) {
        Partner partner = Secrets.prefixOf(KEY_KIND, presented)
                .flatMap(partners::findByKeyPrefix)
                .filter(p -> Secrets.matches(presented, p.keyHash()))
                .filter(Partner::active)
                .orElseThrow(() -> new FrontdeskException(
                        HttpStatus.UNAUTHORIZED,
                        "invalid-partner-key",
                        "Invalid partner key",
                        presented == null || presented.isBlank()
                                ? "Send the partner key in the X-Partner-Key header"
                                : "The X-Partner-Key header does not hold the current key of an active partner"));
        boolean businessActive =
                tenants.find(partner.businessId()).map(Business::isActive).orElse(false);
        if (!businessActive) {
            throw new FrontdeskException(
                    HttpStatus.FORBIDDEN,
                    "business-suspended",
                    "Business suspended",
                    "The business this partner supplies is suspended and takes no leads");
        }
        return partner;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static FrontdeskException notFound(UUID id) {
        return FrontdeskException.notFound("Partner " + id);
    }

    private static FrontdeskException nameTaken(String name) {
        return FrontdeskException.conflict(
                "partner-exists", "Partner exists", "The business already has a partner named " + name);
    }
}
