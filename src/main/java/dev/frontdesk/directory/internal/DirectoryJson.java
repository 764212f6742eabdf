package dev.frontdesk.directory.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The JSON shapes of the directory API. */
final class DirectoryJson {

    private DirectoryJson() {}

    static final String DEPARTMENT_EXAMPLE = """
            {"name": "Billing", "description": "Invoices and payments", "routingPriority": 10,
             "hours": {"MONDAY": ["09:00-17:00"], "TUESDAY": ["09:00-17:00"]}}""";

    static final String EMPLOYEE_EXAMPLE = """
            {"name": "Sam Lee", "phone": "+16175550123", "email": "sam@example.com", "department": "Billing",
             "roles": ["accounts"], "status": "ACTIVE", "hours": {"MONDAY": ["08:00-12:00"]}}""";

    @Schema(name = "DepartmentRequest", description = "A department; every member but name is optional")
    record DepartmentRequest(
            @Schema(example = "Billing", description = "Unique in the business (any case), at most 100 characters")
            String name,

            @Schema(example = "Invoices and payments") String description,

            @Schema(
                    description = "Weekly hours; null or absent for the business's hours",
                    example = "{\"MONDAY\": [\"09:00-17:00\"]}")
            Map<String, List<String>> hours,

            @Schema(description = "0-1000, higher first for generic transfer requests; default 0", example = "10")
            Integer routingPriority) {}

    @Schema(name = "Department")
    record DepartmentResponse(
            UUID id,
            @Schema(example = "Billing") String name,
            String description,

            @Schema(description = "Null when the department keeps the business's hours")
            Map<String, List<String>> hours,

            @Schema(example = "10") int routingPriority,
            Instant createdAt) {

        static DepartmentResponse of(Department d) {
            return new DepartmentResponse(
                    d.id(), d.name(), d.description(), Hours.toJson(d.hours()), d.routingPriority(), d.createdAt());
        }
    }

    @Schema(name = "EmployeeRequest", description = "A member of staff; name and phone are required")
    record EmployeeRequest(
            @Schema(example = "Sam Lee") String name,

            @Schema(example = "+16175550123", description = "E.164")
            String phone,

            @Schema(example = "sam@example.com") String email,

            @Schema(example = "Billing", description = "A department's name or id; null for none")
            String department,

            @Schema(example = "[\"accounts\"]") List<String> roles,

            @Schema(
                    example = "ACTIVE",
                    allowableValues = {"ACTIVE", "AWAY", "INACTIVE"})
            String status,

            @Schema(description = "Weekly hours; null for the department's (or the business's)")
            Map<String, List<String>> hours) {}

    @Schema(name = "Employee")
    record EmployeeResponse(
            UUID id,
            @Schema(example = "Sam Lee") String name,
            @Schema(example = "+16175550123") String phone,
            String email,

            @Schema(example = "Billing", description = "The department's name, or null")
            String department,

            UUID departmentId,
            List<String> roles,
            @Schema(example = "ACTIVE") String status,
            Map<String, List<String>> hours,
            Instant createdAt,
            Instant updatedAt) {

        static EmployeeResponse of(Employee e) {
            return new EmployeeResponse(
                    e.id(),
                    e.name(),
                    e.phone(),
                    e.email(),
                    e.departmentName(),
                    e.departmentId(),
                    e.roles(),
                    e.status().name(),
                    Hours.toJson(e.hours()),
                    e.createdAt(),
                    e.updatedAt());
        }
    }

    @Schema(name = "StaffMessageRecipient")
    record Recipient(UUID id, String name) {}

    @Schema(
            name = "StaffMessage",
            description = "A message a caller left: for an employee (forEmployee), a department (forDepartment) or"
                    + " the owner (forOwner: true)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MessageResponse(
            UUID id,
            Recipient forEmployee,
            Recipient forDepartment,
            Boolean forOwner,
            @Schema(example = "Jane Doe") String callerName,
            @Schema(example = "+16175550188") String callerPhone,

            @Schema(example = "Please call me back about my invoice.")
            String text,

            @Schema(
                    example = "DELIVERED",
                    allowableValues = {"DELIVERED", "FAILED", "READ", "DONE"})
            String status,

            Instant createdAt) {

        static MessageResponse of(StaffMessage m) {
            return new MessageResponse(
                    m.id(),
                    m.employeeId() == null ? null : new Recipient(m.employeeId(), m.employeeName()),
                    m.departmentId() == null ? null : new Recipient(m.departmentId(), m.departmentName()),
                    m.employeeId() == null && m.departmentId() == null ? Boolean.TRUE : null,
                    m.callerName(),
                    m.callerPhone(),
                    m.text(),
                    m.status(),
                    m.createdAt());
        }
    }

    @Schema(name = "StaffMessageChange")
    record MessageChange(
            @Schema(allowableValues = {"READ", "DONE"}) String status) {}
}
