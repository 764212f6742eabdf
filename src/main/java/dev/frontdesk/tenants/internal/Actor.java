package dev.frontdesk.tenants.internal;

/** Who made a change, as written in the audit trail: the operator or a business's API key (by prefix). */
record Actor(String name) {

    static Actor admin() {
        return new Actor("admin");
    }

    static Actor apiKey(String prefix) {
        return new Actor("api-key:" + prefix);
    }

    static Actor system() {
        return new Actor("system");
    }
}
