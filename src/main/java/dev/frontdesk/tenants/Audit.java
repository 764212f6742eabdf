package dev.frontdesk.tenants;

/**
 * The business's audit trail ({@code GET /api/audit}) for the other modules: who (the API key of the
 * current request, else the system), what (an action and details without personal data), when.
 */
public interface Audit {

    /** Records an action, e.g. {@code customer.erased}, with details that name no person. */
    void record(BusinessId business, String action, String details);
}
