package dev.frontdesk.tenants.internal;

import static dev.frontdesk.shared.Timestamps.utc;

import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.BusinessSettings;
import dev.frontdesk.tenants.BusinessStatus;
import dev.frontdesk.tenants.ServiceOffering;
import dev.frontdesk.tenants.TimeRange;
import dev.frontdesk.tenants.WeeklyHours;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores businesses and their phone numbers. Structured members are kept as JSON text columns. */
@Repository
class BusinessRepository {

    private static final TypeReference<List<ServiceOffering>> SERVICES = new TypeReference<>() {};
    private static final TypeReference<Map<String, List<String>>> HOURS = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private static final String COLUMNS = "id, name, timezone, owner_phone, owner_email, greeting, default_language,"
            + " status, services, hours, closed_dates, emergency_keywords, settings, api_key_prefix, api_key_hash,"
            + " widget_token_prefix, widget_token_hash, created_at, updated_at, version";

    /** At most this many parsed rows are kept; past it the memory starts again empty. */
    private static final int PARSED_LIMIT = 10_000;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    /**
     * Rows already read and parsed, by id, each as of its {@code version}. Every write to a business row
     * increments its version (the phone numbers change only with the profile), so a row whose stored
     * version is the one parsed here is this entity, on any node: a look-up reads the id and version
     * and parses (services, hours and settings JSON, phone numbers: two statements) only what changed.
     */
    private final Map<UUID, BusinessEntity> parsed = new ConcurrentHashMap<>();

    BusinessRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The stored owner of a key prefix, with what is needed to check the key and the status. */
    record KeyOwner(BusinessId businessId, String hash, BusinessStatus status) {}

    void insert(BusinessEntity entity) {
        Business b = entity.business();
        jdbc.sql("INSERT INTO business (" + COLUMNS + ") VALUES (:id, :name, :timezone, :ownerPhone, :ownerEmail,"
                        + " :greeting, :language, :status, :services, :hours, :closedDates, :keywords, :settings,"
                        + " :apiKeyPrefix, :apiKeyHash, :widgetPrefix, :widgetHash, :createdAt, :updatedAt, 0)")
                .params(profileParams(b))
                .param("id", b.id().value())
                .param("status", b.status().name())
                .param("apiKeyPrefix", entity.apiKeyPrefix())
                .param("apiKeyHash", entity.apiKeyHash())
                .param("widgetPrefix", entity.widgetTokenPrefix())
                .param("widgetHash", entity.widgetTokenHash())
                .param("createdAt", utc(b.createdAt()))
                .update();
        replacePhoneNumbers(b.id(), b.phoneNumbers());
    }

    /** Writes the profile if nobody changed the row since it was read; false if somebody did. */
    boolean updateProfile(BusinessEntity entity) {
        Business b = entity.business();
        int rows = jdbc.sql("UPDATE business SET name = :name, timezone = :timezone, owner_phone = :ownerPhone,"
                        + " owner_email = :ownerEmail, greeting = :greeting, default_language = :language,"
                        + " services = :services, hours = :hours, closed_dates = :closedDates,"
                        + " emergency_keywords = :keywords, settings = :settings, updated_at = :updatedAt,"
                        + " version = version + 1 WHERE id = :id AND version = :version")
                .params(profileParams(b))
                .param("id", b.id().value())
                .param("version", entity.version())
                .update();
        if (rows == 1) {
            replacePhoneNumbers(b.id(), b.phoneNumbers());
        }
        return rows == 1;
    }

    void updateStatus(BusinessId id, BusinessStatus status, Instant now) {
        jdbc.sql("UPDATE business SET status = :status, updated_at = :now, version = version + 1 WHERE id = :id")
                .param("status", status.name())
                .param("now", utc(now))
                .param("id", id.value())
                .update();
    }

    void updateApiKey(BusinessId id, String prefix, String hash, Instant now) {
        jdbc.sql("UPDATE business SET api_key_prefix = :prefix, api_key_hash = :hash, updated_at = :now,"
                        + " version = version + 1 WHERE id = :id")
                .param("prefix", prefix)
                .param("hash", hash)
                .param("now", utc(now))
                .param("id", id.value())
                .update();
    }

    void updateWidgetToken(BusinessId id, String prefix, String hash, Instant now) {
        jdbc.sql("UPDATE business SET widget_token_prefix = :prefix, widget_token_hash = :hash, updated_at = :now,"
                        + " version = version + 1 WHERE id = :id")
                .param("prefix", prefix)
                .param("hash", hash)
                .param("now", utc(now))
                .param("id", id.value())
                .update();
    }

    Optional<BusinessEntity> findById(BusinessId id) {
        return jdbc.sql("SELECT version FROM business WHERE id = :id")
                .param("id", id.value())
                .query((rs, n) -> rs.getLong(1))
                .optional()
                .flatMap(version -> parsed(id.value(), version));
    }

    /**
     * Whether what this thread reads now is committed data: outside a transaction, or in a read-only one.
     * A read-write transaction may read its own change, which a rollback would leave in memory under a
     * version number the next real change reuses; such reads are not remembered.
     */
    private static boolean committedRead() {
        return !TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly();
    }

    /** The row as of {@code version}: the one parsed before, or read and parsed now. */
    private Optional<BusinessEntity> parsed(UUID id, long version) {
        BusinessEntity known = parsed.get(id);
        if (known != null && known.version() == version) {
            return Optional.of(known);
        }
        Optional<BusinessEntity> read = jdbc.sql("SELECT " + COLUMNS + " FROM business WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
        read.filter(entity -> committedRead()).ifPresent(entity -> {
            if (parsed.size() >= PARSED_LIMIT) {
                parsed.clear();
            }
            parsed.merge(id, entity, (kept, fresh) -> kept.version() >= fresh.version() ? kept : fresh);
        });
        return read;
    }

    /** Locks the row for the rest of the transaction (SELECT ... FOR UPDATE). */
    Optional<BusinessEntity> lockById(BusinessId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM business WHERE id = :id FOR UPDATE")
                .param("id", id.value())
                .query(this::map)
                .optional();
    }

    Optional<BusinessEntity> findByPhoneNumber(PhoneNumber number) {
        record Row(UUID id, long version) {}
        return jdbc.sql("SELECT b.id, b.version FROM business b"
                        + " JOIN business_phone_number n ON n.business_id = b.id WHERE n.phone_number = :number")
                .param("number", number.e164())
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getLong(2)))
                .optional()
                .flatMap(row -> parsed(row.id(), row.version()));
    }

    Optional<BusinessEntity> findByWidgetTokenPrefix(String prefix) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM business WHERE widget_token_prefix = :prefix")
                .param("prefix", prefix)
                .query(this::map)
                .optional();
    }

    Optional<KeyOwner> findApiKeyOwner(String prefix) {
        return jdbc.sql("SELECT id, api_key_hash, status FROM business WHERE api_key_prefix = :prefix")
                .param("prefix", prefix)
                .query((rs, n) -> new KeyOwner(
                        new BusinessId(rs.getObject("id", UUID.class)),
                        rs.getString("api_key_hash"),
                        BusinessStatus.valueOf(rs.getString("status"))))
                .optional();
    }

    List<BusinessEntity> page(BusinessStatus status, PageQuery query) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM business WHERE (:status IS NULL OR status = :status)"
                        + " ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                .param("status", status == null ? null : status.name(), java.sql.Types.VARCHAR)
                .param("limit", query.pageSize())
                .param("offset", query.offset())
                .query(this::map)
                .list();
    }

    long count(BusinessStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM business WHERE (:status IS NULL OR status = :status)")
                .param("status", status == null ? null : status.name(), java.sql.Types.VARCHAR)
                .query(Long.class)
                .single();
    }

    /** The settings of every active business. */
    List<BusinessSettings> activeSettings() {
        return jdbc.sql("SELECT settings FROM business WHERE status = 'ACTIVE'").query(String.class).list().stream()
                .map(settings -> json.readValue(settings, BusinessSettings.class))
                .toList();
    }

    long countAll() {
        return jdbc.sql("SELECT COUNT(*) FROM business").query(Long.class).single();
    }

    /** Which of these numbers already belong to a business other than {@code except}. */
    Map<String, BusinessId> numbersOwnedByOthers(Collection<PhoneNumber> numbers, BusinessId except) {
        if (numbers.isEmpty()) {
            return Map.of();
        }
        Map<String, BusinessId> owners = new LinkedHashMap<>();
        jdbc.sql("SELECT phone_number, business_id FROM business_phone_number WHERE phone_number IN (:numbers)")
                .param("numbers", numbers.stream().map(PhoneNumber::e164).toList())
                .query((ResultSet rs) -> {
                    BusinessId owner = new BusinessId(rs.getObject("business_id", UUID.class));
                    if (except == null || !owner.equals(except)) {
                        owners.put(rs.getString("phone_number"), owner);
                    }
                });
        return owners;
    }

    private void replacePhoneNumbers(BusinessId id, List<PhoneNumber> numbers) {
        jdbc.sql("DELETE FROM business_phone_number WHERE business_id = :id")
                .param("id", id.value())
                .update();
        for (PhoneNumber number : numbers) {
            jdbc.sql("INSERT INTO business_phone_number (phone_number, business_id) VALUES (:number, :id)")
                    .param("number", number.e164())
                    .param("id", id.value())
                    .update();
        }
    }

    private List<PhoneNumber> phoneNumbers(BusinessId id) {
        return jdbc.sql("SELECT phone_number FROM business_phone_number WHERE business_id = :id ORDER BY phone_number")
                .param("id", id.value())
                .query((rs, n) -> new PhoneNumber(rs.getString(1)))
                .list();
    }

    private Map<String, Object> profileParams(Business b) {
        Map<String, List<String>> hours = new LinkedHashMap<>();
        b.hours()
                .days()
                .forEach((day, ranges) -> hours.put(
                        day.name(), ranges.stream().map(TimeRange::toString).toList()));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("name", b.name());
        params.put("timezone", b.timezone().getId());
        params.put("ownerPhone", b.ownerPhone() == null ? null : b.ownerPhone().e164());
        params.put("ownerEmail", b.ownerEmail());
        params.put("greeting", b.greeting());
        params.put("language", b.defaultLanguage());
        params.put("services", json.writeValueAsString(b.services()));
        params.put("hours", json.writeValueAsString(hours));
        params.put(
                "closedDates",
                json.writeValueAsString(b.closedDates().stream()
                        .sorted()
                        .map(LocalDate::toString)
                        .toList()));
        params.put("keywords", json.writeValueAsString(b.emergencyKeywords()));
        params.put("settings", json.writeValueAsString(b.settings()));
        params.put("updatedAt", utc(b.updatedAt()));
        return params;
    }

    private BusinessEntity map(ResultSet rs, int row) throws SQLException {
        BusinessId id = new BusinessId(rs.getObject("id", UUID.class));
        Map<DayOfWeek, List<TimeRange>> days = new EnumMap<>(DayOfWeek.class);
        json.readValue(rs.getString("hours"), HOURS)
                .forEach((day, ranges) -> days.put(
                        DayOfWeek.valueOf(day),
                        ranges.stream()
                                .map(r -> TimeRange.parse(r).orElseThrow())
                                .toList()));
        String ownerPhone = rs.getString("owner_phone");
        var business = new Business(
                id,
                rs.getString("name"),
                ZoneId.of(rs.getString("timezone")),
                phoneNumbers(id),
                ownerPhone == null ? null : new PhoneNumber(ownerPhone),
                rs.getString("owner_email"),
                json.readValue(rs.getString("services"), SERVICES),
                new WeeklyHours(days),
                new LinkedHashSet<>(json.readValue(rs.getString("closed_dates"), STRINGS).stream()
                        .map(LocalDate::parse)
                        .toList()),
                rs.getString("greeting"),
                rs.getString("default_language"),
                json.readValue(rs.getString("emergency_keywords"), STRINGS),
                BusinessStatus.valueOf(rs.getString("status")),
                json.readValue(rs.getString("settings"), BusinessSettings.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
        return new BusinessEntity(
                business,
                rs.getString("api_key_prefix"),
                rs.getString("api_key_hash"),
                rs.getString("widget_token_prefix"),
                rs.getString("widget_token_hash"),
                rs.getLong("version"));
    }
}
