package dev.frontdesk.messaging.internal;

import dev.frontdesk.messaging.Messages;
import dev.frontdesk.messaging.NotificationSettings;
import dev.frontdesk.messaging.NotificationSettings.NotifyBy;
import dev.frontdesk.messaging.NotificationSettings.OwnerEvent;
import dev.frontdesk.messaging.OwnerNotifications;
import dev.frontdesk.shared.Wording;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.Tenants;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The owner's notification choices, and telling the owner by SMS and/or email as chosen. */
@Service
class OwnerNotificationsService implements OwnerNotifications {

    private static final Logger log = LoggerFactory.getLogger(OwnerNotificationsService.class);

    private final NotificationSettingsRepository repository;
    private final Messages messages;
    private final Tenants tenants;
    private final Clock clock;

    OwnerNotificationsService(
            NotificationSettingsRepository repository, Messages messages, Tenants tenants, Clock clock) {
        this.repository = repository;
        this.messages = messages;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public NotificationSettings settings(BusinessId business) {
        return repository.find(business).orElse(NotificationSettings.DEFAULTS);
    }

    @Override
    public NotificationSettings update(BusinessId business, NotificationSettings settings) {
        repository.save(business, settings, clock.instant());
        log.info("Notification settings of business {} saved", business);
        return settings(business);
    }

    @Override
    public boolean notifyOwner(BusinessId businessId, OwnerEvent event, String text) {
        Optional<Business> found = tenants.find(businessId);
        if (found.isEmpty() || !found.get().isActive()) {
            return false;
        }
        Business business = found.get();
        NotifyBy how = settings(businessId).of(event);
        boolean told = false;
        if (how.sms() && business.ownerPhone() != null) {
            messages.sendSms(businessId, business.ownerPhone(), text, Messages.Purpose.OWNER_ALERT);
            told = true;
        }
        if (how.email() && business.ownerEmail() != null) {
            String subject = Wording.of("messaging/owner", business.defaultLanguage())
                    .text(
                            "subject." + event.name().toLowerCase(Locale.ROOT),
                            java.util.Map.of("business", business.name()));
            messages.sendEmail(
                    businessId, new Messages.Email(business.ownerEmail(), business.name(), subject, text, List.of()));
            told = true;
        }
        log.info("Owner of business {} told of {} by {}", businessId, event, told ? how : NotifyBy.NONE);
        return told;
    }

    @Override
    public List<SummaryPlan> dailySummaryPlans() {
        return repository.summaryPlans();
    }

    @Override
    public boolean claimDailySummary(BusinessId business, LocalDate day) {
        return repository.claimSummary(business, day);
    }
}
