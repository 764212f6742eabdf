package dev.frontdesk.sheets.internal;

import com.google.api.client.http.HttpResponseException;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.SheetsScopes;
import com.google.api.services.sheets.v4.model.ValueRange;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import dev.frontdesk.tenants.BusinessId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Appends rows to a business's spreadsheet with Google's client for the Sheets API v4 ({@code
 * spreadsheets.values.append}, values taken as they are: {@code valueInputOption=RAW}, so a summary that
 * starts with {@code =} stays text), reads the call-id column back ({@code spreadsheets.values.get}) before a
 * retry, and signs in with a service account's token (a signed JWT exchanged at the token
 * server, cached by google-auth until it expires). Requests go to the configured Sheets root and token server
 * only. One client per connection, kept until the connection changes.
 */
@Component
class GoogleSheetsAppender {

    static final String APPLICATION_NAME = "Frontdesk";

    /** A failed append: {@code status} is Google's HTTP status, or null when Google was not reached. */
    static final class AppendFailed extends RuntimeException {
        final Integer status;

        AppendFailed(String message, Integer status) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private final SheetsProperties properties;
    private final JsonMapper json;
    private final HttpTransport transport = new NetHttpTransport();
    private final Map<BusinessId, Cached> clients = new ConcurrentHashMap<>();

    private record Cached(Instant version, Sheets client) {}

    GoogleSheetsAppender(SheetsProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    /** Appends one row below the table in the connection's tab (the first tab when none is named). */
    void append(SheetsConnections.Connection connection, String keyJson, List<Object> row) {
        Sheets sheets = client(connection, keyJson);
        call(() -> sheets.spreadsheets()
                .values()
                .append(
                        connection.spreadsheetId(),
                        range(connection.sheetName()),
                        new ValueRange().setMajorDimension("ROWS").setValues(List.of(row)))
                .setValueInputOption("RAW")
                .setInsertDataOption("INSERT_ROWS")
                .execute());
    }

    /**
     * Whether the tab's call-id column (the last of the call log's columns) holds {@code callSid}: a row whose
     * append was taken by Google but whose answer was lost is there ({@code spreadsheets.values.get}).
     */
    boolean holds(SheetsConnections.Connection connection, String keyJson, String callSid) {
        Sheets sheets = client(connection, keyJson);
        ValueRange column = call(() -> sheets.spreadsheets()
                .values()
                .get(connection.spreadsheetId(), idRange(connection.sheetName()))
                .setMajorDimension("COLUMNS")
                .execute());
        List<List<Object>> values = column.getValues();
        return values != null
                && values.stream().flatMap(List::stream).anyMatch(cell -> callSid.equals(String.valueOf(cell)));
    }

    private interface Request<T> {
        T execute() throws IOException;
    }

    private static <T> T call(Request<T> request) {
        try {
            return request.execute();
        } catch (HttpResponseException e) {
            throw new AppendFailed("Google Sheets answered HTTP " + e.getStatusCode(), e.getStatusCode());
        } catch (IOException e) {
            Integer token = tokenServerStatus(e);
            throw new AppendFailed(
                    token == null
                            ? "Google Sheets could not be reached ("
                                    + e.getClass().getSimpleName() + ")"
                            : "Google's token server answered HTTP " + token + " (check the service-account key)",
                    token);
        }
    }

    /** The A1 range of the call log's columns: in the named tab, or in the first one. */
    static String range(String sheetName) {
        return tab(sheetName) + "A:I";
    }

    /** The A1 range of the call-id column. */
    static String idRange(String sheetName) {
        return tab(sheetName) + "I:I";
    }

    private static String tab(String sheetName) {
        return sheetName == null ? "" : "'" + sheetName.replace("'", "''") + "'!";
    }

    /**
     * Checks that the key is a service account's key google-auth can sign with.
     *
     * @throws IllegalArgumentException when it is not
     */
    void check(String keyJson) {
        credentials(keyJson);
    }

    private Sheets client(SheetsConnections.Connection connection, String keyJson) {
        Cached cached = clients.get(connection.business());
        if (cached != null && cached.version().equals(connection.connectedAt())) {
            return cached.client();
        }
        HttpCredentialsAdapter credentials = new HttpCredentialsAdapter(credentials(keyJson));
        int connectTimeout = Math.toIntExact(properties.connectTimeout().toMillis());
        int readTimeout = Math.toIntExact(properties.readTimeout().toMillis());
        Sheets client = new Sheets.Builder(transport, GsonFactory.getDefaultInstance(), request -> {
                    credentials.initialize(request);
                    request.setConnectTimeout(connectTimeout);
                    request.setReadTimeout(readTimeout);
                    request.setFollowRedirects(false);
                })
                .setRootUrl(properties.rootUrl())
                .setApplicationName(APPLICATION_NAME)
                .build();
        clients.put(connection.business(), new Cached(connection.connectedAt(), client));
        return client;
    }

    /**
     * The key's credentials for the spreadsheets scope, its {@code token_uri} replaced by the configured token
     * server: the key is the owner's input, and a signed assertion must never go where a key says.
     */
    private GoogleCredentials credentials(String keyJson) {
        try {
            var key = (ObjectNode) json.readTree(keyJson);
            key.put("token_uri", properties.tokenServer());
            var account = ServiceAccountCredentials.fromStream(
                    new ByteArrayInputStream(json.writeValueAsString(key).getBytes(StandardCharsets.UTF_8)),
                    () -> transport);
            // the job retries with backoff; no retries inside one attempt
            return account.createWithCustomRetryStrategy(false).createScoped(List.of(SheetsScopes.SPREADSHEETS));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a usable service-account key", e);
        }
    }

    private static Integer tokenServerStatus(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpResponseException response) {
                return response.getStatusCode();
            }
        }
        return null;
    }
}
