package dev.frontdesk.tenants.internal;

/** Who made a change, as written in the audit trail: the operator, a business's API key (by
 * prefix) or a dashboard user (by id). */
record Actor(String name) {

    static Actor admin() {
        return new Actor("admin");
    }

    static Actor apiKey(String prefix) {
        return new Actor("api-key:" + prefix);
    }

    /** A dashboard user, by their user id (never their email: the audit trail and logs carry no PII). */
    static Actor dashboard(String userId) {
        return new Actor("dashboard:" + userId);
    }

    static Actor system() {
        return new Actor("system");
    }
}
