package dev.frontdesk.whatsapp.internal;

import dev.frontdesk.shared.Timestamps;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** WhatsApp message ids already handled: the first delivery claims its id, a redelivery finds it taken. */
@Repository
class SeenMessageRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    SeenMessageRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True the first time an id is seen, false for every redelivery. */
    boolean claim(String messageId) {
        String id = messageId.length() <= 200 ? messageId : messageId.substring(0, 200);
        return jdbc.sql("INSERT INTO whatsapp_seen_message (message_id, received_at) VALUES (:id, :at)"
                                + " ON CONFLICT DO NOTHING")
                        .param("id", id)
                        .param("at", Timestamps.utc(clock.instant()))
                        .update()
                == 1;
    }
}
