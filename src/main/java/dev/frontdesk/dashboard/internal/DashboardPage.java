package dev.frontdesk.dashboard.internal;

/**
 * Marks the dashboard's page controllers: their failures render as an HTML error page (see
 * {@link DashboardErrors}), not as the JSON API's problem details.
 */
interface DashboardPage {}
