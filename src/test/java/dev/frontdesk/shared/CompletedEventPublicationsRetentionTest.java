package dev.frontdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The event publication registry keeps a completed publication for {@code frontdesk.events.completed-retention}
 * (here 7 days), then the retention job deletes it; a publication not yet delivered stays however old it is.
 */
@SpringBootTest(
        properties = {
            "frontdesk.events.completed-retention=7d",
            "frontdesk.events.retention-interval=1s",
            "frontdesk.jobs.polling-interval=100ms"
        })
class CompletedEventPublicationsRetentionTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void completedPublicationsOlderThanTheRetentionAreDeletedAndUndeliveredOnesStay() {
        Instant now = Instant.now();
        UUID old = publication(now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8)));
        UUID recent = publication(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));
        UUID undelivered = publication(now.minus(Duration.ofDays(30)), null);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(ids()).doesNotContain(old));
        assertThat(ids()).contains(recent, undelivered);
    }

    private List<UUID> ids() {
        return jdbc.sql("SELECT id FROM event_publication").query(UUID.class).list();
    }

    private UUID publication(Instant published, Instant completed) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,"
                        + " completion_date, status, completion_attempts) VALUES (:id, 'retention.test.Listener',"
                        + " 'java.lang.String', '\"x\"', :published, :completed, :status, 1)")
                .param("id", id)
                .param("published", OffsetDateTime.ofInstant(published, ZoneOffset.UTC))
                .param(
                        "completed",
                        completed == null ? null : OffsetDateTime.ofInstant(completed, ZoneOffset.UTC),
                        java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("status", completed == null ? "PUBLISHED" : "COMPLETED")
                .update();
        return id;
    }
}
