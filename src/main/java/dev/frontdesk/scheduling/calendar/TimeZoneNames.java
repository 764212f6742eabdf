package dev.frontdesk.scheduling.calendar;

import java.time.ZoneId;
import java.time.ZoneOffset;

/** Providers want IANA time zone names; a bare offset of zero is called "UTC". */
final class TimeZoneNames {

    private TimeZoneNames() {}

    static String of(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }
}
