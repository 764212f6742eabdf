package dev.frontdesk.tenants.internal;

import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.shared.Secrets;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.Tenants;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class TenantsFacade implements Tenants {

    private final BusinessRepository businesses;

    TenantsFacade(BusinessRepository businesses) {
        this.businesses = businesses;
    }

    @Override
    public Optional<Business> find(BusinessId id) {
        return businesses.findById(id).map(BusinessEntity::business);
    }

    @Override
    public Optional<Business> findByPhoneNumber(PhoneNumber number) {
        return businesses.findByPhoneNumber(number).map(BusinessEntity::business);
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
