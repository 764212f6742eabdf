package dev.frontdesk.scheduling.internal;

import dev.frontdesk.scheduling.CalendarConnection;
import dev.frontdesk.tenants.BusinessId;
import org.springframework.stereotype.Service;

/** {@link CalendarConnection} from the stored integration settings, without opening the credentials. */
@Service
class CalendarConnectionStatus implements CalendarConnection {

    private final Integrations integrations;

    CalendarConnectionStatus(Integrations integrations) {
        this.integrations = integrations;
    }

    @Override
    public Status status(BusinessId business) {
        var settings = integrations.settings(business);
        return new Status(
                settings.calendarProvider(),
                settings.hasCalendar() ? settings.calendarId() : null,
                settings.meetingsProvider(),
                settings.lastError(),
                settings.lastErrorAt());
    }
}
