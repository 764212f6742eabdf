package dev.frontdesk.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.support.MutableClock;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessAdmin;
import dev.frontdesk.tenants.BusinessEditor;
import dev.frontdesk.tenants.BusinessId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * The operator's sign-in: the admin key opens it with the OPERATOR role and no business; other usernames are
 * left to the business users' sign-in; five wrong keys in a row pause it, even for the right key, until the
 * lockout has passed.
 */
class OperatorLoginTest {

    static final String KEY = "the-operator-key-0123456789";

    /** Only the key check is used by the sign-in. */
    static final BusinessAdmin ADMIN = new BusinessAdmin() {
        @Override
        public boolean isOperatorKey(String presented) {
            return KEY.equals(presented);
        }

        @Override
        public PageResponse<Business> list(PageQuery page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Created create(NewBusiness business) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Business suspend(BusinessId business) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Business activate(BusinessId business) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BusinessEditor.Issued rotateApiKey(BusinessId business) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BusinessEditor.Issued rotateWidgetToken(BusinessId business) {
            throw new UnsupportedOperationException();
        }
    };

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T13:00:00Z"));
    final OperatorLogin login =
            new OperatorLogin(ADMIN, new DashboardProperties(5, Duration.ofMinutes(15), null, null, null), clock);

    static UsernamePasswordAuthenticationToken attempt(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }

    @Test
    void theAdminKeySignsInTheOperatorWithNoBusiness() {
        var signedIn = login.provider().authenticate(attempt(" Operator ", KEY));
        assertThat(signedIn.isAuthenticated()).isTrue();
        assertThat(signedIn.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_OPERATOR");
        var operator = (SignedInUser) signedIn.getPrincipal();
        assertThat(operator.isOperator()).isTrue();
        assertThat(operator.businessId()).isNull();
    }

    @Test
    void anyOtherUsernameIsLeftToTheBusinessUsersSignIn() {
        assertThat(login.provider().authenticate(attempt("owner@example.com", KEY)))
                .isNull();
    }

    @Test
    void fiveWrongKeysPauseTheOperatorSignInEvenForTheRightKey() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> login.provider().authenticate(attempt("operator", "wrong key")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        // a success starts the count again
        login.provider().authenticate(attempt("operator", KEY));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> login.provider().authenticate(attempt("operator", "wrong key")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> login.provider().authenticate(attempt("operator", KEY)))
                .isInstanceOf(LockedException.class);

        clock.set(clock.instant().plus(Duration.ofMinutes(15)).plusSeconds(1));
        assertThat(login.provider().authenticate(attempt("operator", KEY)).isAuthenticated())
                .isTrue();
    }
}
