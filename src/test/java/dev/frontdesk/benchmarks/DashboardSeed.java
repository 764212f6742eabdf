package dev.frontdesk.benchmarks;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills one business with a busy business's history through the real schema, by bulk SQL inserts (seeding
 * through the HTTP API would take longer than the measurement): conversations on every channel with
 * transcripts, their call records, customers, appointments and messages for staff. Seeded with a fixed
 * random seed, so every run measures the same data.
 */
final class DashboardSeed {

    static final String[] CHANNELS = {"VOICE", "VOICE", "VOICE", "VOICE", "VOICE", "VOICE", "SMS", "WEB", "WHATSAPP"};
    static final String[] OUTCOMES = {
        "BOOKED", "ANSWERED", "ANSWERED", "MESSAGE_TAKEN", "ABANDONED", "RESCHEDULED", "CANCELLED", "TRANSFERRED"
    };
    static final String[] LANGUAGES = {"en", "en", "en", "en", "es", "fr", "de"};
    static final String[] SERVICES = {"Drain cleaning", "Leak repair"};
    static final String[] CALLER_LINES = {
        "hi I need a drain cleaning tomorrow at 10",
        "my kitchen sink is blocked again",
        "can somebody look at my water heater thursday morning",
        "what time do you open on saturday",
        "I'd like to move my appointment to next week",
        "there's a leak under the bathroom sink"
    };
    static final String[] ASSISTANT_LINES = {
        "Sure, I can help with that. What's your name?",
        "I have 10:00 or 11:30 tomorrow. Which suits you?",
        "You're booked. You'll get a text to confirm.",
        "We open at 9 on Saturdays."
    };

    private final JdbcTemplate jdbc;
    private final UUID business;
    private final Random random = new Random(11);

    DashboardSeed(JdbcTemplate jdbc, UUID business) {
        this.jdbc = jdbc;
        this.business = business;
    }

    /** What was seeded: a conversation to open, a customer to open. */
    record Seeded(UUID conversation, UUID customer) {}

    /**
     * {@code conversations} spread over the last 90 days (about a tenth of them in the last 8 hours), six
     * transcript lines each; a call record for each voice one; one customer for every five conversations;
     * {@code appointments} from 300 days ago to 65 days ahead; 500 messages for staff, 50 of them open; three calls in progress.
     */
    Seeded seed(Instant now, int conversations, int appointments) {
        int customers = conversations / 5;
        var customerIds = customers(now, customers);
        UUID aConversation = conversations(now, conversations, customers);
        appointments(now, appointments, customers);
        messages(now, 500);
        return new Seeded(aConversation, customerIds.get(customerIds.size() / 2));
    }

    private static String phone(int customer) {
        return "+1617" + (3_000_000 + customer);
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }

    private List<UUID> customers(Instant now, int count) {
        var ids = new ArrayList<UUID>(count);
        var rows = new ArrayList<Object[]>(count);
        String[] statuses = {"NEW", "NEW", "CONTACTED", "MEETING_SCHEDULED", "NO_ANSWER", "NOT_INTERESTED"};
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            Instant created = now.minus(Duration.ofMinutes(random.nextInt(200 * 24 * 60)));
            rows.add(new Object[] {
                id,
                business,
                phone(i),
                "Customer " + i,
                "customer" + i + "@example.com",
                "US",
                LANGUAGES[i % LANGUAGES.length],
                "America/New_York",
                i % 3 == 0 ? "CSV" : "INBOUND_CALL",
                statuses[i % statuses.length],
                i % 3 == 0,
                false,
                false,
                i % 7 == 0 ? "Prefers mornings" : null,
                i % 10 == 0 ? ",vip," : "",
                at(created),
                at(created),
                at(created)
            });
        }
        batch(
                "INSERT INTO customer (id, business_id, phone, name, email, country, language, timezone, source,"
                        + " status, is_lead, sms_opt_out, do_not_call, notes, tags, created_at, updated_at,"
                        + " last_contact_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
        return ids;
    }

    private UUID conversations(Instant now, int count, int customers) {
        var conversationRows = new ArrayList<Object[]>();
        var turnRows = new ArrayList<Object[]>();
        var callRows = new ArrayList<Object[]>();
        UUID first = null;
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            first = first == null ? id : first;
            boolean live = i < 3; // three calls in progress
            String channel = live ? "VOICE" : CHANNELS[i % CHANNELS.length];
            int ageMinutes = live ? 1 + i : i % 10 == 0 ? random.nextInt(8 * 60) : random.nextInt(90 * 24 * 60);
            Instant started = now.minus(Duration.ofMinutes(ageMinutes));
            int seconds = 30 + random.nextInt(400);
            Instant ended = live ? null : started.plusSeconds(seconds);
            String key = channel.equals("VOICE") ? "CA" + id.toString().replace("-", "") : phone(i % customers);
            String outcome = live ? null : OUTCOMES[random.nextInt(OUTCOMES.length)];
            conversationRows.add(new Object[] {
                id,
                business,
                channel,
                key,
                phone(i % customers),
                LANGUAGES[i % LANGUAGES.length],
                at(started),
                at(live ? started : ended),
                live ? null : at(ended),
                outcome,
                i % 97 == 0,
                live ? null : "Caller asked about " + SERVICES[i % 2].toLowerCase() + "; " + outcome
            });
            for (int seq = 1; seq <= 6; seq++) {
                boolean caller = seq % 2 == 1;
                turnRows.add(new Object[] {
                    UUID.randomUUID(),
                    id,
                    business,
                    seq,
                    caller ? "CALLER" : "ASSISTANT",
                    caller
                            ? CALLER_LINES[(i + seq) % CALLER_LINES.length]
                            : ASSISTANT_LINES[(i + seq) % ASSISTANT_LINES.length],
                    at(started.plusSeconds(seq * 10L))
                });
            }
            if (channel.equals("VOICE")) {
                callRows.add(new Object[] {
                    UUID.randomUUID(),
                    business,
                    key,
                    phone(i % customers),
                    "+16175550100",
                    "inbound",
                    at(started),
                    live ? null : at(ended),
                    live ? null : seconds,
                    live ? "in-progress" : "completed",
                    i % 5 == 0 ? "https://api.twilio.com/recordings/RE" + i : null,
                    LANGUAGES[i % LANGUAGES.length]
                });
            }
            if (turnRows.size() >= 6_000) {
                flushConversations(conversationRows, turnRows, callRows);
            }
        }
        flushConversations(conversationRows, turnRows, callRows);
        return first;
    }

    private void flushConversations(List<Object[]> conversations, List<Object[]> turns, List<Object[]> calls) {
        batch(
                "INSERT INTO conversation (id, business_id, channel, conversation_key, customer_phone, language,"
                        + " started_at, last_activity_at, ended_at, outcome, emergency, summary)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                conversations);
        batch(
                "INSERT INTO conversation_turn (id, conversation_id, business_id, seq, speaker, text, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                turns);
        batch(
                "INSERT INTO call_record (id, business_id, call_sid, from_number, to_number, direction, started_at,"
                        + " ended_at, duration_seconds, status, recording_url, language)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                calls);
        conversations.clear();
        turns.clear();
        calls.clear();
    }

    /**
     * Four employees and {@code count} appointments on distinct two-hour slots (08:00 to 18:00 UTC) of one of
     * them, so no two live appointments of one person overlap (PostgreSQL's exclusion constraint).
     */
    private void appointments(Instant now, int count, int customers) {
        var staff = new ArrayList<String>();
        var employees = new ArrayList<Object[]>();
        for (int i = 0; i < 4; i++) {
            UUID id = UUID.randomUUID();
            staff.add(id.toString());
            employees.add(new Object[] {
                id, business, "Plumber " + (i + 1), "+1617555020" + i, "[\"plumber\"]", "ACTIVE", at(now), at(now)
            });
        }
        batch(
                "INSERT INTO employee (id, business_id, name, phone, roles, status, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                employees);
        var slots = new ArrayList<Integer>();
        for (int slot = 0; slot < 365 * 5 * staff.size(); slot++) {
            slots.add(slot);
        }
        java.util.Collections.shuffle(slots, random);
        var rows = new ArrayList<Object[]>(count);
        String[] statuses = {"SCHEDULED", "SCHEDULED", "CONFIRMED", "CANCELLED", "COMPLETED"};
        Instant firstDay = now.truncatedTo(java.time.temporal.ChronoUnit.DAYS).minus(Duration.ofDays(300));
        for (int i = 0; i < count; i++) {
            int slot = slots.get(i);
            int day = slot / (5 * staff.size());
            int hour = 8 + 2 * (slot / staff.size() % 5);
            Instant start = firstDay.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour));
            String service = SERVICES[i % 2];
            Instant end = start.plus(Duration.ofMinutes(service.equals("Drain cleaning") ? 60 : 90));
            String status = start.isBefore(now) ? statuses[i % statuses.length] : statuses[i % 3];
            Instant created = start.minus(Duration.ofDays(1 + random.nextInt(14)));
            rows.add(new Object[] {
                UUID.randomUUID(),
                business,
                "Customer " + (i % customers),
                phone(i % customers),
                null,
                service,
                staff.get(slot % staff.size()),
                at(start),
                at(end),
                status,
                false,
                i % 4 == 0 ? "Gate code 1234" : null,
                i % 2 == 0 ? "VOICE" : "API",
                0,
                at(created),
                at(created),
                "en"
            });
        }
        batch(
                "INSERT INTO appointment (id, business_id, customer_name, customer_phone, customer_email, service,"
                        + " staff_id, start_at, end_at, status, emergency, notes, source_channel, sequence, created_at,"
                        + " updated_at, customer_language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    private void messages(Instant now, int count) {
        var rows = new ArrayList<Object[]>(count);
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {
                UUID.randomUUID(),
                business,
                "Caller " + i,
                phone(i),
                "Please call me back about the quote " + i,
                i < 50 ? "DELIVERED" : "DONE",
                at(now.minus(Duration.ofMinutes(37L * i)))
            });
        }
        batch(
                "INSERT INTO staff_message (id, business_id, caller_name, caller_phone, text, status, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int i = 0; i < rows.size(); i += 1_000) {
            jdbc.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + 1_000)));
        }
    }
}
