package dev.frontdesk.dashboard.internal;

import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.tenants.BusinessId;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A business's team for its owner: inviting a user (the same path as {@code POST /api/users} without a
 * password: the user is emailed a link to choose one), changing a role, removing a user, sending an
 * invitation again. A business always keeps an OWNER, and nobody changes or removes their own login here.
 */
@Service
class Team {

    private final Users users;
    private final UserRepository repository;
    private final LinkRepository links;
    private final PasswordLinks passwordLinks;
    private final PublicUrl publicUrl;
    private final Clock clock;

    Team(
            Users users,
            UserRepository repository,
            LinkRepository links,
            PasswordLinks passwordLinks,
            PublicUrl publicUrl,
            Clock clock) {
        this.users = users;
        this.repository = repository;
        this.links = links;
        this.passwordLinks = passwordLinks;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    List<UserAccount> members(BusinessId business) {
        return repository.all(business);
    }

    /** The user invited, or what is wrong with the form by field ({@code email}, {@code name}, {@code role}). */
    record Invited(UserAccount user, Map<String, String> errors) {}

    Invited invite(BusinessId business, String email, String name, String role) {
        UserAccount created;
        try {
            created = users.create(business, new Users.NewUser(email, name, role, null));
        } catch (FrontdeskException e) {
            var errors = new LinkedHashMap<String, String>();
            if ("email-in-use".equals(e.type())) {
                errors.put("email", "is already a login (one email signs in to one business)");
            } else if ("validation".equals(e.type())) {
                var properties = e.toProblem().getProperties();
                if (properties != null && properties.get("errors") instanceof List<?> list) {
                    for (Object error : list) {
                        if (error instanceof FrontdeskException.FieldError field) {
                            errors.putIfAbsent(field.field(), field.message());
                        }
                    }
                }
            }
            if (errors.isEmpty()) {
                throw e;
            }
            return new Invited(null, errors);
        }
        passwordLinks.invite(created, publicUrl.base());
        return new Invited(created, Map.of());
    }

    /**
     * Gives a user of the business another role.
     *
     * @throws FrontdeskException 404 for a user of no business of the owner's, 409 for one's own role or the last
     *     owner, 400 for an unknown role
     */
    @Transactional
    UserAccount changeRole(SignedInUser by, UUID userId, String role) {
        Role wanted = Role.parse(role)
                .orElseThrow(() -> FrontdeskException.badRequest(
                        "validation", "Unknown role", "The role must be owner, staff or viewer."));
        UserAccount user = member(by.businessId(), userId);
        notYourself(by, user, "change your own role");
        if (user.role() == wanted) {
            return user;
        }
        if (user.role() == Role.OWNER) {
            keepAnOwner(by.businessId(), user, "take the owner role from");
        }
        repository.updateRole(by.businessId(), user.id(), wanted);
        return user;
    }

    /** Removes a user and their emailed links; same refusals as {@link #changeRole}. */
    @Transactional
    UserAccount remove(SignedInUser by, UUID userId) {
        UserAccount user = member(by.businessId(), userId);
        notYourself(by, user, "remove your own login");
        if (user.role() == Role.OWNER) {
            keepAnOwner(by.businessId(), user, "remove");
        }
        links.deleteAll(by.businessId(), user.id());
        repository.delete(by.businessId(), user.id());
        return user;
    }

    /** Emails a new invitation link to a user who has not chosen a password yet; earlier links stop working. */
    @Transactional
    UserAccount resendInvitation(BusinessId business, UUID userId) {
        UserAccount user = member(business, userId);
        if (user.passwordHash() != null) {
            throw FrontdeskException.conflict(
                    "already-active",
                    "Already active",
                    user.name() + " has already chosen a password; they can use Forgot your password? on the"
                            + " sign-in page.");
        }
        links.retire(business, user.id(), clock.instant());
        passwordLinks.invite(user, publicUrl.base());
        return user;
    }

    private UserAccount member(BusinessId business, UUID userId) {
        return repository
                .byId(business, userId)
                .orElseThrow(() -> new FrontdeskException(
                        HttpStatus.NOT_FOUND,
                        "not-found",
                        "Not found",
                        "There is no such user in your team (they may have been removed)."));
    }

    private static void notYourself(SignedInUser by, UserAccount user, String what) {
        if (user.id().equals(by.id())) {
            throw FrontdeskException.conflict(
                    "yourself", "Not your own login", "You cannot " + what + "; ask another owner to do it.");
        }
    }

    private void keepAnOwner(BusinessId business, UserAccount user, String what) {
        boolean another = repository.lockOwners(business).stream().anyMatch(id -> !id.equals(user.id()));
        if (!another) {
            throw new FrontdeskException(
                    HttpStatus.CONFLICT,
                    "last-owner",
                    "Last owner",
                    "You cannot " + what + " " + user.name() + ": the business must keep at least one owner.");
        }
    }
}
