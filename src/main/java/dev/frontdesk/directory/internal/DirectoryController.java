package dev.frontdesk.directory.internal;

import dev.frontdesk.directory.internal.DirectoryJson.DepartmentRequest;
import dev.frontdesk.directory.internal.DirectoryJson.DepartmentResponse;
import dev.frontdesk.directory.internal.DirectoryJson.EmployeeRequest;
import dev.frontdesk.directory.internal.DirectoryJson.EmployeeResponse;
import dev.frontdesk.directory.internal.DirectoryJson.MessageChange;
import dev.frontdesk.directory.internal.DirectoryJson.MessageResponse;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.shared.Ids;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.CurrentBusiness;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Departments, employees and the messages callers left for them. */
@RestController
@Tag(name = "Directory", description = "Departments, employees and messages for staff (X-API-Key)")
@SecurityRequirement(name = "apiKey")
class DirectoryController {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final Staff staff;

    DirectoryController(Staff staff) {
        this.staff = staff;
    }

    // departments

    @GetMapping("/api/departments")
    @Operation(summary = "List departments", description = "Paged, oldest first.")
    PageResponse<DepartmentResponse> departments(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer pageSize) {
        return staff.departments(business, PageQuery.of(page, pageSize)).map(DepartmentResponse::of);
    }

    @PostMapping("/api/departments")
    @Operation(
            summary = "Add a department",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(implementation = DepartmentRequest.class),
                                            examples = @ExampleObject(value = DirectoryJson.DEPARTMENT_EXAMPLE))))
    @ApiResponse(responseCode = "201", description = "Added")
    @ApiResponse(
            responseCode = "400",
            description = "Invalid fields, each listed in errors",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<DepartmentResponse> createDepartment(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business, @RequestBody JsonNode body) {
        Department department = staff.createDepartment(business, body);
        return ResponseEntity.created(URI.create("/api/departments/" + department.id()))
                .body(DepartmentResponse.of(department));
    }

    @GetMapping("/api/departments/{id}")
    @Operation(summary = "Get a department")
    DepartmentResponse department(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business, @PathVariable String id) {
        return DepartmentResponse.of(staff.department(business, Ids.uuidOrNotFound(id, "Department")));
    }

    @PatchMapping(
            value = "/api/departments/{id}",
            consumes = {MERGE_PATCH, "application/json"})
    @Operation(
            summary = "Change a department",
            description = "JSON merge patch: members given replace the department's; null hours means the"
                    + " business's hours.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = DepartmentRequest.class))))
    DepartmentResponse changeDepartment(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @PathVariable String id,
            @RequestBody JsonNode body) {
        return DepartmentResponse.of(staff.changeDepartment(business, Ids.uuidOrNotFound(id, "Department"), body));
    }

    @DeleteMapping("/api/departments/{id}")
    @Operation(summary = "Delete a department", description = "Only a department without employees (else 409).")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(
            responseCode = "409",
            description = "The department still has employees",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Void> deleteDepartment(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business, @PathVariable String id) {
        staff.deleteDepartment(business, Ids.uuidOrNotFound(id, "Department"));
        return ResponseEntity.noContent().build();
    }

    // employees

    @GetMapping("/api/employees")
    @Operation(summary = "List employees", description = "Paged, oldest first.")
    PageResponse<EmployeeResponse> employees(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer pageSize) {
        return staff.employees(business, PageQuery.of(page, pageSize)).map(EmployeeResponse::of);
    }

    @PostMapping("/api/employees")
    @Operation(
            summary = "Add an employee",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(implementation = EmployeeRequest.class),
                                            examples = @ExampleObject(value = DirectoryJson.EMPLOYEE_EXAMPLE))))
    @ApiResponse(responseCode = "201", description = "Added")
    @ApiResponse(
            responseCode = "400",
            description = "Invalid fields, each listed in errors",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<EmployeeResponse> createEmployee(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business, @RequestBody JsonNode body) {
        Employee employee = staff.createEmployee(business, body);
        return ResponseEntity.created(URI.create("/api/employees/" + employee.id()))
                .body(EmployeeResponse.of(employee));
    }

    @GetMapping("/api/employees/{id}")
    @Operation(summary = "Get an employee")
    EmployeeResponse employee(@Parameter(hidden = true) @CurrentBusiness BusinessId business, @PathVariable String id) {
        return EmployeeResponse.of(staff.employee(business, Ids.uuidOrNotFound(id, "Employee")));
    }

    @PatchMapping(
            value = "/api/employees/{id}",
            consumes = {MERGE_PATCH, "application/json"})
    @Operation(
            summary = "Change an employee",
            description = "JSON merge patch: members given replace the employee's; a null department or hours"
                    + " clears it.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = EmployeeRequest.class))))
    EmployeeResponse changeEmployee(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @PathVariable String id,
            @RequestBody JsonNode body) {
        return EmployeeResponse.of(staff.changeEmployee(business, Ids.uuidOrNotFound(id, "Employee"), body));
    }

    @DeleteMapping("/api/employees/{id}")
    @Operation(summary = "Delete an employee")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> deleteEmployee(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business, @PathVariable String id) {
        staff.deleteEmployee(business, Ids.uuidOrNotFound(id, "Employee"));
        return ResponseEntity.noContent().build();
    }

    // messages

    @GetMapping("/api/messages")
    @Operation(
            summary = "List messages for staff",
            description = "Paged, newest first; status keeps DELIVERED, FAILED, READ or DONE messages.")
    PageResponse<MessageResponse> messages(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @Parameter(example = "DELIVERED") @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer pageSize) {
        String wanted = null;
        if (status != null && !status.isBlank()) {
            wanted = status.strip().toUpperCase(Locale.ROOT);
            if (!Staff.MESSAGE_STATUSES.contains(wanted)) {
                throw FrontdeskException.validation(
                        List.of(new FieldError("status", "must be DELIVERED, FAILED, READ or DONE")));
            }
        }
        return staff.messages(business, wanted, PageQuery.of(page, pageSize)).map(MessageResponse::of);
    }

    @GetMapping("/api/messages/{id}")
    @Operation(summary = "Get a message for staff")
    MessageResponse message(@Parameter(hidden = true) @CurrentBusiness BusinessId business, @PathVariable String id) {
        return MessageResponse.of(staff.message(business, Ids.uuidOrNotFound(id, "Message")));
    }

    @PatchMapping(
            value = "/api/messages/{id}",
            consumes = {MERGE_PATCH, "application/json"})
    @Operation(
            summary = "Mark a message read or done",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = MessageChange.class))))
    MessageResponse changeMessage(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @PathVariable String id,
            @RequestBody JsonNode body) {
        return MessageResponse.of(staff.changeMessage(business, Ids.uuidOrNotFound(id, "Message"), body));
    }
}
