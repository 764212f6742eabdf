package dev.frontdesk.tenants;

import java.util.List;

/** Events the tenants module publishes. */
public final class BusinessEvents {

    private BusinessEvents() {}

    /** A business was created. */
    public record BusinessRegistered(BusinessId businessId) {}

    /** The demo business was created on first start; other modules may add their sample data. */
    public record DemoBusinessCreated(BusinessId businessId) {}

    /** A business was suspended: its keys stop working and its channels answer politely that it is unavailable. */
    public record BusinessSuspended(BusinessId businessId) {}

    /** A suspended business was activated again. */
    public record BusinessActivated(BusinessId businessId) {}

    /** A business's profile or settings changed; {@code fields} are the changed paths, e.g. {@code hours}. */
    public record BusinessChanged(BusinessId businessId, List<String> fields) {}
}
