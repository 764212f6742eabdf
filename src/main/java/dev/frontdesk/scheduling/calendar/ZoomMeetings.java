package dev.frontdesk.scheduling.calendar;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Zoom meetings through a Server-to-Server OAuth app. The account-credentials token is cached until a
 * minute before it expires, shared by all threads, and fetched again once when the API answers 401.
 */
public final class ZoomMeetings implements MeetingLinks {

    /** Zoom's "scheduled meeting". */
    static final int SCHEDULED = 2;

    /** How long before its expiry a token is replaced. */
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);

    private final ZoomSettings settings;
    private final RestClient http;
    private final Clock clock;
    private final ReentrantLock tokenLock = new ReentrantLock();
    private volatile Token token;

    public ZoomMeetings(ZoomSettings settings) {
        this(settings, Clock.systemUTC());
    }

    ZoomMeetings(ZoomSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(settings.readTimeout());
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    @Override
    public Meeting create(String topic, Instant start, Duration duration, ZoneId zone) {
        Objects.requireNonNull(topic, "topic");
        var body = new CreateMeeting(
                topic,
                SCHEDULED,
                DateTimeFormatter.ISO_INSTANT.format(start.truncatedTo(ChronoUnit.SECONDS)),
                minutes(duration),
                TimeZoneNames.of(zone));
        CreatedMeeting created = authorized(
                "create a meeting",
                accessToken -> http.post()
                        .uri(settings.apiBaseUrl() + "/users/me/meetings")
                        .headers(headers -> headers.setBearerAuth(accessToken))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(body)
                        .retrieve()
                        .body(CreatedMeeting.class));
        if (created == null || created.id() == null || created.joinUrl() == null) {
            throw new CalendarUnavailable("Zoom created a meeting but did not say its id and join URL", null);
        }
        return new Meeting(String.valueOf(created.id()), created.joinUrl());
    }

    @Override
    public void delete(String meetingId) {
        Objects.requireNonNull(meetingId, "meeting id");
        try {
            authorized(
                    "delete meeting " + meetingId,
                    accessToken -> http.delete()
                            .uri(settings.apiBaseUrl() + "/meetings/{id}", meetingId)
                            .headers(headers -> headers.setBearerAuth(accessToken))
                            .retrieve()
                            .toBodilessEntity());
        } catch (CalendarRequestRejected e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    /** Calls the API with a token, and once more with a new token if Zoom says 401. */
    private <T> T authorized(String action, Function<String, T> call) {
        String used = accessToken();
        try {
            return call.apply(used);
        } catch (HttpClientErrorException.Unauthorized e) {
            forget(used);
            try {
                return call.apply(accessToken());
            } catch (RestClientException again) {
                throw failure("Zoom failed to " + action, again);
            }
        } catch (RestClientException e) {
            throw failure("Zoom failed to " + action, e);
        }
    }

    private String accessToken() {
        Token current = token;
        if (current != null && current.isFreshAt(clock.instant())) {
            return current.value();
        }
        tokenLock.lock();
        try {
            current = token;
            if (current == null || !current.isFreshAt(clock.instant())) {
                current = fetchToken();
                token = current;
            }
            return current.value();
        } finally {
            tokenLock.unlock();
        }
    }

    /** Drops the token the API refused, unless another thread has already replaced it. */
    private void forget(String refused) {
        tokenLock.lock();
        try {
            if (token != null && token.value().equals(refused)) {
                token = null;
            }
        } finally {
            tokenLock.unlock();
        }
    }

    private Token fetchToken() {
        Instant requestedAt = clock.instant();
        TokenResponse response;
        try {
            response = http.post()
                    .uri(
                            settings.oauthBaseUrl()
                                    + "/oauth/token?grant_type=account_credentials&account_id={account}",
                            settings.accountId())
                    .headers(headers ->
                            headers.setBasicAuth(settings.clientId(), settings.clientSecret(), StandardCharsets.UTF_8))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .retrieve()
                    .body(TokenResponse.class);
        } catch (RestClientResponseException e) {
            int status = e.getStatusCode().value();
            if (status == 400 || status == 401 || status == 403) {
                throw new CalendarAccessDenied(
                        "Zoom refused the Server-to-Server OAuth credentials (HTTP " + status
                                + "); re-authorise Zoom with a valid account id, client id and secret",
                        e);
            }
            throw failure("Zoom failed to issue a token", e);
        } catch (RestClientException e) {
            throw failure("Zoom failed to issue a token", e);
        }
        if (response == null || response.accessToken() == null) {
            throw new CalendarUnavailable("Zoom answered the token request without a token", null);
        }
        Duration lifetime = Duration.ofSeconds(response.expiresIn() == null ? 0 : response.expiresIn());
        Duration margin =
                lifetime.compareTo(REFRESH_MARGIN.multipliedBy(2)) > 0 ? REFRESH_MARGIN : lifetime.dividedBy(2);
        return new Token(response.accessToken(), requestedAt.plus(lifetime).minus(margin));
    }

    private static RuntimeException failure(String what, RestClientException e) {
        if (e instanceof RestClientResponseException response) {
            int status = response.getStatusCode().value();
            if (status == 401 || status == 403) {
                return new CalendarAccessDenied(
                        what + ": access denied (HTTP " + status + "); re-authorise the Zoom connection", e);
            }
            if (status == 408 || status == 429 || status >= 500) {
                return new CalendarUnavailable(what + ": HTTP " + status + ", try again later", e);
            }
            return new CalendarRequestRejected(what + ": HTTP " + status, status, e);
        }
        if (e instanceof ResourceAccessException) {
            return new CalendarUnavailable(what + ": Zoom could not be reached", e);
        }
        return new CalendarUnavailable(what + ": " + e.getClass().getSimpleName(), e);
    }

    /** Zoom takes whole minutes; a part of a minute counts as one. */
    private static int minutes(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a meeting must last some time");
        }
        long minutes = duration.plusSeconds(59).toMinutes();
        return Math.toIntExact(minutes);
    }

    private record Token(String value, Instant refreshAt) {

        boolean isFreshAt(Instant now) {
            return now.isBefore(refreshAt);
        }

        @Override
        public String toString() {
            return "Token[value=<redacted>, refreshAt=" + refreshAt + "]";
        }
    }

    record CreateMeeting(
            String topic,
            int type,
            @JsonProperty("start_time") String startTime,
            int duration,
            String timezone) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CreatedMeeting(Long id, @JsonProperty("join_url") String joinUrl) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") Long expiresIn,
            String scope) {

        @Override
        public String toString() {
            return "TokenResponse[accessToken=<redacted>, expiresIn=" + expiresIn + "]";
        }
    }
}
