package dev.frontdesk.scheduling.calendar;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How to reach one Google calendar.
 *
 * @param calendarId the calendar, {@code "primary"} when null: the delegated user's or the
 *     authorising user's main calendar
 * @param rootUrl the API's root URL, {@code https://www.googleapis.com/} when null (tests point it at
 *     a stub); the client appends {@code calendar/v3/}
 * @param auth the credentials, a service-account key or an OAuth user token
 * @param connectTimeout 5 seconds when null
 * @param readTimeout 10 seconds when null
 */
public record GoogleCalendarSettings(
        String calendarId, String rootUrl, GoogleAuth auth, Duration connectTimeout, Duration readTimeout) {

    public static final String PRIMARY = "primary";
    public static final String DEFAULT_ROOT_URL = "https://www.googleapis.com/";
    public static final URI DEFAULT_TOKEN_SERVER = URI.create("https://oauth2.googleapis.com/token");

    public GoogleCalendarSettings {
        Objects.requireNonNull(auth, "auth");
        calendarId = calendarId == null || calendarId.isBlank() ? PRIMARY : calendarId;
        rootUrl = rootUrl == null || rootUrl.isBlank() ? DEFAULT_ROOT_URL : rootUrl;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    }

    /** The primary calendar at Google with the default timeouts. */
    public static GoogleCalendarSettings of(GoogleAuth auth) {
        return new GoogleCalendarSettings(null, null, auth, null, null);
    }

    /** Credentials for Google Calendar. */
    public sealed interface GoogleAuth permits ServiceAccountKey, OAuthUserToken {}

    /**
     * A service account's JSON key as downloaded from the Google Cloud console. With a {@code
     * delegatedUser} (domain-wide delegation in Google Workspace) the service account acts as that user;
     * without one it uses its own calendars, which must then be shared with it. The key's {@code
     * token_uri} says where tokens come from.
     */
    public record ServiceAccountKey(String keyJson, String delegatedUser) implements GoogleAuth {

        public ServiceAccountKey {
            Objects.requireNonNull(keyJson, "service-account key");
        }

        @Override
        public String toString() {
            return "ServiceAccountKey[keyJson=<redacted>, delegatedUser=" + delegatedUser + "]";
        }
    }

    /**
     * An OAuth client and the refresh token a business owner granted it for the calendar scope, with an
     * optional current access token ({@code accessTokenExpiresAt} null when unknown) and the token
     * server ({@link #DEFAULT_TOKEN_SERVER} when null).
     */
    public record OAuthUserToken(
            String clientId,
            String clientSecret,
            String refreshToken,
            String accessToken,
            Instant accessTokenExpiresAt,
            URI tokenServer)
            implements GoogleAuth {

        public OAuthUserToken {
            Objects.requireNonNull(clientId, "client id");
            Objects.requireNonNull(clientSecret, "client secret");
            Objects.requireNonNull(refreshToken, "refresh token");
            tokenServer = tokenServer == null ? DEFAULT_TOKEN_SERVER : tokenServer;
        }

        /** Just a refresh token, at Google's token server. */
        public static OAuthUserToken of(String clientId, String clientSecret, String refreshToken) {
            return new OAuthUserToken(clientId, clientSecret, refreshToken, null, null, null);
        }

        @Override
        public String toString() {
            return "OAuthUserToken[clientId=" + clientId + ", clientSecret=<redacted>, refreshToken=<redacted>,"
                    + " accessToken=<redacted>, tokenServer=" + tokenServer + "]";
        }
    }
}
