package dev.frontdesk.dashboard.internal;

import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in business user's session true to the database on every dashboard request: a user who was
 * removed, or whose business was suspended, is signed out at once; a user whose role was changed gets the new
 * role at once (not at their next sign-in). Not a bean, so that it runs only in the dashboard's security chain.
 */
class CurrentUserCheck extends OncePerRequestFilter {

    private final UserRepository users;
    private final Tenants tenants;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    CurrentUserCheck(UserRepository users, Tenants tenants) {
        this.users = users;
        this.tenants = tenants;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof SignedInUser user
                && !user.isOperator()) {
            var account = users.byId(user.businessId(), user.id())
                    .filter(a ->
                            tenants.find(a.businessId()).map(Business::isActive).orElse(false));
            if (account.isEmpty()) {
                SecurityContextHolder.clearContext();
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (account.get().role() != user.role()) {
                var refreshed = new SignedInUser(account.get(), true, false);
                refreshed.eraseCredentials();
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(refreshed, null, refreshed.getAuthorities()));
                SecurityContextHolder.setContext(context);
                sessions.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
