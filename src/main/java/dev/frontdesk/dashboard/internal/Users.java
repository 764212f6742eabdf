package dev.frontdesk.dashboard.internal;

import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.tenants.BusinessId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Creating and listing a business's dashboard users, and counting their failed sign-ins. */
@Service
class Users {

    static final int MIN_PASSWORD_LENGTH = 10;
    /** bcrypt reads at most 72 bytes; a longer password is refused rather than silently cut. */
    static final int MAX_PASSWORD_BYTES = 72;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final UserRepository repository;
    private final PasswordEncoder passwords;
    private final DashboardProperties properties;
    private final Clock clock;

    Users(UserRepository repository, PasswordEncoder passwords, DashboardProperties properties, Clock clock) {
        this.repository = repository;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
    }

    /** What to create; {@code password} may be null: the user then chooses one through an emailed link. */
    record NewUser(String email, String name, String role, String password) {}

    /**
     * Creates a user of the business.
     *
     * @throws FrontdeskException 400 listing every invalid field, 409 when the email is already in use
     */
    UserAccount create(BusinessId business, NewUser user) {
        List<FieldError> errors = new ArrayList<>();
        String email = normalizeEmail(user.email());
        if (email.isEmpty()) {
            errors.add(new FieldError("email", "is required"));
        } else if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "is not an email address"));
        }
        String name = user.name() == null ? "" : user.name().strip();
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > 200) {
            errors.add(new FieldError("name", "must be at most 200 characters"));
        }
        var role = Role.parse(user.role());
        if (role.isEmpty()) {
            errors.add(new FieldError("role", "must be one of OWNER, STAFF, VIEWER"));
        }
        String password = user.password();
        if (password != null) {
            passwordProblem(password).ifPresent(problem -> errors.add(new FieldError("password", problem)));
        }
        if (!errors.isEmpty()) {
            throw FrontdeskException.validation(errors);
        }
        var account = new UserAccount(
                UUID.randomUUID(),
                business,
                email,
                name,
                role.get(),
                password == null ? null : passwords.encode(password),
                0,
                null,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        try {
            repository.insert(account);
        } catch (DuplicateKeyException e) {
            throw new FrontdeskException(
                    HttpStatus.CONFLICT,
                    "email-in-use",
                    "Email already in use",
                    "A dashboard user with this email already exists; each email signs in to one business");
        }
        return account;
    }

    /** What is wrong with a new password, if anything. */
    static java.util.Optional<String> passwordProblem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            return java.util.Optional.of("must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return java.util.Optional.of("must be at most " + MAX_PASSWORD_BYTES + " bytes");
        }
        return java.util.Optional.empty();
    }

    PageResponse<UserAccount> list(BusinessId business, PageQuery page) {
        return PageResponse.of(repository.page(business, page), repository.count(business), page);
    }

    void signInFailed(String email) {
        String normalized = normalizeEmail(email);
        if (!normalized.isEmpty()) {
            Instant now = clock.instant();
            repository.recordFailure(normalized, properties.maxFailedAttempts(), now, now.plus(properties.lockout()));
        }
    }

    void signedIn(String email) {
        repository.resetFailures(normalizeEmail(email));
    }

    static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
