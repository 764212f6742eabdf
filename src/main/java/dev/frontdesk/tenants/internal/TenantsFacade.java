package dev.frontdesk.tenants.internal;

import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.shared.Secrets;
import dev.frontdesk.shared.TurnReads;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.Tenants;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Businesses for the other modules. Within one turn ({@link TurnReads}) a business is read once, by id or
 * by number, and shared by everything else the turn does; the read-only transaction (and the pool
 * connection it takes) is opened only when the database is actually read.
 */
@Service
@Transactional(readOnly = true)
class TenantsFacade implements Tenants {

    /** A business in the turn's reads. */
    private record ById(BusinessId id) {}

    private record ByNumber(String e164) {}

    private final BusinessRepository businesses;
    private final TransactionTemplate readOnly;

    TenantsFacade(BusinessRepository businesses, PlatformTransactionManager transactions) {
        this.businesses = businesses;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Override
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public Optional<Business> find(BusinessId id) {
        return TurnReads.get(
                new ById(id),
                () -> readOnly.execute(tx -> businesses.findById(id).map(BusinessEntity::business)));
    }

    @Override
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public Optional<Business> findByPhoneNumber(PhoneNumber number) {
        Optional<Business> found = TurnReads.get(
                new ByNumber(number.e164()),
                () -> readOnly.execute(
                        tx -> businesses.findByPhoneNumber(number).map(BusinessEntity::business)));
        found.ifPresent(business -> TurnReads.remember(new ById(business.id()), found));
        return found;
    }

    @Override
    public java.util.Set<String> widgetOriginsOfActiveBusinesses() {
        return businesses.activeSettings().stream()
                .flatMap(settings -> settings.messaging().widgetAllowedOrigins().stream())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public Optional<Business> findByWidgetToken(String token) {
        return Secrets.prefixOf(BusinessService.WIDGET_TOKEN_KIND, token)
                .flatMap(businesses::findByWidgetTokenPrefix)
                .filter(e -> Secrets.matches(token, e.widgetTokenHash()))
                .map(BusinessEntity::business);
    }
}
