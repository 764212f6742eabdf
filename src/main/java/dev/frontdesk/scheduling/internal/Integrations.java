package dev.frontdesk.scheduling.internal;

import dev.frontdesk.scheduling.calendar.ConferencingCalendar;
import dev.frontdesk.scheduling.calendar.GoogleCalendar;
import dev.frontdesk.scheduling.calendar.GoogleCalendarSettings;
import dev.frontdesk.scheduling.calendar.GoogleCalendarSettings.OAuthUserToken;
import dev.frontdesk.scheduling.calendar.GoogleCalendarSettings.ServiceAccountKey;
import dev.frontdesk.scheduling.calendar.MeetingLinks;
import dev.frontdesk.scheduling.calendar.ZoomMeetings;
import dev.frontdesk.scheduling.calendar.ZoomSettings;
import dev.frontdesk.shared.Breakers;
import dev.frontdesk.shared.SecretBox;
import dev.frontdesk.shared.Timestamps;
import dev.frontdesk.tenants.BusinessId;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A business's external calendar and meeting-link provider: stored settings (credentials sealed with
 * {@link SecretBox}) and the adapters built from them, cached until the settings change.
 */
@Component
class Integrations {

    static final String ZOOM = "zoom";
    static final String GOOGLE_MEET = "google_meet";

    /** Stored settings of one business; credentials still sealed. */
    record Settings(
            BusinessId business,
            String calendarProvider,
            String calendarId,
            String calendarAuth,
            String calendarCredentials,
            String meetingsProvider,
            String meetingsAccount,
            String meetingsCredentials,
            String lastError,
            Instant lastErrorAt,
            Instant updatedAt) {

        static Settings none(BusinessId business, Instant now) {
            return new Settings(business, "internal", null, null, null, "none", null, null, null, null, now);
        }

        boolean hasCalendar() {
            return "google".equals(calendarProvider);
        }

        /** Whether appointments get a video link: from Zoom, or from Google Meet on the connected calendar. */
        boolean hasMeetings() {
            return hasZoom() || hasGoogleMeet();
        }

        boolean hasZoom() {
            return ZOOM.equals(meetingsProvider);
        }

        /** Meet links come with the appointment's own Google Calendar event, so they need that calendar. */
        boolean hasGoogleMeet() {
            return GOOGLE_MEET.equals(meetingsProvider) && hasCalendar();
        }
    }

    /** Sealed-credential payloads. */
    record GoogleCredentials(
            String serviceAccountKey,
            String delegatedUser,
            String clientId,
            String clientSecret,
            String refreshToken) {}

    record ZoomCredentials(String clientId, String clientSecret) {}

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final JsonMapper json;
    private final SchedulingProperties properties;
    private final Breakers breakers;
    private final Clock clock;
    private final Map<BusinessId, Cached<ConferencingCalendar>> calendars = new ConcurrentHashMap<>();
    private final Map<BusinessId, Cached<MeetingLinks>> meetings = new ConcurrentHashMap<>();

    private record Cached<T>(Instant version, T adapter) {}

    Integrations(
            JdbcClient jdbc,
            SecretBox secrets,
            JsonMapper json,
            SchedulingProperties properties,
            Breakers breakers,
            Clock clock) {
        this.breakers = breakers;
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    Settings settings(BusinessId business) {
        return jdbc.sql("SELECT * FROM scheduling_integration WHERE business_id = :business")
                .param("business", business.value())
                .query((rs, n) -> new Settings(
                        new BusinessId(rs.getObject("business_id", UUID.class)),
                        rs.getString("calendar_provider"),
                        rs.getString("calendar_id"),
                        rs.getString("calendar_auth"),
                        rs.getString("calendar_credentials"),
                        rs.getString("meetings_provider"),
                        rs.getString("meetings_account"),
                        rs.getString("meetings_credentials"),
                        rs.getString("last_error"),
                        instant(rs.getObject("last_error_at", OffsetDateTime.class)),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .optional()
                .orElseGet(() -> Settings.none(business, Instant.EPOCH));
    }

    /**
     * Saves the calendar connection. Going back to the internal calendar also ends Google Meet links, which
     * live on that calendar's events.
     */
    void saveCalendar(BusinessId business, String provider, String calendarId, String auth, Object credentials) {
        Settings current = settings(business);
        boolean meetEnds = GOOGLE_MEET.equals(current.meetingsProvider()) && !"google".equals(provider);
        save(new Settings(
                business,
                provider,
                calendarId,
                auth,
                credentials == null ? null : secrets.seal(json.writeValueAsString(credentials)),
                meetEnds ? "none" : current.meetingsProvider(),
                current.meetingsAccount(),
                current.meetingsCredentials(),
                null,
                null,
                clock.instant()));
    }

    void saveMeetings(BusinessId business, String provider, String account, Object credentials) {
        Settings current = settings(business);
        save(new Settings(
                business,
                current.calendarProvider(),
                current.calendarId(),
                current.calendarAuth(),
                current.calendarCredentials(),
                provider,
                account,
                credentials == null ? null : secrets.seal(json.writeValueAsString(credentials)),
                null,
                null,
                clock.instant()));
    }

    void recordError(BusinessId business, String error) {
        jdbc.sql("UPDATE scheduling_integration SET last_error = :error, last_error_at = :now WHERE business_id = :b")
                .param("error", error.length() > 500 ? error.substring(0, 500) : error)
                .param("now", Timestamps.utc(clock.instant()))
                .param("b", business.value())
                .update();
    }

    Optional<ConferencingCalendar> calendar(BusinessId business) {
        Settings settings = settings(business);
        if (!settings.hasCalendar()) {
            return Optional.empty();
        }
        var cached = calendars.get(business);
        if (cached != null && cached.version().equals(settings.updatedAt())) {
            return Optional.of(cached.adapter());
        }
        var credentials = json.readValue(secrets.open(settings.calendarCredentials()), GoogleCredentials.class);
        GoogleCalendarSettings.GoogleAuth auth = "service-account".equals(settings.calendarAuth())
                ? new ServiceAccountKey(atOurTokenServer(credentials.serviceAccountKey()), credentials.delegatedUser())
                : new OAuthUserToken(
                        credentials.clientId(),
                        credentials.clientSecret(),
                        credentials.refreshToken(),
                        null,
                        null,
                        googleTokenServer());
        ConferencingCalendar adapter = new GuardedProviders.Calendar(
                new GoogleCalendar(new GoogleCalendarSettings(
                        settings.calendarId(), properties.googleRootUrl(), auth, null, null)),
                breakers,
                "google-calendar:" + business);
        calendars.put(business, new Cached<>(settings.updatedAt(), adapter));
        return Optional.of(adapter);
    }

    /** Where Google tokens come from: Google's token endpoint, or the operator's stub in tests. */
    URI googleTokenServer() {
        return properties.googleTokenServer() == null
                        || properties.googleTokenServer().isBlank()
                ? GoogleCalendarSettings.DEFAULT_TOKEN_SERVER
                : URI.create(properties.googleTokenServer().trim());
    }

    /** Hosts a service-account key's {@code token_uri} may name: Google's, or the configured token server's. */
    boolean isGoogleTokenHost(String host) {
        return host != null
                && (GOOGLE_TOKEN_HOSTS.contains(host.toLowerCase(java.util.Locale.ROOT))
                        || host.equalsIgnoreCase(googleTokenServer().getHost()));
    }

    private static final java.util.Set<String> GOOGLE_TOKEN_HOSTS =
            java.util.Set.of("oauth2.googleapis.com", "accounts.google.com", "www.googleapis.com");

    /**
     * The key with its {@code token_uri} replaced by our token server: the key is the business's input,
     * and the service must never POST a signed assertion wherever a key says (server-side request forgery).
     */
    private String atOurTokenServer(String keyJson) {
        var key = (tools.jackson.databind.node.ObjectNode) json.readTree(keyJson);
        key.put("token_uri", googleTokenServer().toString());
        return json.writeValueAsString(key);
    }

    /** Zoom, when the business connected it; Google Meet links come from {@link #calendar} instead. */
    Optional<MeetingLinks> meetings(BusinessId business) {
        Settings settings = settings(business);
        if (!settings.hasZoom()) {
            return Optional.empty();
        }
        var cached = meetings.get(business);
        if (cached != null && cached.version().equals(settings.updatedAt())) {
            return Optional.of(cached.adapter());
        }
        var credentials = json.readValue(secrets.open(settings.meetingsCredentials()), ZoomCredentials.class);
        MeetingLinks adapter = new GuardedProviders.Meetings(
                new ZoomMeetings(new ZoomSettings(
                        settings.meetingsAccount(),
                        credentials.clientId(),
                        credentials.clientSecret(),
                        properties.zoomOauthUrl(),
                        properties.zoomApiUrl())),
                breakers,
                "zoom:" + business);
        meetings.put(business, new Cached<>(settings.updatedAt(), adapter));
        return Optional.of(adapter);
    }

    private void save(Settings s) {
        int updated = jdbc.sql("UPDATE scheduling_integration SET calendar_provider = :cp, calendar_id = :cid,"
                        + " calendar_auth = :ca, calendar_credentials = :cc, meetings_provider = :mp,"
                        + " meetings_account = :ma, meetings_credentials = :mc, last_error = NULL,"
                        + " last_error_at = NULL, updated_at = :now WHERE business_id = :b")
                .params(params(s))
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO scheduling_integration (business_id, calendar_provider, calendar_id, calendar_auth,"
                            + " calendar_credentials, meetings_provider, meetings_account, meetings_credentials,"
                            + " updated_at) VALUES (:b, :cp, :cid, :ca, :cc, :mp, :ma, :mc, :now)")
                    .params(params(s))
                    .update();
        }
    }

    private static Map<String, Object> params(Settings s) {
        var params = new java.util.HashMap<String, Object>();
        params.put("b", s.business().value());
        params.put("cp", s.calendarProvider());
        params.put("cid", s.calendarId());
        params.put("ca", s.calendarAuth());
        params.put("cc", s.calendarCredentials());
        params.put("mp", s.meetingsProvider());
        params.put("ma", s.meetingsAccount());
        params.put("mc", s.meetingsCredentials());
        params.put("now", Timestamps.utc(s.updatedAt()));
        return params;
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
