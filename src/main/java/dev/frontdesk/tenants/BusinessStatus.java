package dev.frontdesk.tenants;

/** Whether a business is served. A suspended business's keys get 403 and its calls a polite message. */
public enum BusinessStatus {
    ACTIVE,
    SUSPENDED
}
