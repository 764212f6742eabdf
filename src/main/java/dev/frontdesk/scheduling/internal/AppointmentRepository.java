package dev.frontdesk.scheduling.internal;

import static dev.frontdesk.shared.Timestamps.utc;

import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.scheduling.AppointmentId;
import dev.frontdesk.scheduling.AppointmentStatus;
import dev.frontdesk.scheduling.Customer;
import dev.frontdesk.shared.CsvExports;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.BusinessId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appointments and the per-business calendar lock. Every query is scoped by business. */
@Repository
class AppointmentRepository {

    private static final String COLUMNS = "id, business_id, customer_name, customer_phone, customer_email,"
            + " customer_language, service,"
            + " staff_id, start_at, end_at, status, emergency, notes, source_channel, meeting_link,"
            + " external_event_id, sequence, created_at, updated_at";
    static final List<String> LIVE = List.of(AppointmentStatus.SCHEDULED.name(), AppointmentStatus.CONFIRMED.name());

    /** The name an appointment keeps after its customer's data was erased. */
    static final String ERASED_NAME = "(erased)";

    private final JdbcClient jdbc;

    AppointmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the business's calendar lock for the rest of the transaction (SELECT ... FOR UPDATE on its
     * calendar row, created on first use).
     */
    void lockCalendar(BusinessId business, Instant now) {
        // the row exists after a business's first booking: lock it, and insert only when it is missing (one
        // statement per change instead of two, and no duplicate-key error inside H2 on every booking).
        // ON CONFLICT DO NOTHING: a racing first booking must not abort this transaction (PostgreSQL
        // aborts a transaction on a failed insert); H2 understands it in PostgreSQL mode.
        if (lockExistingCalendar(business)) {
            return;
        }
        jdbc.sql("INSERT INTO scheduling_calendar (business_id, created_at) VALUES (:id, :now) ON CONFLICT DO NOTHING")
                .param("id", business.value())
                .param("now", utc(now))
                .update();
        if (!lockExistingCalendar(business)) {
            throw new IllegalStateException("calendar row missing after insert");
        }
    }

    private boolean lockExistingCalendar(BusinessId business) {
        return jdbc.sql("SELECT business_id FROM scheduling_calendar WHERE business_id = :id FOR UPDATE")
                .param("id", business.value())
                .query(UUID.class)
                .optional()
                .isPresent();
    }

    void insert(Appointment a) {
        jdbc.sql("INSERT INTO appointment (" + COLUMNS + ") VALUES (:id, :business, :name, :phone, :email, :language,"
                        + " :service,"
                        + " :staff, :start, :end, :status, :emergency, :notes, :channel, :link, :external, :sequence,"
                        + " :created, :updated)")
                .param("id", a.id().value())
                .param("business", a.businessId().value())
                .param("name", a.customer().name())
                .param(
                        "phone",
                        a.customer().phone() == null
                                ? null
                                : a.customer().phone().e164(),
                        Types.VARCHAR)
                .param("email", a.customer().email(), Types.VARCHAR)
                .param("language", a.customer().language(), Types.VARCHAR)
                .param("service", a.service())
                .param("staff", a.staffId(), Types.VARCHAR)
                .param("start", utc(a.start()))
                .param("end", utc(a.end()))
                .param("status", a.status().name())
                .param("emergency", a.emergency())
                .param("notes", a.notes(), Types.VARCHAR)
                .param("channel", a.sourceChannel())
                .param("link", a.meetingLink(), Types.VARCHAR)
                .param("external", a.externalEventId(), Types.VARCHAR)
                .param("sequence", a.sequence())
                .param("created", utc(a.createdAt()))
                .param("updated", utc(a.updatedAt()))
                .update();
    }

    /**
     * Writes what the booking service changes. The meeting link and external event id belong to the
     * calendar sync, which writes them itself: an update never puts back an older value of them.
     */
    void update(Appointment a) {
        jdbc.sql("UPDATE appointment SET customer_name = :name, customer_phone = :phone, customer_email = :email,"
                        + " start_at = :start, end_at = :end, status = :status, emergency = :emergency, notes = :notes,"
                        + " sequence = :sequence, updated_at = :updated WHERE id = :id AND business_id = :business")
                .param("id", a.id().value())
                .param("business", a.businessId().value())
                .param("name", a.customer().name())
                .param(
                        "phone",
                        a.customer().phone() == null
                                ? null
                                : a.customer().phone().e164(),
                        Types.VARCHAR)
                .param("email", a.customer().email(), Types.VARCHAR)
                .param("start", utc(a.start()))
                .param("end", utc(a.end()))
                .param("status", a.status().name())
                .param("emergency", a.emergency())
                .param("notes", a.notes(), Types.VARCHAR)
                .param("sequence", a.sequence())
                .param("updated", utc(a.updatedAt()))
                .update();
    }

    Optional<Appointment> find(BusinessId business, AppointmentId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment WHERE business_id = :business AND id = :id")
                .param("business", business.value())
                .param("id", id.value())
                .query(AppointmentRepository::map)
                .optional();
    }

    /** Live appointments (scheduled or confirmed) overlapping [from, to). */
    List<Appointment> live(BusinessId business, Instant from, Instant to) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment WHERE business_id = :business"
                        + " AND status IN (:live) AND start_at < :to AND end_at > :from ORDER BY start_at")
                .param("business", business.value())
                .param("live", LIVE)
                .param("from", utc(from))
                .param("to", utc(to))
                .query(AppointmentRepository::map)
                .list();
    }

    List<Appointment> page(BusinessId business, Instant from, Instant to, List<String> statuses, PageQuery page) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment WHERE business_id = :business"
                        + filters(from, to, statuses) + " ORDER BY start_at, id LIMIT :limit OFFSET :offset")
                .params(filterParams(business, from, to, statuses))
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query(AppointmentRepository::map)
                .list();
    }

    /** The whole filtered list, by start time, to stream (a CSV export). */
    CsvExports.Query<Appointment> export(BusinessId business, Instant from, Instant to, List<String> statuses) {
        return new CsvExports.Query<>(
                "SELECT " + COLUMNS + " FROM appointment WHERE business_id = :business" + filters(from, to, statuses)
                        + " ORDER BY start_at, id",
                filterParams(business, from, to, statuses),
                AppointmentRepository::map);
    }

    long count(BusinessId business, Instant from, Instant to, List<String> statuses) {
        return jdbc.sql("SELECT COUNT(*) FROM appointment WHERE business_id = :business" + filters(from, to, statuses))
                .params(filterParams(business, from, to, statuses))
                .query(Long.class)
                .single();
    }

    /** A caller's own appointments from a time on, found by their phone number. */
    List<Appointment> ofCustomer(BusinessId business, PhoneNumber phone, Instant from) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment WHERE business_id = :business"
                        + " AND customer_phone = :phone AND end_at > :from ORDER BY start_at")
                .param("business", business.value())
                .param("phone", phone.e164())
                .param("from", utc(from))
                .query(AppointmentRepository::map)
                .list();
    }

    List<Appointment> history(BusinessId business, PhoneNumber phone, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment WHERE business_id = :business"
                        + " AND customer_phone = :phone ORDER BY start_at DESC LIMIT :limit")
                .param("business", business.value())
                .param("phone", phone.e164())
                .param("limit", limit)
                .query(AppointmentRepository::map)
                .list();
    }

    /**
     * Erases the customer's personal data from their appointments (the appointments stay) and the stored answers
     * to idempotent booking requests that hold it.
     */
    int forgetCustomer(BusinessId business, PhoneNumber phone, Instant at) {
        // the stored answers of POST /api/appointments with an Idempotency-Key hold the customer as booked; a retry
        // of such a request comes within moments, not after an erasure
        jdbc.sql("DELETE FROM appointment_idempotency WHERE business_id = :business AND response_body LIKE :phone")
                .param("business", business.value())
                .param("phone", "%\"" + phone.e164() + "\"%")
                .update();
        return jdbc.sql("UPDATE appointment SET customer_name = :erased, customer_phone = NULL,"
                        + " customer_email = NULL, notes = NULL, updated_at = :at"
                        + " WHERE business_id = :business AND customer_phone = :phone")
                .param("erased", ERASED_NAME)
                .param("at", utc(at))
                .param("business", business.value())
                .param("phone", phone.e164())
                .update();
    }

    /** Appointments created in [from, to), in any status. */
    List<Appointment> createdBetween(BusinessId business, Instant from, Instant to) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment WHERE business_id = :business"
                        + " AND created_at >= :from AND created_at < :to ORDER BY created_at")
                .param("business", business.value())
                .param("from", utc(from))
                .param("to", utc(to))
                .query(AppointmentRepository::map)
                .list();
    }

    /** How many appointments were created in [from, to), in any status. */
    long countCreatedBetween(BusinessId business, Instant from, Instant to) {
        return jdbc.sql("SELECT COUNT(*) FROM appointment WHERE business_id = :business"
                        + " AND created_at >= :from AND created_at < :to")
                .param("business", business.value())
                .param("from", utc(from))
                .param("to", utc(to))
                .query(Long.class)
                .single();
    }

    /** When each of the business's appointments created in [from, to) was created (only that column is read). */
    List<Instant> creationTimesBetween(BusinessId business, Instant from, Instant to) {
        return jdbc.sql("SELECT created_at FROM appointment WHERE business_id = :business"
                        + " AND created_at >= :from AND created_at < :to")
                .param("business", business.value())
                .param("from", utc(from))
                .param("to", utc(to))
                .query((rs, row) -> rs.getObject("created_at", java.time.OffsetDateTime.class)
                        .toInstant())
                .list();
    }

    /** How many appointments each business created in [from, to): one grouped query over every business. */
    java.util.Map<BusinessId, Long> countCreatedByBusiness(Instant from, Instant to) {
        var counts = new java.util.HashMap<BusinessId, Long>();
        jdbc.sql("SELECT business_id, COUNT(*) AS n FROM appointment WHERE created_at >= :from AND created_at < :to"
                        + " GROUP BY business_id")
                .param("from", utc(from))
                .param("to", utc(to))
                .query(rs -> {
                    counts.put(new BusinessId(rs.getObject("business_id", java.util.UUID.class)), rs.getLong("n"));
                });
        return counts;
    }

    /** How many appointments were cancelled in [from, to). */
    long cancelledBetween(BusinessId business, Instant from, Instant to) {
        return jdbc.sql("SELECT COUNT(*) FROM appointment WHERE business_id = :business AND status = 'CANCELLED'"
                        + " AND updated_at >= :from AND updated_at < :to")
                .param("business", business.value())
                .param("from", utc(from))
                .param("to", utc(to))
                .query(Long.class)
                .single();
    }

    private static String filters(Instant from, Instant to, List<String> statuses) {
        return (from == null ? "" : " AND end_at > :from")
                + (to == null ? "" : " AND start_at < :to")
                + (statuses.isEmpty() ? "" : " AND status IN (:statuses)");
    }

    private static java.util.Map<String, Object> filterParams(
            BusinessId business, Instant from, Instant to, List<String> statuses) {
        var params = new java.util.HashMap<String, Object>();
        params.put("business", business.value());
        if (from != null) {
            params.put("from", utc(from));
        }
        if (to != null) {
            params.put("to", utc(to));
        }
        if (!statuses.isEmpty()) {
            params.put("statuses", statuses);
        }
        return params;
    }

    private static Appointment map(ResultSet rs, int row) throws SQLException {
        String phone = rs.getString("customer_phone");
        return new Appointment(
                new AppointmentId(rs.getObject("id", UUID.class)),
                new BusinessId(rs.getObject("business_id", UUID.class)),
                new Customer(
                        rs.getString("customer_name"),
                        phone == null ? null : new PhoneNumber(phone),
                        rs.getString("customer_email"),
                        rs.getString("customer_language")),
                rs.getString("service"),
                rs.getString("staff_id"),
                instant(rs, "start_at"),
                instant(rs, "end_at"),
                AppointmentStatus.valueOf(rs.getString("status")),
                rs.getBoolean("emergency"),
                rs.getString("notes"),
                rs.getString("source_channel"),
                rs.getString("meeting_link"),
                rs.getString("external_event_id"),
                rs.getInt("sequence"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
