package dev.frontdesk.crm;

import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.BusinessId;

/** The CRM module's customer API for the channels and the assistant. */
public interface Customers {

    /**
     * Records that the holder of this number asked not to be called again ("stop calling me"): the
     * business's customer with that number (created when there is none) gets {@code doNotCall} and the
     * DO_NOT_CALL status.
     */
    void doNotCall(BusinessId business, PhoneNumber phone);
}
