package dev.frontdesk.scheduling.calendar;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.HttpUnsuccessfulResponseHandler;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.util.Data;
import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.CalendarScopes;
import com.google.api.services.calendar.model.ConferenceData;
import com.google.api.services.calendar.model.ConferenceSolutionKey;
import com.google.api.services.calendar.model.CreateConferenceRequest;
import com.google.api.services.calendar.model.EntryPoint;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventAttendee;
import com.google.api.services.calendar.model.EventDateTime;
import com.google.api.services.calendar.model.FreeBusyCalendar;
import com.google.api.services.calendar.model.FreeBusyRequest;
import com.google.api.services.calendar.model.FreeBusyRequestItem;
import com.google.api.services.calendar.model.FreeBusyResponse;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.http.HttpTransportFactory;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.auth.oauth2.UserCredentials;
import dev.frontdesk.scheduling.calendar.GoogleCalendarSettings.GoogleAuth;
import dev.frontdesk.scheduling.calendar.GoogleCalendarSettings.OAuthUserToken;
import dev.frontdesk.scheduling.calendar.GoogleCalendarSettings.ServiceAccountKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A Google calendar through the official client (Calendar API v3). Tokens come from google-auth and
 * are cached and refreshed by it; a 401 from the API refreshes the token and retries once. Events may
 * carry a Google Meet conference of their own.
 */
public final class GoogleCalendar implements ConferencingCalendar {

    static final String APPLICATION_NAME = "Frontdesk";

    /** Reads free/busy and manages events; domain-wide delegation must grant exactly this scope. */
    static final String SCOPE = CalendarScopes.CALENDAR;

    /** Reasons Google gives, with a 403, for limits that pass with time. */
    private static final Set<String> RATE_LIMITS =
            Set.of("rateLimitExceeded", "userRateLimitExceeded", "quotaExceeded", "dailyLimitExceeded");

    /** The conference solution of Google Meet. */
    static final String MEET = "hangoutsMeet";

    private final Calendar client;
    private final String calendarId;

    public GoogleCalendar(GoogleCalendarSettings settings) {
        Objects.requireNonNull(settings, "settings");
        HttpTransport transport = new NetHttpTransport();
        HttpCredentialsAdapter credentials = new HttpCredentialsAdapter(credentials(settings.auth(), () -> transport));
        int connectTimeout = millis(settings.connectTimeout());
        int readTimeout = millis(settings.readTimeout());
        RefreshOnUnauthorized refresh = new RefreshOnUnauthorized(credentials);
        HttpRequestInitializer initializer = request -> {
            credentials.initialize(request);
            request.setUnsuccessfulResponseHandler(refresh);
            request.setConnectTimeout(connectTimeout);
            request.setReadTimeout(readTimeout);
            // One retry: after a 401, with a fresh token.
            request.setNumberOfRetries(1);
        };
        this.client = new Calendar.Builder(transport, GsonFactory.getDefaultInstance(), initializer)
                .setRootUrl(settings.rootUrl())
                .setApplicationName(APPLICATION_NAME)
                .build();
        this.calendarId = settings.calendarId();
    }

    @Override
    public List<BusyInterval> busy(Instant from, Instant to) {
        FreeBusyRequest request = new FreeBusyRequest()
                .setTimeMin(new DateTime(from.toEpochMilli()))
                .setTimeMax(new DateTime(to.toEpochMilli()))
                .setItems(List.of(new FreeBusyRequestItem().setId(calendarId)));
        FreeBusyResponse response;
        try {
            response = client.freebusy().query(request).execute();
        } catch (IOException e) {
            throw failure("read free/busy", e);
        }
        FreeBusyCalendar calendar = calendarIn(response);
        if (calendar.getErrors() != null && !calendar.getErrors().isEmpty()) {
            String reason = calendar.getErrors().getFirst().getReason();
            String message = "Google Calendar reported " + reason + " for the free/busy of calendar " + calendarId;
            if ("notFound".equals(reason)) {
                throw new CalendarAccessDenied(
                        message + "; check the calendar id and that the credentials may see it, or re-authorise", null);
            }
            throw new CalendarUnavailable(message, null);
        }
        if (calendar.getBusy() == null) {
            return List.of();
        }
        return calendar.getBusy().stream()
                .map(period -> new BusyInterval(instant(period.getStart()), instant(period.getEnd())))
                .toList();
    }

    @Override
    public String createEvent(CalendarEvent event) {
        try {
            Calendar.Events.Insert insert = client.events().insert(calendarId, toGoogle(event));
            if (event.hasAttendee()) {
                insert.setSendUpdates("all");
            }
            return insert.execute().getId();
        } catch (IOException e) {
            throw failure("create an event", e);
        }
    }

    /**
     * Inserts the event with {@code conferenceDataVersion=1} and a {@code hangoutsMeet} create request.
     * The link is the answer's {@code hangoutLink} (or its video entry point); Google may still be
     * creating the conference ({@code pending}).
     */
    @Override
    public ConferenceEvent createEventWithConference(CalendarEvent event, String requestId) {
        Event google = toGoogle(event)
                .setConferenceData(new ConferenceData()
                        .setCreateRequest(new CreateConferenceRequest()
                                .setRequestId(requestId)
                                .setConferenceSolutionKey(new ConferenceSolutionKey().setType(MEET))));
        try {
            Calendar.Events.Insert insert =
                    client.events().insert(calendarId, google).setConferenceDataVersion(1);
            if (event.hasAttendee()) {
                insert.setSendUpdates("all");
            }
            return conferenceOf(insert.execute());
        } catch (IOException e) {
            throw failure("create an event with a Google Meet conference", e);
        }
    }

    /** events.get, which always includes the event's conference data (it takes no conferenceDataVersion). */
    @Override
    public ConferenceEvent conference(String eventId) {
        try {
            return conferenceOf(client.events().get(calendarId, eventId).execute());
        } catch (IOException e) {
            throw failure("read the conference of event " + eventId, e);
        }
    }

    /** The event's Meet link, pending while Google creates it, failed when Google gave none. */
    private static ConferenceEvent conferenceOf(Event event) {
        ConferenceData conference = event.getConferenceData();
        String link = event.getHangoutLink();
        if ((link == null || link.isBlank()) && conference != null && conference.getEntryPoints() != null) {
            link = conference.getEntryPoints().stream()
                    .filter(entry -> "video".equals(entry.getEntryPointType()))
                    .map(EntryPoint::getUri)
                    .filter(uri -> uri != null && !uri.isBlank())
                    .findFirst()
                    .orElse(null);
        }
        if (link != null && !link.isBlank()) {
            return ConferenceEvent.ready(event.getId(), link);
        }
        String status = conference == null
                        || conference.getCreateRequest() == null
                        || conference.getCreateRequest().getStatus() == null
                ? null
                : conference.getCreateRequest().getStatus().getStatusCode();
        return "pending".equals(status)
                ? ConferenceEvent.pending(event.getId())
                : ConferenceEvent.failed(event.getId());
    }

    /**
     * Patches the fields Frontdesk owns, so that what the owner added in Google (reminders, colour,
     * conferencing) stays. An event without an attendee leaves the attendee list as it was.
     */
    @Override
    public void updateEvent(String eventId, CalendarEvent event) {
        Event patch = toGoogle(event);
        if (patch.getDescription() == null) {
            patch.setDescription(Data.NULL_STRING);
        }
        if (patch.getLocation() == null) {
            patch.setLocation(Data.NULL_STRING);
        }
        try {
            Calendar.Events.Patch request = client.events().patch(calendarId, eventId, patch);
            if (event.hasAttendee()) {
                request.setSendUpdates("all");
            }
            request.execute();
        } catch (IOException e) {
            throw failure("update event " + eventId, e);
        }
    }

    /** Deletes the event and tells its attendees, if any. */
    @Override
    public void deleteEvent(String eventId) {
        try {
            client.events().delete(calendarId, eventId).setSendUpdates("all").execute();
        } catch (HttpResponseException e) {
            if (e.getStatusCode() == 404 || e.getStatusCode() == 410) {
                return;
            }
            throw failure("delete event " + eventId, e);
        } catch (IOException e) {
            throw failure("delete event " + eventId, e);
        }
    }

    private FreeBusyCalendar calendarIn(FreeBusyResponse response) {
        Map<String, FreeBusyCalendar> calendars = response.getCalendars();
        if (calendars == null || calendars.isEmpty()) {
            throw new CalendarUnavailable("Google Calendar answered free/busy without any calendar", null);
        }
        FreeBusyCalendar calendar = calendars.get(calendarId);
        if (calendar == null && calendars.size() == 1) {
            // Google may key the answer by the calendar's address rather than by "primary".
            calendar = calendars.values().iterator().next();
        }
        if (calendar == null) {
            throw new CalendarUnavailable("Google Calendar's free/busy did not include " + calendarId, null);
        }
        return calendar;
    }

    private static Event toGoogle(CalendarEvent event) {
        Event google = new Event()
                .setSummary(event.summary())
                .setDescription(event.description())
                .setLocation(event.location())
                .setStart(dateTime(event.start(), event.zone()))
                .setEnd(dateTime(event.end(), event.zone()));
        if (event.hasAttendee()) {
            google.setAttendees(
                    List.of(new EventAttendee().setEmail(event.attendeeEmail()).setDisplayName(event.attendeeName())));
        }
        return google;
    }

    private static EventDateTime dateTime(Instant instant, ZoneId zone) {
        int offsetMinutes = zone.getRules().getOffset(instant).getTotalSeconds() / 60;
        return new EventDateTime()
                .setDateTime(new DateTime(instant.toEpochMilli(), offsetMinutes))
                .setTimeZone(TimeZoneNames.of(zone));
    }

    private static Instant instant(DateTime dateTime) {
        return Instant.ofEpochMilli(dateTime.getValue());
    }

    /**
     * Sorts a failure into retryable, denied or rejected. Failures of the token endpoint arrive from
     * google-auth as an IOException caused by the token server's HttpResponseException.
     */
    private RuntimeException failure(String action, IOException e) {
        String what = "Google Calendar failed to " + action;
        if (e instanceof HttpResponseException api) {
            int status = api.getStatusCode();
            if (status == 401 || (status == 403 && !isRateLimit(e))) {
                return new CalendarAccessDenied(
                        what + ": access denied (HTTP " + status + "); re-authorise the Google Calendar connection", e);
            }
            if (status == 403 || status == 408 || status == 429 || status >= 500) {
                return new CalendarUnavailable(what + ": HTTP " + status + ", try again later", e);
            }
            return new CalendarRequestRejected(what + ": HTTP " + status, status, e);
        }
        HttpResponseException token = tokenServerFailure(e);
        if (token != null) {
            int status = token.getStatusCode();
            if (status == 400 || status == 401 || status == 403) {
                return new CalendarAccessDenied(
                        what + ": the token server refused the credentials (HTTP " + status
                                + "); re-authorise the Google Calendar connection",
                        e);
            }
            return new CalendarUnavailable(what + ": the token server answered HTTP " + status, e);
        }
        return new CalendarUnavailable(what + ": " + e.getClass().getSimpleName(), e);
    }

    private static boolean isRateLimit(IOException e) {
        if (!(e instanceof GoogleJsonResponseException json) || json.getDetails() == null) {
            return false;
        }
        List<GoogleJsonError.ErrorInfo> errors = json.getDetails().getErrors();
        return errors != null && errors.stream().anyMatch(error -> RATE_LIMITS.contains(error.getReason()));
    }

    private static HttpResponseException tokenServerFailure(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpResponseException response) {
                return response;
            }
        }
        return null;
    }

    private static GoogleCredentials credentials(GoogleAuth auth, HttpTransportFactory transport) {
        return switch (auth) {
            case ServiceAccountKey key -> serviceAccount(key, transport);
            case OAuthUserToken token -> user(token, transport);
        };
    }

    private static GoogleCredentials serviceAccount(ServiceAccountKey key, HttpTransportFactory transport) {
        ServiceAccountCredentials account;
        try {
            account = ServiceAccountCredentials.fromStream(
                    new ByteArrayInputStream(key.keyJson().getBytes(StandardCharsets.UTF_8)), transport);
        } catch (IOException e) {
            throw new IllegalArgumentException("The Google service-account key cannot be read", e);
        }
        // The caller retries on CalendarUnavailable; no backoff inside a live call.
        GoogleCredentials credentials =
                account.createWithCustomRetryStrategy(false).createScoped(List.of(SCOPE));
        if (key.delegatedUser() != null && !key.delegatedUser().isBlank()) {
            credentials = credentials.createDelegated(key.delegatedUser());
        }
        return credentials;
    }

    private static GoogleCredentials user(OAuthUserToken token, HttpTransportFactory transport) {
        UserCredentials.Builder builder = UserCredentials.newBuilder()
                .setClientId(token.clientId())
                .setClientSecret(token.clientSecret())
                .setRefreshToken(token.refreshToken())
                .setTokenServerUri(token.tokenServer())
                .setHttpTransportFactory(transport);
        if (token.accessToken() != null && !token.accessToken().isBlank()) {
            Date expiry = token.accessTokenExpiresAt() == null ? null : Date.from(token.accessTokenExpiresAt());
            builder.setAccessToken(new AccessToken(token.accessToken(), expiry));
        }
        return builder.build();
    }

    /**
     * Lets the credentials adapter refresh the token after a 401, but only while the request may still
     * be retried, so that a second 401 does not fetch yet another token for nothing.
     */
    private record RefreshOnUnauthorized(HttpCredentialsAdapter credentials)
            implements HttpUnsuccessfulResponseHandler {

        @Override
        public boolean handleResponse(HttpRequest request, HttpResponse response, boolean supportsRetry)
                throws IOException {
            if (!supportsRetry) {
                return false;
            }
            boolean retry = credentials.handleResponse(request, response, supportsRetry);
            // The adapter re-initialises the request, which puts itself back as the handler.
            request.setUnsuccessfulResponseHandler(this);
            return retry;
        }
    }

    private static int millis(Duration duration) {
        return Math.toIntExact(duration.toMillis());
    }
}
