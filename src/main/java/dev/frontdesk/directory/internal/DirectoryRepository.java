package dev.frontdesk.directory.internal;

import static dev.frontdesk.shared.Timestamps.utc;

import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.WeeklyHours;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Departments, employees and staff messages. Every query is scoped by business. */
@Repository
class DirectoryRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<Map<String, List<String>>> HOURS = new TypeReference<>() {};

    private static final String DEPARTMENT_COLUMNS =
            "id, business_id, name, description, hours, routing_priority, created_at";
    private static final String EMPLOYEE_SELECT = "SELECT e.id, e.business_id, e.name, e.phone, e.email,"
            + " e.department_id, d.name AS department_name, e.roles, e.status, e.hours, e.created_at, e.updated_at"
            + " FROM employee e LEFT JOIN department d ON d.id = e.department_id AND d.business_id = e.business_id";
    private static final String MESSAGE_SELECT = "SELECT m.id, m.business_id, m.employee_id, e.name AS employee_name,"
            + " m.department_id, d.name AS department_name, m.caller_name, m.caller_phone, m.text, m.status,"
            + " m.created_at FROM staff_message m"
            + " LEFT JOIN employee e ON e.id = m.employee_id AND e.business_id = m.business_id"
            + " LEFT JOIN department d ON d.id = m.department_id AND d.business_id = m.business_id";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DirectoryRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // departments

    void insert(Department d) {
        jdbc.sql("INSERT INTO department (" + DEPARTMENT_COLUMNS
                        + ") VALUES (:id, :business, :name, :description, :hours, :priority, :created)")
                .param("id", d.id())
                .param("business", d.businessId().value())
                .param("name", d.name())
                .param("description", d.description(), Types.VARCHAR)
                .param("hours", hours(d.hours()), Types.VARCHAR)
                .param("priority", d.routingPriority())
                .param("created", utc(d.createdAt()))
                .update();
    }

    void update(Department d) {
        jdbc.sql("UPDATE department SET name = :name, description = :description, hours = :hours,"
                        + " routing_priority = :priority WHERE id = :id AND business_id = :business")
                .param("id", d.id())
                .param("business", d.businessId().value())
                .param("name", d.name())
                .param("description", d.description(), Types.VARCHAR)
                .param("hours", hours(d.hours()), Types.VARCHAR)
                .param("priority", d.routingPriority())
                .update();
    }

    boolean deleteDepartment(BusinessId business, UUID id) {
        return jdbc.sql("DELETE FROM department WHERE id = :id AND business_id = :business")
                        .param("id", id)
                        .param("business", business.value())
                        .update()
                > 0;
    }

    Optional<Department> department(BusinessId business, UUID id, boolean lock) {
        return jdbc.sql("SELECT " + DEPARTMENT_COLUMNS + " FROM department WHERE business_id = :business AND id = :id"
                        + (lock ? " FOR UPDATE" : ""))
                .param("business", business.value())
                .param("id", id)
                .query(this::department)
                .optional();
    }

    /** Every department of the business, oldest first. */
    List<Department> departments(BusinessId business) {
        return jdbc.sql("SELECT " + DEPARTMENT_COLUMNS
                        + " FROM department WHERE business_id = :business ORDER BY created_at, id")
                .param("business", business.value())
                .query(this::department)
                .list();
    }

    List<Department> departments(BusinessId business, PageQuery page) {
        return jdbc.sql("SELECT " + DEPARTMENT_COLUMNS + " FROM department WHERE business_id = :business"
                        + " ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                .param("business", business.value())
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query(this::department)
                .list();
    }

    long countDepartments(BusinessId business) {
        return jdbc.sql("SELECT COUNT(*) FROM department WHERE business_id = :business")
                .param("business", business.value())
                .query(Long.class)
                .single();
    }

    long countEmployeesIn(BusinessId business, UUID departmentId) {
        return jdbc.sql("SELECT COUNT(*) FROM employee WHERE business_id = :business AND department_id = :department")
                .param("business", business.value())
                .param("department", departmentId)
                .query(Long.class)
                .single();
    }

    // employees

    void insert(Employee e) {
        jdbc.sql("INSERT INTO employee (id, business_id, name, phone, email, department_id, roles, status, hours,"
                        + " created_at, updated_at) VALUES (:id, :business, :name, :phone, :email, :department,"
                        + " :roles, :status, :hours, :created, :updated)")
                .params(employeeParams(e))
                .update();
    }

    void update(Employee e) {
        jdbc.sql("UPDATE employee SET name = :name, phone = :phone, email = :email, department_id = :department,"
                        + " roles = :roles, status = :status, hours = :hours, updated_at = :updated"
                        + " WHERE id = :id AND business_id = :business")
                .params(employeeParams(e))
                .update();
    }

    private Map<String, Object> employeeParams(Employee e) {
        var params = new java.util.HashMap<String, Object>();
        params.put("id", e.id());
        params.put("business", e.businessId().value());
        params.put("name", e.name());
        params.put("phone", e.phone());
        params.put("email", e.email());
        params.put("department", e.departmentId());
        params.put("roles", json.writeValueAsString(e.roles()));
        params.put("status", e.status().name());
        params.put("hours", hours(e.hours()));
        params.put("created", utc(e.createdAt()));
        params.put("updated", utc(e.updatedAt()));
        return params;
    }

    boolean deleteEmployee(BusinessId business, UUID id) {
        return jdbc.sql("DELETE FROM employee WHERE id = :id AND business_id = :business")
                        .param("id", id)
                        .param("business", business.value())
                        .update()
                > 0;
    }

    Optional<Employee> employee(BusinessId business, UUID id) {
        return jdbc.sql(EMPLOYEE_SELECT + " WHERE e.business_id = :business AND e.id = :id")
                .param("business", business.value())
                .param("id", id)
                .query(this::employee)
                .optional();
    }

    /** Locks the employee's row until the end of the transaction. */
    boolean lockEmployee(BusinessId business, UUID id) {
        return jdbc.sql("SELECT id FROM employee WHERE business_id = :business AND id = :id FOR UPDATE")
                .param("business", business.value())
                .param("id", id)
                .query(UUID.class)
                .optional()
                .isPresent();
    }

    /** Every employee of the business, by name. */
    List<Employee> employees(BusinessId business) {
        return jdbc.sql(EMPLOYEE_SELECT + " WHERE e.business_id = :business ORDER BY e.name, e.id")
                .param("business", business.value())
                .query(this::employee)
                .list();
    }

    List<Employee> employees(BusinessId business, PageQuery page) {
        return jdbc.sql(EMPLOYEE_SELECT
                        + " WHERE e.business_id = :business ORDER BY e.created_at, e.id LIMIT :limit OFFSET :offset")
                .param("business", business.value())
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query(this::employee)
                .list();
    }

    long countEmployees(BusinessId business) {
        return jdbc.sql("SELECT COUNT(*) FROM employee WHERE business_id = :business")
                .param("business", business.value())
                .query(Long.class)
                .single();
    }

    // messages

    void insert(StaffMessage m) {
        jdbc.sql("INSERT INTO staff_message (id, business_id, employee_id, department_id, caller_name, caller_phone,"
                        + " text, status, created_at) VALUES (:id, :business, :employee, :department, :callerName,"
                        + " :callerPhone, :text, :status, :created)")
                .param("id", m.id())
                .param("business", m.businessId().value())
                .param("employee", m.employeeId())
                .param("department", m.departmentId())
                .param("callerName", m.callerName(), Types.VARCHAR)
                .param("callerPhone", m.callerPhone(), Types.VARCHAR)
                .param("text", m.text())
                .param("status", m.status())
                .param("created", utc(m.createdAt()))
                .update();
    }

    boolean setStatus(BusinessId business, UUID id, String status) {
        return jdbc.sql("UPDATE staff_message SET status = :status WHERE id = :id AND business_id = :business")
                        .param("status", status)
                        .param("id", id)
                        .param("business", business.value())
                        .update()
                > 0;
    }

    Optional<StaffMessage> message(BusinessId business, UUID id) {
        return jdbc.sql(MESSAGE_SELECT + " WHERE m.business_id = :business AND m.id = :id")
                .param("business", business.value())
                .param("id", id)
                .query(this::message)
                .optional();
    }

    /** Newest first; {@code status} null for every status. */
    List<StaffMessage> messages(BusinessId business, String status, PageQuery page) {
        return jdbc.sql(MESSAGE_SELECT + " WHERE m.business_id = :business"
                        + (status == null ? "" : " AND m.status = :status")
                        + " ORDER BY m.created_at DESC, m.seq DESC LIMIT :limit OFFSET :offset")
                .params(statusParams(business, status))
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query(this::message)
                .list();
    }

    /** Newest first: the messages marked DONE ({@code done}) or the others. */
    List<StaffMessage> messages(BusinessId business, boolean done, PageQuery page) {
        return jdbc.sql(MESSAGE_SELECT + " WHERE m.business_id = :business AND m.status " + (done ? "=" : "<>")
                        + " 'DONE' ORDER BY m.created_at DESC, m.seq DESC LIMIT :limit OFFSET :offset")
                .param("business", business.value())
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query(this::message)
                .list();
    }

    long countMessages(BusinessId business, boolean done) {
        return jdbc.sql("SELECT COUNT(*) FROM staff_message m WHERE m.business_id = :business AND m.status "
                        + (done ? "=" : "<>") + " 'DONE'")
                .param("business", business.value())
                .query(Long.class)
                .single();
    }

    /** Messages not marked DONE, newest first. */
    List<StaffMessage> openMessages(BusinessId business, int limit) {
        return jdbc.sql(MESSAGE_SELECT + " WHERE m.business_id = :business AND m.status <> 'DONE'"
                        + " ORDER BY m.created_at DESC, m.seq DESC LIMIT :limit")
                .param("business", business.value())
                .param("limit", limit)
                .query(this::message)
                .list();
    }

    List<StaffMessage> messagesFrom(BusinessId business, String callerPhone, int limit) {
        return jdbc.sql(MESSAGE_SELECT + " WHERE m.business_id = :business AND m.caller_phone = :phone"
                        + " ORDER BY m.created_at DESC, m.seq DESC LIMIT :limit")
                .param("business", business.value())
                .param("phone", callerPhone)
                .param("limit", limit)
                .query(this::message)
                .list();
    }

    int forgetCaller(BusinessId business, String callerPhone) {
        return jdbc.sql("UPDATE staff_message SET caller_name = NULL, caller_phone = NULL, text = '(erased)'"
                        + " WHERE business_id = :business AND caller_phone = :phone")
                .param("business", business.value())
                .param("phone", callerPhone)
                .update();
    }

    long countOpenMessages(BusinessId business) {
        return jdbc.sql("SELECT COUNT(*) FROM staff_message m WHERE m.business_id = :business AND m.status <> 'DONE'")
                .param("business", business.value())
                .query(Long.class)
                .single();
    }

    long countMessages(BusinessId business, String status) {
        return jdbc.sql("SELECT COUNT(*) FROM staff_message m WHERE m.business_id = :business"
                        + (status == null ? "" : " AND m.status = :status"))
                .params(statusParams(business, status))
                .query(Long.class)
                .single();
    }

    private static Map<String, Object> statusParams(BusinessId business, String status) {
        return status == null
                ? Map.of("business", business.value())
                : Map.of("business", business.value(), "status", status);
    }

    // mapping

    private String hours(WeeklyHours hours) {
        return hours == null ? null : json.writeValueAsString(Hours.toJson(hours));
    }

    private WeeklyHours hours(String stored) {
        return stored == null ? null : Hours.fromJson(json.readValue(stored, HOURS));
    }

    private Department department(ResultSet rs, int row) throws SQLException {
        return new Department(
                rs.getObject("id", UUID.class),
                new BusinessId(rs.getObject("business_id", UUID.class)),
                rs.getString("name"),
                rs.getString("description"),
                hours(rs.getString("hours")),
                rs.getInt("routing_priority"),
                instant(rs, "created_at"));
    }

    private Employee employee(ResultSet rs, int row) throws SQLException {
        return new Employee(
                rs.getObject("id", UUID.class),
                new BusinessId(rs.getObject("business_id", UUID.class)),
                rs.getString("name"),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getObject("department_id", UUID.class),
                rs.getString("department_name"),
                json.readValue(rs.getString("roles"), STRINGS),
                EmployeeStatus.valueOf(rs.getString("status")),
                hours(rs.getString("hours")),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private StaffMessage message(ResultSet rs, int row) throws SQLException {
        return new StaffMessage(
                rs.getObject("id", UUID.class),
                new BusinessId(rs.getObject("business_id", UUID.class)),
                rs.getObject("employee_id", UUID.class),
                rs.getString("employee_name"),
                rs.getObject("department_id", UUID.class),
                rs.getString("department_name"),
                rs.getString("caller_name"),
                rs.getString("caller_phone"),
                rs.getString("text"),
                rs.getString("status"),
                instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
