package dev.frontdesk.dashboard.internal;

import dev.frontdesk.tenants.BusinessAdmin;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The operator's sign-in on {@code /login}: the username {@code operator} and the admin key
 * ({@code FRONTDESK_ADMIN_KEY}, or the one generated and printed on first start) as the password. Nothing is
 * stored: the key is checked against its hash by the tenants module. Any other username is left to the
 * business users' sign-in. Repeated failures pause the operator's sign-in as they pause a user's (counted on
 * this node).
 */
@Component
class OperatorLogin {

    static final String USERNAME = "operator";

    private final BusinessAdmin admin;
    private final DashboardProperties properties;
    private final Clock clock;
    private int failures;
    private Instant lockedUntil;

    OperatorLogin(BusinessAdmin admin, DashboardProperties properties, Clock clock) {
        this.admin = admin;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The sign-in's provider for the operator. Not a bean itself: an {@link AuthenticationProvider} bean would
     * replace Spring Security's global user-details sign-in.
     */
    AuthenticationProvider provider() {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                return OperatorLogin.this.authenticate(authentication);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    /** The operator's authentication; null for any other username (a business user's sign-in). */
    Authentication authenticate(Authentication authentication) {
        if (!USERNAME.equals(Users.normalizeEmail(authentication.getName()))) {
            return null;
        }
        Object presented = authentication.getCredentials();
        synchronized (this) {
            Instant now = clock.instant();
            if (lockedUntil != null && lockedUntil.isAfter(now)) {
                throw new LockedException("operator sign-in paused");
            }
            if (!(presented instanceof String key) || !admin.isOperatorKey(key)) {
                if (++failures >= properties.maxFailedAttempts()) {
                    failures = 0;
                    lockedUntil = now.plus(properties.lockout());
                }
                throw new BadCredentialsException("wrong operator key");
            }
            failures = 0;
            lockedUntil = null;
        }
        var operator = SignedInUser.operator();
        return UsernamePasswordAuthenticationToken.authenticated(
                operator, null, List.of(new SimpleGrantedAuthority(Role.OPERATOR.authority())));
    }
}
