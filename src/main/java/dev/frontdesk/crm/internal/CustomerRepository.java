package dev.frontdesk.crm.internal;

import static dev.frontdesk.shared.Timestamps.utc;

import dev.frontdesk.shared.CsvExports;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.tenants.BusinessId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customers and leads, always scoped by business. */
@Repository
class CustomerRepository {

    private static final String COLUMNS = "id, business_id, phone, name, email, country, language, timezone, source,"
            + " partner, status, is_lead, sms_opt_out, do_not_call, notes, tags, created_at, updated_at,"
            + " last_contact_at";
    private static final String INSERT = "INSERT INTO customer (" + COLUMNS + ") VALUES (:id, :b, :phone, :name,"
            + " :email, :country, :language, :timezone, :source, :partner, :status, :lead, :smsOptOut, :doNotCall,"
            + " :notes, :tags, :createdAt, :updatedAt, :lastContactAt)";
    private static final String UPDATE = "UPDATE customer SET name = :name, email = :email, country = :country,"
            + " language = :language, timezone = :timezone, partner = :partner, status = :status, is_lead = :lead,"
            + " sms_opt_out = :smsOptOut, do_not_call = :doNotCall, notes = :notes, tags = :tags,"
            + " updated_at = :updatedAt, last_contact_at = :lastContactAt WHERE business_id = :b AND id = :id";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    CustomerRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** What a list asks for; null members do not filter. */
    record Filter(Boolean lead, Customer.Status status, String language, String partner, String tag, String text) {}

    void insert(Customer customer) {
        named.update(INSERT, params(customer));
    }

    void insertAll(List<Customer> customers) {
        if (!customers.isEmpty()) {
            named.batchUpdate(
                    INSERT, customers.stream().map(CustomerRepository::params).toArray(MapSqlParameterSource[]::new));
        }
    }

    void update(Customer customer) {
        named.update(UPDATE, params(customer));
    }

    void updateAll(List<Customer> customers) {
        if (!customers.isEmpty()) {
            named.batchUpdate(
                    UPDATE, customers.stream().map(CustomerRepository::params).toArray(MapSqlParameterSource[]::new));
        }
    }

    /** Inserts the customer unless the business already has one with that phone; whether it inserted. */
    boolean insertIfAbsent(Customer customer) {
        return named.update(INSERT + " ON CONFLICT DO NOTHING", params(customer)) == 1;
    }

    Optional<Customer> find(BusinessId business, UUID id, boolean lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer WHERE business_id = :b AND id = :id"
                        + (lock ? " FOR UPDATE" : ""))
                .param("b", business.value())
                .param("id", id)
                .query(CustomerRepository::map)
                .optional();
    }

    Optional<Customer> findByPhone(BusinessId business, String phone, boolean lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer WHERE business_id = :b AND phone = :phone"
                        + (lock ? " FOR UPDATE" : ""))
                .param("b", business.value())
                .param("phone", phone)
                .query(CustomerRepository::map)
                .optional();
    }

    /** The business's customers with these phones, by phone. */
    Map<String, Customer> findByPhones(BusinessId business, Collection<String> phones) {
        if (phones.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("SELECT " + COLUMNS + " FROM customer WHERE business_id = :b AND phone IN (:phones)")
                .param("b", business.value())
                .param("phones", phones)
                .query(CustomerRepository::map)
                .list()
                .stream()
                .collect(Collectors.toMap(Customer::phone, Function.identity()));
    }

    List<Customer> page(BusinessId business, Filter filter, PageQuery page) {
        var params = new HashMap<String, Object>();
        String where = where(business, filter, params);
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer WHERE " + where
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query(CustomerRepository::map)
                .list();
    }

    /** Every customer matching the filter, newest first, to stream (a CSV export). */
    CsvExports.Query<Customer> export(BusinessId business, Filter filter) {
        var params = new HashMap<String, Object>();
        String where = where(business, filter, params);
        return new CsvExports.Query<>(
                "SELECT " + COLUMNS + " FROM customer WHERE " + where + " ORDER BY created_at DESC, id",
                params,
                CustomerRepository::map);
    }

    long count(BusinessId business, Filter filter) {
        var params = new HashMap<String, Object>();
        String where = where(business, filter, params);
        return jdbc.sql("SELECT COUNT(*) FROM customer WHERE " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    /** Leads by status: those created in [from, to) when both are given, else all. */
    Map<String, Long> leadStatusCounts(BusinessId business, Instant from, Instant to) {
        var counts = new HashMap<String, Long>();
        var params = new HashMap<String, Object>();
        params.put("b", business.value());
        String range = "";
        if (from != null && to != null) {
            range = " AND created_at >= :from AND created_at < :to";
            params.put("from", utc(from));
            params.put("to", utc(to));
        }
        jdbc.sql("SELECT status, COUNT(*) AS n FROM customer WHERE business_id = :b AND is_lead" + range
                        + " GROUP BY status")
                .params(params)
                .query((rs, row) -> counts.put(rs.getString("status"), rs.getLong("n")))
                .list();
        return counts;
    }

    /** The business's leads matching the filter, or (ids not null) with these ids; oldest first, at most limit. */
    List<Customer> leads(BusinessId business, Filter filter, Collection<UUID> ids, int limit) {
        var params = new HashMap<String, Object>();
        String where = where(business, filter, params);
        if (ids != null) {
            if (ids.isEmpty()) {
                return List.of();
            }
            where += " AND id IN (:ids)";
            params.put("ids", ids);
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer WHERE " + where + " ORDER BY created_at, id LIMIT :limit")
                .params(params)
                .param("limit", limit)
                .query(CustomerRepository::map)
                .list();
    }

    /** Of these phones, those of the business's do-not-call customers. */
    List<String> doNotCallPhones(BusinessId business, Collection<String> phones) {
        if (phones.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT phone FROM customer WHERE business_id = :b AND phone IN (:phones) AND do_not_call")
                .param("b", business.value())
                .param("phones", phones)
                .query(String.class)
                .list();
    }

    /**
     * Sets the funnel status of these customers, except do-not-call ones and those already in it.
     *
     * @return the customers moved, as they were before (locked, so their previous status is exact)
     */
    List<Customer> moveInFunnel(BusinessId business, Collection<UUID> ids, Customer.Status status, Instant at) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Customer> moving = jdbc.sql("SELECT " + COLUMNS + " FROM customer WHERE business_id = :b AND id IN (:ids)"
                        + " AND do_not_call = FALSE AND status <> :status ORDER BY id FOR UPDATE")
                .param("status", status.name())
                .param("b", business.value())
                .param("ids", ids)
                .query(CustomerRepository::map)
                .list();
        if (!moving.isEmpty()) {
            jdbc.sql("UPDATE customer SET status = :status, updated_at = :at WHERE business_id = :b AND id IN (:ids)")
                    .param("status", status.name())
                    .param("at", utc(at))
                    .param("b", business.value())
                    .param("ids", moving.stream().map(Customer::id).toList())
                    .update();
        }
        return moving;
    }

    /** Marks the customer with this phone as contacted now; false when the business has no such customer. */
    boolean touch(BusinessId business, String phone, Instant at) {
        return jdbc.sql("UPDATE customer SET last_contact_at = :at WHERE business_id = :b AND phone = :phone")
                        .param("at", utc(at))
                        .param("b", business.value())
                        .param("phone", phone)
                        .update()
                == 1;
    }

    void delete(BusinessId business, UUID id) {
        jdbc.sql("DELETE FROM customer WHERE business_id = :b AND id = :id")
                .param("b", business.value())
                .param("id", id)
                .update();
    }

    private static String where(BusinessId business, Filter filter, Map<String, Object> params) {
        var sql = new StringBuilder("business_id = :b");
        params.put("b", business.value());
        if (filter.lead() != null) {
            sql.append(" AND is_lead = :lead");
            params.put("lead", filter.lead());
        }
        if (filter.status() != null) {
            sql.append(" AND status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.language() != null) {
            sql.append(" AND language = :language");
            params.put("language", filter.language());
        }
        if (filter.partner() != null) {
            sql.append(" AND LOWER(partner) = :partner");
            params.put("partner", filter.partner().toLowerCase(Locale.ROOT));
        }
        if (filter.tag() != null) {
            sql.append(" AND tags LIKE :tag ESCAPE '\\'");
            params.put("tag", "%," + escapeLike(filter.tag().toLowerCase(Locale.ROOT)) + ",%");
        }
        if (filter.text() != null) {
            sql.append(" AND (LOWER(name) LIKE :text ESCAPE '\\' OR phone LIKE :text ESCAPE '\\'"
                    + " OR LOWER(email) LIKE :text ESCAPE '\\' OR LOWER(notes) LIKE :text ESCAPE '\\')");
            params.put("text", "%" + escapeLike(filter.text().toLowerCase(Locale.ROOT)) + "%");
        }
        return sql.toString();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static String tagsColumn(List<String> tags) {
        return tags.isEmpty() ? "," : "," + String.join(",", tags) + ",";
    }

    private static MapSqlParameterSource params(Customer c) {
        return new MapSqlParameterSource()
                .addValue("id", c.id())
                .addValue("b", c.businessId().value())
                .addValue("phone", c.phone())
                .addValue("name", c.name(), Types.VARCHAR)
                .addValue("email", c.email(), Types.VARCHAR)
                .addValue("country", c.country(), Types.VARCHAR)
                .addValue("language", c.language(), Types.VARCHAR)
                .addValue("timezone", c.timezone(), Types.VARCHAR)
                .addValue("source", c.source().name())
                .addValue("partner", c.partner(), Types.VARCHAR)
                .addValue("status", c.status().name())
                .addValue("lead", c.lead())
                .addValue("smsOptOut", c.smsOptOut())
                .addValue("doNotCall", c.doNotCall())
                .addValue("notes", c.notes(), Types.VARCHAR)
                .addValue("tags", tagsColumn(c.tags()))
                .addValue("createdAt", utc(c.createdAt()))
                .addValue("updatedAt", utc(c.updatedAt()))
                .addValue(
                        "lastContactAt",
                        c.lastContactAt() == null ? null : utc(c.lastContactAt()),
                        Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static Customer map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime lastContact = rs.getObject("last_contact_at", OffsetDateTime.class);
        String tags = rs.getString("tags");
        return new Customer(
                rs.getObject("id", UUID.class),
                new BusinessId(rs.getObject("business_id", UUID.class)),
                rs.getString("phone"),
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("country"),
                rs.getString("language"),
                rs.getString("timezone"),
                Customer.Source.valueOf(rs.getString("source")),
                rs.getString("partner"),
                Customer.Status.valueOf(rs.getString("status")),
                rs.getBoolean("is_lead"),
                rs.getBoolean("sms_opt_out"),
                rs.getBoolean("do_not_call"),
                rs.getString("notes"),
                Arrays.stream(tags.split(",")).filter(t -> !t.isEmpty()).toList(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                lastContact == null ? null : lastContact.toInstant());
    }
}
