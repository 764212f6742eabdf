package dev.frontdesk.sheets.internal;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Sheets call log. Requests go only to these two addresses (a key's own {@code token_uri} is
 * replaced by the token server); tests point them at a stub.
 *
 * @param rootUrl the Sheets API's root, {@code https://sheets.googleapis.com/}
 * @param tokenServer Google's OAuth token endpoint, {@code https://oauth2.googleapis.com/token}
 * @param retryDelay the first retry after a failed append; each next one waits twice as long
 * @param maxAttempts attempts in all before a row is FAILED (15 at 30 s doubling: about eleven days)
 */
@ConfigurationProperties("frontdesk.sheets")
record SheetsProperties(
        String rootUrl,
        String tokenServer,
        Duration retryDelay,
        Integer maxAttempts,
        Duration connectTimeout,
        Duration readTimeout) {

    static final String GOOGLE_ROOT_URL = "https://sheets.googleapis.com/";
    static final String GOOGLE_TOKEN_SERVER = "https://oauth2.googleapis.com/token";

    SheetsProperties {
        rootUrl = rootUrl == null || rootUrl.isBlank() ? GOOGLE_ROOT_URL : withSlash(rootUrl.trim());
        tokenServer = tokenServer == null || tokenServer.isBlank() ? GOOGLE_TOKEN_SERVER : tokenServer.trim();
        URI.create(tokenServer); // fails start-up on a malformed address
        retryDelay = retryDelay == null || retryDelay.isNegative() || retryDelay.isZero()
                ? Duration.ofSeconds(30)
                : retryDelay;
        maxAttempts = maxAttempts == null || maxAttempts < 1 ? 15 : maxAttempts;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
