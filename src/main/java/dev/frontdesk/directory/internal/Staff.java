package dev.frontdesk.directory.internal;

import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.shared.JsonMergePatch;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.WeeklyHours;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creating, changing, listing and deleting departments and employees. A request is checked whole (a
 * 400 problem lists every bad field) before anything is written; a change is a JSON merge patch applied
 * to the current resource and checked like a new one, under a row lock.
 */
@Service
class Staff {

    static final Set<String> DEPARTMENT_FIELDS = Set.of("name", "description", "hours", "routingPriority");
    static final Set<String> EMPLOYEE_FIELDS =
            Set.of("name", "phone", "email", "department", "roles", "status", "hours");
    static final Set<String> MESSAGE_STATUSES =
            Set.of(StaffMessage.DELIVERED, StaffMessage.FAILED, StaffMessage.READ, StaffMessage.DONE);

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final DirectoryRepository repository;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    Staff(DirectoryRepository repository, TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    // departments

    Department createDepartment(BusinessId business, JsonNode body) {
        return transactions.execute(status -> {
            Department department = department(business, UUID.randomUUID(), now(), body);
            repository.insert(department);
            return department;
        });
    }

    Department changeDepartment(BusinessId business, UUID id, JsonNode patch) {
        return transactions.execute(status -> {
            Department current = repository.department(business, id, true).orElseThrow(() -> departmentNotFound(id));
            var shape = new LinkedHashMap<String, Object>();
            shape.put("name", current.name());
            shape.put("description", current.description());
            shape.put("hours", Hours.toJson(current.hours()));
            shape.put("routingPriority", current.routingPriority());
            Fields.object(patch, DEPARTMENT_FIELDS, "a department", new ArrayList<>());
            JsonNode merged = JsonMergePatch.apply(json.valueToTree(shape), patch);
            Department changed = department(business, id, current.createdAt(), merged);
            repository.update(changed);
            return changed;
        });
    }

    void deleteDepartment(BusinessId business, UUID id) {
        transactions.executeWithoutResult(status -> {
            repository.department(business, id, true).orElseThrow(() -> departmentNotFound(id));
            long employees = repository.countEmployeesIn(business, id);
            if (employees > 0) {
                throw FrontdeskException.conflict(
                                "department-has-employees",
                                "Department has employees",
                                "Move or delete the department's " + employees + " employee(s) first")
                        .with("employees", employees);
            }
            repository.deleteDepartment(business, id);
        });
    }

    Department department(BusinessId business, UUID id) {
        return repository.department(business, id, false).orElseThrow(() -> departmentNotFound(id));
    }

    PageResponse<Department> departments(BusinessId business, PageQuery page) {
        return PageResponse.of(repository.departments(business, page), repository.countDepartments(business), page);
    }

    private Department department(BusinessId business, UUID id, Instant createdAt, JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        Fields.object(body, DEPARTMENT_FIELDS, "a department", errors);
        String name = Fields.string(body, "name", 100, errors);
        if (name == null && errors.stream().noneMatch(e -> e.field().equals("name"))) {
            errors.add(new FieldError("name", "must not be empty"));
        }
        if (name != null
                && repository.departments(business).stream()
                        .anyMatch(d -> !d.id().equals(id) && d.name().equalsIgnoreCase(name))) {
            errors.add(new FieldError("name", "is already the name of another department"));
        }
        String description = Fields.string(body, "description", 1000, errors);
        WeeklyHours hours = Hours.read(body.get("hours"), "hours", errors);
        Integer priority = Fields.integer(body, "routingPriority", 0, 1000, errors);
        if (!errors.isEmpty()) {
            throw FrontdeskException.validation(errors);
        }
        return new Department(id, business, name, description, hours, priority == null ? 0 : priority, createdAt);
    }

    static FrontdeskException departmentNotFound(Object id) {
        return FrontdeskException.notFound("Department " + id);
    }

    // employees

    Employee createEmployee(BusinessId business, JsonNode body) {
        return transactions.execute(status -> {
            Instant now = now();
            Employee employee = employee(business, UUID.randomUUID(), now, now, body);
            repository.insert(employee);
            return employee;
        });
    }

    Employee changeEmployee(BusinessId business, UUID id, JsonNode patch) {
        return transactions.execute(status -> {
            if (!repository.lockEmployee(business, id)) {
                throw employeeNotFound(id);
            }
            Employee current = repository.employee(business, id).orElseThrow(() -> employeeNotFound(id));
            var shape = new LinkedHashMap<String, Object>();
            shape.put("name", current.name());
            shape.put("phone", current.phone());
            shape.put("email", current.email());
            shape.put(
                    "department",
                    current.departmentId() == null
                            ? null
                            : current.departmentId().toString());
            shape.put("roles", current.roles());
            shape.put("status", current.status().name());
            shape.put("hours", Hours.toJson(current.hours()));
            Fields.object(patch, EMPLOYEE_FIELDS, "an employee", new ArrayList<>());
            JsonNode merged = JsonMergePatch.apply(json.valueToTree(shape), patch);
            Employee changed = employee(business, id, current.createdAt(), now(), merged);
            repository.update(changed);
            return changed;
        });
    }

    void deleteEmployee(BusinessId business, UUID id) {
        if (!repository.deleteEmployee(business, id)) {
            throw employeeNotFound(id);
        }
    }

    Employee employee(BusinessId business, UUID id) {
        return repository.employee(business, id).orElseThrow(() -> employeeNotFound(id));
    }

    PageResponse<Employee> employees(BusinessId business, PageQuery page) {
        return PageResponse.of(repository.employees(business, page), repository.countEmployees(business), page);
    }

    private Employee employee(BusinessId business, UUID id, Instant createdAt, Instant updatedAt, JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        Fields.object(body, EMPLOYEE_FIELDS, "an employee", errors);
        String name = Fields.string(body, "name", 200, errors);
        if (name == null && errors.stream().noneMatch(e -> e.field().equals("name"))) {
            errors.add(new FieldError("name", "must not be empty"));
        }
        String phoneText = Fields.string(body, "phone", 40, errors);
        String phone = null;
        if (phoneText == null) {
            if (errors.stream().noneMatch(e -> e.field().equals("phone"))) {
                errors.add(new FieldError("phone", "must not be empty"));
            }
        } else {
            Optional<PhoneNumber> parsed = PhoneNumber.parseStrict(phoneText);
            if (parsed.isEmpty()) {
                errors.add(new FieldError("phone", "must be a valid phone number in E.164 form, e.g. +16175550123"));
            } else {
                phone = parsed.get().e164();
            }
        }
        String email = Fields.string(body, "email", 320, errors);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "must be an email address"));
        }
        Department department = null;
        String departmentText = Fields.string(body, "department", 100, errors);
        if (departmentText != null) {
            department = findDepartment(business, departmentText).orElse(null);
            if (department == null) {
                errors.add(new FieldError("department", "is not a department of this business (give its name or id)"));
            }
        }
        List<String> roles = Fields.strings(body, "roles", 20, 60, errors);
        EmployeeStatus status = EmployeeStatus.ACTIVE;
        String statusText = Fields.string(body, "status", 20, errors);
        if (statusText != null) {
            try {
                status = EmployeeStatus.valueOf(statusText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "must be ACTIVE, AWAY or INACTIVE"));
            }
        }
        WeeklyHours hours = Hours.read(body.get("hours"), "hours", errors);
        if (!errors.isEmpty()) {
            throw FrontdeskException.validation(errors);
        }
        if (department != null) {
            // held until the end of the transaction, so the department cannot be deleted meanwhile
            repository.department(business, department.id(), true);
        }
        return new Employee(
                id,
                business,
                name,
                phone,
                email,
                department == null ? null : department.id(),
                department == null ? null : department.name(),
                roles,
                status,
                hours,
                createdAt,
                updatedAt);
    }

    /** A department of the business by id, or by name ignoring case. */
    private Optional<Department> findDepartment(BusinessId business, String idOrName) {
        try {
            UUID id = UUID.fromString(idOrName);
            return repository.department(business, id, false);
        } catch (IllegalArgumentException notAnId) {
            return repository.departments(business).stream()
                    .filter(d -> d.name().equalsIgnoreCase(idOrName))
                    .findFirst();
        }
    }

    static FrontdeskException employeeNotFound(Object id) {
        return FrontdeskException.notFound("Employee " + id);
    }

    // messages

    StaffMessage message(BusinessId business, UUID id) {
        return repository.message(business, id).orElseThrow(() -> messageNotFound(id));
    }

    PageResponse<StaffMessage> messages(BusinessId business, String status, PageQuery page) {
        return PageResponse.of(
                repository.messages(business, status, page), repository.countMessages(business, status), page);
    }

    StaffMessage changeMessage(BusinessId business, UUID id, JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        Fields.object(body, Set.of("status"), "a message", errors);
        String status = Fields.string(body, "status", 20, errors);
        if (status == null && errors.stream().noneMatch(e -> e.field().equals("status"))) {
            errors.add(new FieldError("status", "must be READ or DONE"));
        } else if (status != null) {
            status = status.toUpperCase(Locale.ROOT);
            if (!status.equals(StaffMessage.READ) && !status.equals(StaffMessage.DONE)) {
                errors.add(new FieldError("status", "must be READ or DONE"));
            }
        }
        // ownership first: another business's id is 404 whatever the body
        repository.message(business, id).orElseThrow(() -> messageNotFound(id));
        if (!errors.isEmpty()) {
            throw FrontdeskException.validation(errors);
        }
        if (!repository.setStatus(business, id, status)) {
            throw messageNotFound(id);
        }
        return message(business, id);
    }

    static FrontdeskException messageNotFound(Object id) {
        return FrontdeskException.notFound("Message " + id);
    }

    /** Now, to the microsecond the database keeps, so a resource reads back as it was returned. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static Map<String, List<String>> hoursJson(WeeklyHours hours) {
        return Hours.toJson(hours);
    }
}
