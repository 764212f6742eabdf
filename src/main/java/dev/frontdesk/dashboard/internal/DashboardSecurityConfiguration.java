package dev.frontdesk.dashboard.internal;

import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import java.time.Clock;
import org.slf4j.MDC;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Security for the dashboard's own paths only (its {@code securityMatcher}): form login at
 * {@code /login}, CSRF, session cookie, lockout after repeated failures, roles. Every other path (the
 * JSON API with its keys, the webhooks with their signatures, the widget, actuator, docs) matches no
 * security chain and is authenticated exactly as before, by the modules that own it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DashboardProperties.class)
class DashboardSecurityConfiguration {

    /** Every path the dashboard serves; nothing else goes through Spring Security's filters. */
    static final String[] PATHS = {
        "/",
        "/login",
        "/logout",
        "/forbidden",
        "/today/live-calls",
        "/appointments",
        "/appointments/**",
        "/conversations",
        "/conversations/**",
        "/customers",
        "/customers/**",
        "/campaigns",
        "/campaigns/**",
        "/messages",
        "/messages/**",
        "/outbox",
        "/knowledge",
        "/knowledge/**",
        "/analytics",
        "/try",
        "/try/**",
        "/settings",
        "/settings/**",
        "/team",
        "/team/**",
        "/operator",
        "/operator/**",
        "/password/*",
        "/password-reset"
    };

    /** Where a post changes something: only OWNER and STAFF may post there; a VIEWER only looks. */
    static final String[] CHANGES = {
        "/appointments",
        "/appointments/**",
        "/customers/**",
        "/campaigns",
        "/campaigns/**",
        "/messages/**",
        "/knowledge",
        "/knowledge/**",
        "/try",
        "/try/**"
    };

    /** Only the OWNER changes the business's settings and sees or rotates its keys; others read the settings. */
    static final String[] OWNER_ONLY = {"/settings/keys", "/settings/keys/**"};

    /** The operator's pages; the operator sees no business page, and no business user sees these. */
    static final String[] OPERATOR_ONLY = {"/operator", "/operator/**"};

    /** Every role a business's user may have: the business pages need one of them. */
    private static final String[] BUSINESS_ROLES =
            Role.BUSINESS_ROLES.stream().map(Role::name).toArray(String[]::new);

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; media-src 'self' https:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain dashboardSecurity(
            HttpSecurity http,
            Users users,
            OperatorLogin operatorLogin,
            UserDetailsService dashboardUsers,
            PasswordEncoder passwordEncoder,
            UserRepository userRepository,
            Tenants tenants)
            throws Exception {
        // the operator (username "operator", the admin key) first; every other username is a business's user
        var businessUsers = new DaoAuthenticationProvider(dashboardUsers);
        businessUsers.setPasswordEncoder(passwordEncoder);
        var signIn = new ProviderManager(operatorLogin.provider(), businessUsers);
        // after signing in, back to the page that asked for it, never to an htmx fragment
        var pagesOnly = new HttpSessionRequestCache();
        pagesOnly.setRequestMatcher(request -> !Pages.htmx(request) && "GET".equals(request.getMethod()));
        var afterSignIn = new SavedRequestAwareAuthenticationSuccessHandler();
        afterSignIn.setDefaultTargetUrl("/");
        afterSignIn.setRequestCache(pagesOnly);
        http.securityMatcher(PATHS)
                .authenticationManager(signIn)
                .addFilterBefore(new CurrentUserCheck(userRepository, tenants), AnonymousAuthenticationFilter.class)
                .requestCache(cache -> cache.requestCache(pagesOnly))
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/", "/login")
                        .permitAll()
                        .requestMatchers("/password/*", "/password-reset", "/forbidden")
                        .permitAll()
                        .requestMatchers(OPERATOR_ONLY)
                        .hasRole(Role.OPERATOR.name())
                        .requestMatchers(OWNER_ONLY)
                        .hasRole(Role.OWNER.name())
                        .requestMatchers(HttpMethod.POST, "/settings", "/settings/**", "/team", "/team/**")
                        .hasRole(Role.OWNER.name())
                        .requestMatchers(HttpMethod.POST, CHANGES)
                        .hasAnyRole(Role.OWNER.name(), Role.STAFF.name())
                        .anyRequest()
                        .hasAnyRole(BUSINESS_ROLES))
                .formLogin(form -> form.loginPage("/login")
                        .successHandler((request, response, authentication) -> {
                            users.signedIn(authentication.getName());
                            afterSignIn.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureHandler((request, response, exception) -> {
                            users.signInFailed(request.getParameter("username"));
                            response.sendRedirect(request.getContextPath() + "/login?error");
                        })
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(signInFirst()).accessDeniedPage("/forbidden"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** A page asks the browser to sign in; an htmx fragment asks htmx to load the sign-in page instead. */
    private static AuthenticationEntryPoint signInFirst() {
        var page = new LoginUrlAuthenticationEntryPoint("/login");
        return (request, response, exception) -> {
            if ("true".equals(request.getHeader("HX-Request"))) {
                response.setHeader("HX-Redirect", request.getContextPath() + "/login");
                response.setStatus(401);
                return;
            }
            page.commence(request, response, exception);
        };
    }

    /**
     * Spring Security's firewall looks at every request, even those no chain matches, and refuses odd
     * URLs ({@code /../}, encoded slashes, control characters): the refusal is a 400 problem like every
     * other API error, not a bare status.
     */
    @Bean
    WebSecurityCustomizer rejectedRequestsAreProblems(JsonMapper json) {
        return web -> web.requestRejectedHandler((request, response, rejected) -> {
            var problem = FrontdeskException.badRequest(
                            "rejected-request",
                            "Request rejected",
                            "The request's address or headers contain characters or sequences that are not allowed")
                    .toProblem();
            var body = new java.util.LinkedHashMap<String, Object>();
            body.put("type", problem.getType().toString());
            body.put("title", problem.getTitle());
            body.put("status", problem.getStatus());
            body.put("detail", problem.getDetail());
            String requestId = MDC.get("requestId");
            if (requestId != null) {
                body.put("requestId", requestId);
            }
            response.setStatus(problem.getStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(json.writeValueAsBytes(body));
        });
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService dashboardUsers(UserRepository repository, Tenants tenants, Clock clock) {
        return username -> repository
                .byEmail(Users.normalizeEmail(username))
                .map(account -> new SignedInUser(
                        account,
                        tenants.find(account.businessId())
                                .map(Business::isActive)
                                .orElse(false),
                        account.lockedAt(clock.instant())))
                .orElseThrow(() -> new UsernameNotFoundException("no such dashboard user"));
    }
}
