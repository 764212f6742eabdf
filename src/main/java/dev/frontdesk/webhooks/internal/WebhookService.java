package dev.frontdesk.webhooks.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.shared.SecretBox;
import dev.frontdesk.shared.Secrets;
import dev.frontdesk.tenants.Audit;
import dev.frontdesk.tenants.BusinessId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers, lists and deletes a business's webhooks, writes a delivery for every subscribed webhook
 * when an event happens and hands it to the delivery job once the delivery is committed, and replays
 * deliveries from the log.
 */
@Service
class WebhookService {

    static final int MAX_WEBHOOKS = 10;

    private final WebhookRepository webhooks;
    private final WebhooksProperties properties;
    private final SecretBox secrets;
    private final Scheduler scheduler;
    private final OneTimeTask<Void> deliveryTask;
    private final Audit audit;
    private final JsonMapper json;
    private final Clock clock;

    WebhookService(
            WebhookRepository webhooks,
            WebhooksProperties properties,
            SecretBox secrets,
            Scheduler scheduler,
            OneTimeTask<Void> webhookDeliveryTask,
            Audit audit,
            JsonMapper json,
            Clock clock) {
        this.webhooks = webhooks;
        this.properties = properties;
        this.secrets = secrets;
        this.scheduler = scheduler;
        this.deliveryTask = webhookDeliveryTask;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** A webhook with its signing secret, which only this answer holds. */
    record WithSecret(Webhook webhook, String secret) {}

    @Transactional
    WithSecret create(BusinessId business, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw FrontdeskException.badRequest(
                    "malformed-body", "Malformed request body", "The request body must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        for (String name : body.propertyNames()) {
            if (!name.equals("url") && !name.equals("events")) {
                errors.add(new FieldError(name, "is not a field of a webhook"));
            }
        }
        JsonNode urlNode = body.get("url");
        String url = urlNode != null && urlNode.isString() ? urlNode.asString().strip() : null;
        WebhookUrls.refusal(url, properties.allowPrivate()).ifPresent(why -> errors.add(new FieldError("url", why)));
        List<String> events = new ArrayList<>();
        JsonNode eventsNode = body.get("events");
        if (eventsNode == null || !eventsNode.isArray() || eventsNode.isEmpty()) {
            errors.add(new FieldError("events", "must be a non-empty array of " + Webhook.EVENTS));
        } else {
            for (int i = 0; i < eventsNode.size(); i++) {
                JsonNode event = eventsNode.get(i);
                if (!event.isString() || !Webhook.EVENTS.contains(event.asString())) {
                    errors.add(new FieldError("events[" + i + "]", "must be one of " + Webhook.EVENTS));
                } else if (!events.contains(event.asString())) {
                    events.add(event.asString());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw FrontdeskException.validation(errors);
        }
        if (webhooks.count(business) >= MAX_WEBHOOKS) {
            throw FrontdeskException.conflict(
                    "too-many-webhooks",
                    "Too many webhooks",
                    "A business may register at most " + MAX_WEBHOOKS + " webhooks; delete one first");
        }
        var secret = Secrets.issue("whsec");
        var webhook = new Webhook(UUID.randomUUID(), business, url, events, secrets.seal(secret.plain()), now());
        webhooks.insert(webhook);
        audit.record(business, "webhook.created", "webhook " + webhook.id() + ", events " + events);
        return new WithSecret(webhook, secret.plain());
    }

    @Transactional(readOnly = true)
    PageResponse<Webhook> list(BusinessId business, PageQuery page) {
        return PageResponse.of(webhooks.list(business, page.pageSize(), page.offset()), webhooks.count(business), page);
    }

    @Transactional(readOnly = true)
    Webhook get(BusinessId business, UUID id) {
        return webhooks.find(business, id).orElseThrow(() -> notFound("Webhook", id));
    }

    /** Deletes the webhook and its delivery log; pending deliveries are dropped. */
    @Transactional
    void delete(BusinessId business, UUID id) {
        if (!webhooks.delete(business, id)) {
            throw notFound("Webhook", id);
        }
        audit.record(business, "webhook.deleted", "webhook " + id);
    }

    @Transactional(readOnly = true)
    PageResponse<Delivery> deliveries(BusinessId business, UUID webhookId, PageQuery page) {
        get(business, webhookId);
        return PageResponse.of(
                webhooks.deliveries(business, webhookId, page.pageSize(), page.offset()),
                webhooks.countDeliveries(business, webhookId),
                page);
    }

    /** Sends a logged delivery's payload again, as a new delivery (signed anew when it is sent). */
    @Transactional
    Delivery replay(BusinessId business, UUID webhookId, UUID deliveryId) {
        get(business, webhookId);
        Delivery original = webhooks.findDelivery(business, webhookId, deliveryId)
                .orElseThrow(() -> notFound("Delivery", deliveryId));
        Delivery replay = new Delivery(
                UUID.randomUUID(),
                webhookId,
                business,
                original.event(),
                original.eventId(),
                original.payload(),
                Delivery.Status.PENDING,
                0,
                null,
                null,
                original.id(),
                now(),
                null,
                null);
        webhooks.insert(replay);
        scheduleAfterCommit(List.of(replay.id()));
        return replay;
    }

    /**
     * An event happened: one delivery per webhook of the business subscribed to it, each sent by the
     * delivery job once this transaction commits.
     */
    @Transactional
    void publish(BusinessId business, String event, UUID eventId, Instant at, Map<String, Object> data) {
        publish(business, event, eventId, at, () -> data);
    }

    /** As above, the payload's data made only when a webhook of the business subscribed to the event. */
    @Transactional
    void publish(BusinessId business, String event, UUID eventId, Instant at, Supplier<Map<String, Object>> made) {
        List<Webhook> subscribed = webhooks.subscribedTo(business, event);
        if (subscribed.isEmpty()) {
            return;
        }
        Map<String, Object> data = made.get();
        var payload = new LinkedHashMap<String, Object>();
        payload.put("id", eventId);
        payload.put("type", event);
        payload.put("createdAt", at);
        payload.put("businessId", business.value());
        payload.put("data", data);
        String body = json.writeValueAsString(payload);
        List<UUID> ids = new ArrayList<>();
        for (Webhook webhook : subscribed) {
            var delivery = new Delivery(
                    UUID.randomUUID(),
                    webhook.id(),
                    business,
                    event,
                    eventId,
                    body,
                    Delivery.Status.PENDING,
                    0,
                    null,
                    null,
                    null,
                    now(),
                    null,
                    null);
            webhooks.insert(delivery);
            ids.add(delivery.id());
        }
        scheduleAfterCommit(ids);
    }

    private void scheduleAfterCommit(List<UUID> deliveryIds) {
        Runnable schedule = () ->
                deliveryIds.forEach(id -> scheduler.schedule(deliveryTask.instance(id.toString()), clock.instant()));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    schedule.run();
                }
            });
        } else {
            schedule.run();
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static FrontdeskException notFound(String what, UUID id) {
        return FrontdeskException.notFound(what + " " + id);
    }
}
