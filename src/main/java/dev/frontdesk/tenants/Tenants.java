package dev.frontdesk.tenants;

import dev.frontdesk.shared.PhoneNumber;
import java.util.Optional;

/** The tenants module's API for the other modules. */
public interface Tenants {

    /** The business with this id, in any status. */
    Optional<Business> find(BusinessId id);

    /** The business that owns this phone number (the {@code To} of an inbound call or SMS). */
    Optional<Business> findByPhoneNumber(PhoneNumber number);

    /** Every origin any active business lets embed its web chat widget (for CORS preflights). */
    java.util.Set<String> widgetOriginsOfActiveBusinesses();

    /** The business whose current widget token this is (compared in constant time). */
    Optional<Business> findByWidgetToken(String token);
}
