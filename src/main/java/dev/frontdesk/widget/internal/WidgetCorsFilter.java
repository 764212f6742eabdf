package dev.frontdesk.widget.internal;

import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CORS for {@code /api/widget/**}, by business. Same-origin calls (our own chat page) need nothing. A
 * preflight is answered here: allowed (204 with the CORS headers) when any active business allows the
 * origin, otherwise 403 without them. A real cross-origin request gets the CORS headers only when its
 * token's business allows the origin; when it does not, the controller answers 403.
 */
@Component
class WidgetCorsFilter extends OncePerRequestFilter {

    static final String BUSINESS_ATTRIBUTE = "dev.frontdesk.widget.business";
    static final String ORIGIN_REJECTED_ATTRIBUTE = "dev.frontdesk.widget.originRejected";
    static final String ALLOWED_HEADERS = "Content-Type, X-Widget-Token";

    private final WidgetOrigins origins;
    private final Tenants tenants;
    private final WidgetProperties properties;

    WidgetCorsFilter(WidgetOrigins origins, Tenants tenants, WidgetProperties properties) {
        this.origins = origins;
        this.tenants = tenants;
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/widget/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null || sameOrigin(request, origin)) {
            chain.doFilter(request, response);
            return;
        }
        boolean preflight = "OPTIONS".equalsIgnoreCase(request.getMethod())
                && request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
        if (preflight) {
            response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
            response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
            if ("POST".equals(request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD))
                    && origins.anyBusinessAllows(origin)) {
                response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
                response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "POST");
                response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
                response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } else {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.getOutputStream()
                        .write(("{\"type\":\"https://frontdesk.dev/problems/widget-origin-not-allowed\","
                                        + "\"title\":\"Origin not allowed\",\"status\":403,"
                                        + "\"detail\":\"This origin may not use the chat widget\"}")
                                .getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        Optional<Business> business = Optional.ofNullable(request.getHeader(WidgetController.TOKEN_HEADER))
                .filter(WidgetController::plausibleToken)
                .flatMap(tenants::findByWidgetToken);
        business.ifPresent(b -> request.setAttribute(BUSINESS_ATTRIBUTE, b));
        if (business.isPresent() && WidgetOrigins.allows(business.get(), origin)) {
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            response.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "Retry-After");
        } else if (business.isPresent()) {
            request.setAttribute(ORIGIN_REJECTED_ATTRIBUTE, Boolean.TRUE);
        }
        chain.doFilter(request, response);
    }

    /** Our own pages: the origin is the host the browser called, or the configured public URL. */
    private boolean sameOrigin(HttpServletRequest request, String origin) {
        Optional<String> normalized = WidgetOrigins.normalize(origin);
        if (normalized.isEmpty()) {
            return false;
        }
        if (properties.publicBaseUrl() != null
                && WidgetOrigins.normalize(properties.publicBaseUrl()).equals(normalized)) {
            return true;
        }
        return WidgetOrigins.normalize(
                        request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort())
                .equals(normalized);
    }
}
