package dev.frontdesk.dashboard.internal;

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
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The business's dashboard users, for the business of the API key. */
@RestController
@Tag(name = "Users", description = "Who signs in to the dashboard, and with which role (X-API-Key)")
@SecurityRequirement(name = "apiKey")
class UsersController {

    static final String CREATE_EXAMPLE = """
            {"email": "sam@example.com", "name": "Sam Lee", "role": "STAFF", "password": "a long passphrase"}""";

    private final Users users;
    private final PasswordLinks links;
    private final PublicUrl publicUrl;

    UsersController(Users users, PasswordLinks links, PublicUrl publicUrl) {
        this.users = users;
        this.links = links;
        this.publicUrl = publicUrl;
    }

    @Schema(name = "NewUser")
    record CreateRequest(
            @Schema(example = "sam@example.com", requiredMode = Schema.RequiredMode.REQUIRED)
            String email,

            @Schema(example = "Sam Lee", requiredMode = Schema.RequiredMode.REQUIRED)
            String name,

            @Schema(
                    allowableValues = {"OWNER", "STAFF", "VIEWER"},
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "OWNER and STAFF book and cancel; VIEWER only looks")
            String role,

            @Schema(
                    description = "At least 10 characters, at most 72 bytes. Without it the user is emailed"
                            + " a link to choose one (valid 72 hours)",
                    example = "a long passphrase")
            String password) {}

    @Schema(name = "User")
    record UserResponse(
            @Schema(example = "0b6f0a4e-6f6c-4d55-9c5e-3f1f8f0c2a11")
            String id,

            @Schema(example = "sam@example.com") String email,
            @Schema(example = "Sam Lee") String name,
            @Schema(example = "STAFF") String role,

            @Schema(description = "False until the user has chosen a password (an invitation is pending)")
            boolean passwordSet,

            Instant createdAt) {

        static UserResponse of(UserAccount u) {
            return new UserResponse(
                    u.id().toString(), u.email(), u.name(), u.role().name(), u.passwordHash() != null, u.createdAt());
        }
    }

    @PostMapping("/api/users")
    @Operation(
            summary = "Add a dashboard user",
            description = "The email is the login (one business per email); the password is stored only as a"
                    + " bcrypt hash. Without a password the user is emailed an invitation link to choose one"
                    + " (in the sandbox: GET /api/outbox).",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(examples = @ExampleObject(value = CREATE_EXAMPLE))))
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(
            responseCode = "400",
            description = "Invalid fields, listed in errors",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "The email is already in use",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<UserResponse> create(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business, @RequestBody CreateRequest request) {
        var created = users.create(
                business, new Users.NewUser(request.email(), request.name(), request.role(), request.password()));
        if (created.passwordHash() == null) {
            links.invite(created, publicUrl.base());
        }
        return ResponseEntity.created(URI.create("/api/users/" + created.id())).body(UserResponse.of(created));
    }

    @GetMapping("/api/users")
    @Operation(summary = "List dashboard users", description = "Paged, oldest first.")
    PageResponse<UserResponse> list(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer pageSize) {
        return users.list(business, PageQuery.of(page, pageSize)).map(UserResponse::of);
    }
}
