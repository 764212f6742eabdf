package dev.frontdesk.sheets.internal;

import static dev.frontdesk.shared.Timestamps.utc;

import dev.frontdesk.shared.SecretBox;
import dev.frontdesk.tenants.BusinessId;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which spreadsheet each business logs its calls to, with the service-account key sealed by {@link SecretBox}. */
@Repository
class SheetsConnections {

    /** A business's connection; the key still sealed. */
    record Connection(
            BusinessId business,
            String spreadsheetId,
            String sheetName,
            String clientEmail,
            String sealedKey,
            String lastError,
            Instant lastErrorAt,
            Instant connectedAt) {

        @Override
        public String toString() {
            return "Connection[business=" + business + ", spreadsheetId=" + spreadsheetId + "]";
        }
    }

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final Clock clock;

    SheetsConnections(JdbcClient jdbc, SecretBox secrets, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
    }

    Optional<Connection> find(BusinessId business) {
        return jdbc.sql("SELECT * FROM sheets_connection WHERE business_id = :b")
                .param("b", business.value())
                .query((rs, n) -> {
                    OffsetDateTime errorAt = rs.getObject("last_error_at", OffsetDateTime.class);
                    return new Connection(
                            new BusinessId(rs.getObject("business_id", UUID.class)),
                            rs.getString("spreadsheet_id"),
                            rs.getString("sheet_name"),
                            rs.getString("client_email"),
                            rs.getString("credentials"),
                            rs.getString("last_error"),
                            errorAt == null ? null : errorAt.toInstant(),
                            rs.getObject("connected_at", OffsetDateTime.class).toInstant());
                })
                .optional();
    }

    /** Connects (or reconnects) the business; the key is sealed before it is stored. */
    void connect(BusinessId business, String spreadsheetId, String sheetName, String clientEmail, String keyJson) {
        disconnect(business);
        jdbc.sql("INSERT INTO sheets_connection (business_id, spreadsheet_id, sheet_name, client_email, credentials,"
                        + " connected_at) VALUES (:b, :s, :tab, :email, :key, :at)")
                .param("b", business.value())
                .param("s", spreadsheetId)
                .param("tab", sheetName)
                .param("email", clientEmail)
                .param("key", secrets.seal(keyJson))
                .param("at", utc(now()))
                .update();
    }

    void disconnect(BusinessId business) {
        jdbc.sql("DELETE FROM sheets_connection WHERE business_id = :b")
                .param("b", business.value())
                .update();
    }

    /** The key in clear, to sign a token request. */
    String key(Connection connection) {
        return secrets.open(connection.sealedKey());
    }

    void recordError(BusinessId business, String error) {
        jdbc.sql("UPDATE sheets_connection SET last_error = :e, last_error_at = :at WHERE business_id = :b")
                .param("e", error.length() > 500 ? error.substring(0, 500) : error)
                .param("at", utc(now()))
                .param("b", business.value())
                .update();
    }

    void clearError(BusinessId business) {
        jdbc.sql("UPDATE sheets_connection SET last_error = NULL, last_error_at = NULL WHERE business_id = :b"
                        + " AND last_error IS NOT NULL")
                .param("b", business.value())
                .update();
    }

    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
