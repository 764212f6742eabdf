package dev.frontdesk.scheduling.calendar;

import java.time.Duration;
import java.util.Objects;

/**
 * A Zoom Server-to-Server OAuth app: its account id, client id and client secret from the Zoom App
 * Marketplace. The app needs the scope to write meetings ({@code meeting:write:admin} or the granular
 * {@code meeting:write:meeting:admin} and {@code meeting:delete:meeting:admin}).
 *
 * @param oauthBaseUrl {@code https://zoom.us} when null
 * @param apiBaseUrl {@code https://api.zoom.us/v2} when null
 * @param connectTimeout 5 seconds when null
 * @param readTimeout 10 seconds when null
 */
public record ZoomSettings(
        String accountId,
        String clientId,
        String clientSecret,
        String oauthBaseUrl,
        String apiBaseUrl,
        Duration connectTimeout,
        Duration readTimeout) {

    public static final String DEFAULT_OAUTH_BASE_URL = "https://zoom.us";
    public static final String DEFAULT_API_BASE_URL = "https://api.zoom.us/v2";

    public ZoomSettings {
        Objects.requireNonNull(accountId, "account id");
        Objects.requireNonNull(clientId, "client id");
        Objects.requireNonNull(clientSecret, "client secret");
        oauthBaseUrl = withoutTrailingSlash(oauthBaseUrl == null ? DEFAULT_OAUTH_BASE_URL : oauthBaseUrl);
        apiBaseUrl = withoutTrailingSlash(apiBaseUrl == null ? DEFAULT_API_BASE_URL : apiBaseUrl);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    }

    /** Zoom's own URLs with the default timeouts. */
    public ZoomSettings(
            String accountId, String clientId, String clientSecret, String oauthBaseUrl, String apiBaseUrl) {
        this(accountId, clientId, clientSecret, oauthBaseUrl, apiBaseUrl, null, null);
    }

    /** Zoom's own URLs with the default timeouts. */
    public static ZoomSettings of(String accountId, String clientId, String clientSecret) {
        return new ZoomSettings(accountId, clientId, clientSecret, null, null);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "ZoomSettings[accountId=" + accountId + ", clientId=" + clientId + ", clientSecret=<redacted>,"
                + " oauthBaseUrl=" + oauthBaseUrl + ", apiBaseUrl=" + apiBaseUrl + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
