package dev.frontdesk.telephony.internal;

import dev.frontdesk.shared.Timestamps;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Calls whose transfer the person called declined during the whisper. */
@Repository
class TransferDeclines {

    private final JdbcClient jdbc;

    TransferDeclines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void decline(String callSid, Instant at) {
        jdbc.sql("INSERT INTO transfer_decline (call_sid, declined_at) VALUES (:sid, :at) ON CONFLICT DO NOTHING")
                .param("sid", callSid)
                .param("at", Timestamps.utc(at))
                .update();
    }

    boolean declined(String callSid) {
        return jdbc.sql("SELECT COUNT(*) FROM transfer_decline WHERE call_sid = :sid")
                        .param("sid", callSid)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
