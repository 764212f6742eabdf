package dev.frontdesk.webhooks.internal;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.frontdesk.shared.SecretBox;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The durable delivery job (db-scheduler, one instance per delivery): signs the payload, POSTs it to the
 * webhook's URL and nowhere else (no redirects followed, timeouts on connecting and answering), and
 * records the attempt. Anything but a 2xx answer is retried after the retry delay, doubling each time,
 * until the attempts run out (then the delivery is FAILED).
 */
@Configuration(proxyBeanMethods = false)
class WebhookDeliveries {

    static final String TASK = "webhook-delivery";
    static final String SWEEP = "webhook-delivery-sweep";
    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveries.class);

    @Bean
    OneTimeTask<Void> webhookDeliveryTask(Sender sender, WebhooksProperties properties) {
        return Tasks.oneTime(TASK)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(
                        properties.maxAttempts(),
                        new FailureHandler.ExponentialBackoffFailureHandler<>(properties.retryDelay(), 2.0)))
                .execute((instance, context) -> sender.send(UUID.fromString(instance.getId())));
    }

    /**
     * Every ten minutes, deliveries still PENDING after five minutes get their job back if it is missing: a
     * delivery row is committed with the event's cause and its job is planned just after that commit, so a
     * process that died in between left the row without a job. A delivery with a job (waiting for a retry, or
     * being sent) keeps it.
     */
    @Bean
    RecurringTask<Void> webhookDeliverySweepTask(
            WebhookRepository webhooks, OneTimeTask<Void> webhookDeliveryTask, Clock clock) {
        return Tasks.recurring(SWEEP, FixedDelay.ofMinutes(10)).execute((instance, context) -> {
            for (UUID delivery : webhooks.pendingBefore(clock.instant().minus(Duration.ofMinutes(5)), 500)) {
                if (context.getSchedulerClient()
                        .scheduleIfNotExists(webhookDeliveryTask.instance(delivery.toString()), clock.instant())) {
                    log.warn("Webhook delivery {} had no job; planned again", delivery);
                }
            }
        });
    }

    /** A failed attempt, to be retried by the job's failure handler. */
    static final class AttemptFailed extends RuntimeException {
        AttemptFailed(String message) {
            super(message, null, false, false);
        }
    }

    /** Sends one delivery once. */
    @Component
    static class Sender {
        private final WebhookRepository webhooks;
        private final WebhooksProperties properties;
        private final SecretBox secrets;
        private final Tenants tenants;
        private final Clock clock;
        private final HttpClient http;

        Sender(
                WebhookRepository webhooks,
                WebhooksProperties properties,
                SecretBox secrets,
                Tenants tenants,
                Clock clock) {
            this.webhooks = webhooks;
            this.properties = properties;
            this.secrets = secrets;
            this.tenants = tenants;
            this.clock = clock;
            this.http = HttpClient.newBuilder()
                    .connectTimeout(properties.connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }

        void send(UUID deliveryId) {
            Optional<Delivery> found = webhooks.findDelivery(deliveryId);
            if (found.isEmpty() || found.get().status() != Delivery.Status.PENDING) {
                return; // the webhook was deleted, or the delivery is done
            }
            Delivery delivery = found.get();
            Optional<Webhook> webhook = webhooks.find(delivery.businessId(), delivery.webhookId());
            if (webhook.isEmpty()) {
                return;
            }
            int attempt = delivery.attempts() + 1;
            boolean active =
                    tenants.find(delivery.businessId()).map(Business::isActive).orElse(false);
            if (!active) {
                record(delivery, Delivery.Status.FAILED, attempt, null, "the business is suspended; nothing is sent");
                return;
            }
            Integer status = null;
            String error;
            Optional<String> refused = WebhookUrls.refusal(webhook.get().url(), properties.allowPrivate());
            if (refused.isPresent()) {
                error = "not sent: the URL " + refused.get();
            } else {
                try {
                    long now = clock.instant().getEpochSecond();
                    String secret = secrets.open(webhook.get().secretSealed());
                    HttpRequest request = HttpRequest.newBuilder(
                                    URI.create(webhook.get().url()))
                            .timeout(properties.timeout())
                            .header("Content-Type", "application/json")
                            .header("User-Agent", "Frontdesk-Webhooks/1")
                            .header("X-Frontdesk-Event", delivery.event())
                            .header("X-Frontdesk-Delivery", delivery.id().toString())
                            .header(WebhookSignature.HEADER, WebhookSignature.header(secret, now, delivery.payload()))
                            .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                            .build();
                    status = http.send(request, HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                    error = status >= 200 && status < 300 ? null : "the endpoint answered HTTP " + status;
                } catch (HttpTimeoutException e) {
                    error = "the endpoint did not answer in time";
                } catch (IOException e) {
                    error = "the endpoint could not be reached";
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    error = "the attempt was interrupted";
                } catch (IllegalStateException e) { // the sealed secret does not open: FRONTDESK_SECRET_KEY changed
                    log.warn("Webhook delivery {}: {}", delivery.id(), e.getMessage());
                    error = "not sent: the webhook's secret cannot be read (the service's secret key changed)";
                }
            }
            if (error == null) {
                record(delivery, Delivery.Status.DELIVERED, attempt, status, null);
                return;
            }
            boolean last = attempt >= properties.maxAttempts();
            record(delivery, last ? Delivery.Status.FAILED : Delivery.Status.PENDING, attempt, status, error);
            log.info("Webhook delivery {} attempt {} failed: {}", delivery.id(), attempt, error);
            if (!last) {
                throw new AttemptFailed(error);
            }
        }

        private void record(Delivery d, Delivery.Status status, int attempt, Integer code, String error) {
            webhooks.attempted(
                    d.id(), status, attempt, code, error, clock.instant().truncatedTo(ChronoUnit.MICROS));
        }
    }
}
