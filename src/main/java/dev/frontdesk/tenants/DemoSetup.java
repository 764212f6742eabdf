package dev.frontdesk.tenants;

import java.util.List;

/**
 * Something a module sets up for the demo business on first start whose secret the person starting
 * the service must see once (the dashboard's owner login): the lines returned are printed with the
 * demo business's keys, never logged.
 */
public interface DemoSetup {

    /** Sets up the demo business and returns the lines to print with its keys (none for nothing to say). */
    List<String> demoBusinessCreated(Business demo, String baseUrl);
}
