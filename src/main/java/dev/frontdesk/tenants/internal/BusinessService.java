package dev.frontdesk.tenants.internal;

import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.shared.JsonMergePatch;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.shared.Secrets;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessEvents.BusinessActivated;
import dev.frontdesk.tenants.BusinessEvents.BusinessChanged;
import dev.frontdesk.tenants.BusinessEvents.BusinessRegistered;
import dev.frontdesk.tenants.BusinessEvents.BusinessSuspended;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.BusinessStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Creates, changes, suspends and authenticates businesses; every change is audited. */
@Service
class BusinessService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BusinessService.class);

    static final String API_KEY_KIND = "fdk";
    static final String WIDGET_TOKEN_KIND = "fdw";

    private final BusinessRepository businesses;
    private final BusinessValidator validator;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    BusinessService(
            BusinessRepository businesses,
            BusinessValidator validator,
            AuditTrail audit,
            ApplicationEventPublisher events,
            JsonMapper json,
            Clock clock) {
        this.businesses = businesses;
        this.validator = validator;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** A new business with its keys in clear text, to be shown exactly once. */
    record Created(BusinessEntity entity, String apiKey, String widgetToken) {}

    /** The business a presented API key belongs to. */
    record Authenticated(BusinessId businessId, String keyPrefix) {}

    @Transactional
    Created create(BusinessRequest request, Actor actor) {
        BusinessDraft draft = validator.validate(request);
        BusinessId id = BusinessId.random();
        ensureNumbersFree(draft, null);
        Instant now = clock.instant();
        var apiKey = Secrets.issue(API_KEY_KIND);
        var widgetToken = Secrets.issue(WIDGET_TOKEN_KIND);
        var entity = new BusinessEntity(
                toBusiness(id, draft, BusinessStatus.ACTIVE, now, now),
                apiKey.prefix(),
                apiKey.hash(),
                widgetToken.prefix(),
                widgetToken.hash(),
                0);
        try {
            businesses.insert(entity);
        } catch (DuplicateKeyException e) {
            throw numberTaken(draft.phoneNumbers().toString());
        }
        audit.record(id, actor, "business.created", null);
        log.info("Business {} created by {}", id, actor.name());
        events.publishEvent(new BusinessRegistered(id));
        return new Created(entity, apiKey.plain(), widgetToken.plain());
    }

    @Transactional(readOnly = true)
    PageResponse<BusinessEntity> list(BusinessStatus status, PageQuery query) {
        return PageResponse.of(businesses.page(status, query), businesses.count(status), query);
    }

    @Transactional(readOnly = true)
    BusinessEntity get(BusinessId id) {
        return businesses.findById(id).orElseThrow(() -> FrontdeskException.notFound("Business " + id));
    }

    /**
     * Applies a JSON merge patch to the business's profile and settings. Only an operator may change the
     * phone numbers; a business changing its own settings gets a validation error for them.
     */
    @Transactional
    BusinessEntity patch(BusinessId id, JsonNode patch, Actor actor, boolean operator) {
        if (patch == null || !patch.isObject()) {
            throw FrontdeskException.badRequest(
                    "malformed-body", "Malformed request body", "A JSON merge patch must be a JSON object");
        }
        if (!operator && patch.has("phoneNumbers")) {
            throw FrontdeskException.validation(
                    List.of(new FieldError("phoneNumbers", "phone numbers are managed by your Frontdesk operator")));
        }
        BusinessEntity current = get(id);
        JsonNode before = json.valueToTree(BusinessRequest.from(current.business()));
        JsonNode after = JsonMergePatch.apply(before, patch);
        BusinessRequest request;
        try {
            request = json.treeToValue(after, BusinessRequest.class);
        } catch (JacksonException e) {
            // the field's path, never the parser's message (it names Java classes)
            String field = fieldPath(e);
            throw FrontdeskException.validation(List.of(
                    new FieldError(field.isEmpty() ? "body" : field, "has the wrong type or shape for this field")));
        }
        BusinessDraft draft = validator.validate(request);
        ensureNumbersFree(draft, id);
        Business updated = toBusiness(
                id, draft, current.business().status(), current.business().createdAt(), clock.instant());
        List<String> changed = JsonMergePatch.changedPaths(before, json.valueToTree(BusinessRequest.from(updated)), 2);
        if (changed.isEmpty()) {
            return current;
        }
        boolean written;
        try {
            written = businesses.updateProfile(current.withBusiness(updated));
        } catch (DuplicateKeyException e) {
            throw numberTaken(draft.phoneNumbers().toString());
        }
        if (!written) {
            throw FrontdeskException.conflict(
                    "concurrent-modification",
                    "Changed meanwhile",
                    "The business was changed by someone else at the same time; read it again and retry");
        }
        audit.record(id, actor, operator ? "business.changed" : "settings.changed", String.join(", ", changed));
        log.info("Business {} changed by {}: {}", id, actor.name(), changed);
        events.publishEvent(new BusinessChanged(id, changed));
        return get(id);
    }

    @Transactional
    BusinessEntity setStatus(BusinessId id, BusinessStatus status, Actor actor) {
        BusinessEntity current =
                businesses.lockById(id).orElseThrow(() -> FrontdeskException.notFound("Business " + id));
        if (current.business().status() != status) {
            businesses.updateStatus(id, status, clock.instant());
            audit.record(
                    id, actor, status == BusinessStatus.SUSPENDED ? "business.suspended" : "business.activated", null);
            events.publishEvent(
                    status == BusinessStatus.SUSPENDED ? new BusinessSuspended(id) : new BusinessActivated(id));
        }
        return get(id);
    }

    @Transactional
    Secrets.Issued rotateApiKey(BusinessId id, Actor actor) {
        businesses.lockById(id).orElseThrow(() -> FrontdeskException.notFound("Business " + id));
        var key = Secrets.issue(API_KEY_KIND);
        businesses.updateApiKey(id, key.prefix(), key.hash(), clock.instant());
        audit.record(id, actor, "api-key.rotated", "new prefix " + key.prefix());
        return key;
    }

    @Transactional
    Secrets.Issued rotateWidgetToken(BusinessId id, Actor actor) {
        businesses.lockById(id).orElseThrow(() -> FrontdeskException.notFound("Business " + id));
        var token = Secrets.issue(WIDGET_TOKEN_KIND);
        businesses.updateWidgetToken(id, token.prefix(), token.hash(), clock.instant());
        audit.record(id, actor, "widget-token.rotated", "new prefix " + token.prefix());
        return token;
    }

    /**
     * Resolves an API key: 401 when it is missing or unknown, 403 when its business is suspended.
     */
    @Transactional(readOnly = true)
    Authenticated authenticate(String presented) {
        Optional<BusinessRepository.KeyOwner> owner = Secrets.prefixOf(API_KEY_KIND, presented)
                .flatMap(businesses::findApiKeyOwner)
                .filter(o -> Secrets.matches(presented, o.hash()));
        if (owner.isEmpty()) {
            throw new FrontdeskException(
                    HttpStatus.UNAUTHORIZED,
                    "invalid-api-key",
                    "Invalid API key",
                    presented == null || presented.isBlank()
                            ? "Send your business's API key in the X-API-Key header"
                            : "The X-API-Key header does not hold a current API key");
        }
        if (owner.get().status() == BusinessStatus.SUSPENDED) {
            throw new FrontdeskException(
                    HttpStatus.FORBIDDEN,
                    "business-suspended",
                    "Business suspended",
                    "This business is suspended; contact your Frontdesk operator");
        }
        return new Authenticated(
                owner.get().businessId(),
                Secrets.prefixOf(API_KEY_KIND, presented).orElseThrow());
    }

    /** {@code settings.scheduling.horizonDays} or {@code hours.MONDAY[0]}: where a value did not fit. */
    static String fieldPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private void ensureNumbersFree(BusinessDraft draft, BusinessId self) {
        Map<String, BusinessId> taken = businesses.numbersOwnedByOthers(draft.phoneNumbers(), self);
        if (!taken.isEmpty()) {
            throw numberTaken(String.join(", ", taken.keySet())).with("phoneNumbers", List.copyOf(taken.keySet()));
        }
    }

    private static FrontdeskException numberTaken(String numbers) {
        return FrontdeskException.conflict(
                "phone-number-taken", "Phone number in use", "Already assigned to another business: " + numbers);
    }

    private static Business toBusiness(
            BusinessId id, BusinessDraft d, BusinessStatus status, Instant createdAt, Instant updatedAt) {
        return new Business(
                id,
                d.name(),
                d.timezone(),
                d.phoneNumbers(),
                d.ownerPhone(),
                d.ownerEmail(),
                d.services(),
                d.hours(),
                d.closedDates(),
                d.greeting(),
                d.defaultLanguage(),
                d.emergencyKeywords(),
                status,
                d.settings(),
                createdAt,
                updatedAt);
    }
}
