package dev.frontdesk.dashboard.internal;

import dev.frontdesk.tenants.BusinessId;
import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The person signed in to the dashboard, kept in the session: every page and fragment reads the business
 * from here, never from the request. The operator has no business (see {@link #operator()}).
 */
final class SignedInUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID id;
    private final BusinessId businessId;
    private final String email;
    private final String name;
    private final Role role;
    private String passwordHash;
    private final boolean enabled;
    private final boolean locked;

    SignedInUser(UserAccount account, boolean businessActive, boolean locked) {
        this.id = account.id();
        this.businessId = account.businessId();
        this.email = account.email();
        this.name = account.name();
        this.role = account.role();
        this.passwordHash = account.passwordHash();
        this.enabled = businessActive && account.passwordHash() != null;
        this.locked = locked;
    }

    private SignedInUser(String name) {
        this.id = null;
        this.businessId = null;
        this.email = OperatorLogin.USERNAME;
        this.name = name;
        this.role = Role.OPERATOR;
        this.passwordHash = null;
        this.enabled = true;
        this.locked = false;
    }

    /** The service's operator (signed in with the admin key): no business, no user id. */
    static SignedInUser operator() {
        return new SignedInUser("Operator");
    }

    boolean isOperator() {
        return role == Role.OPERATOR;
    }

    UUID id() {
        return id;
    }

    BusinessId businessId() {
        return businessId;
    }

    String name() {
        return name;
    }

    Role role() {
        return role;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
