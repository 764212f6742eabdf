package dev.frontdesk.tenants.internal;

import dev.frontdesk.shared.Secrets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/prometheus} lists every business id with its request counts: only the operator may
 * read it, with {@code X-Admin-Key} or, for a Prometheus scraper, {@code Authorization: Bearer
 * <FRONTDESK_METRICS_TOKEN>}. Anyone else gets a 401 problem. Health probes stay open.
 */
@Component
class MetricsAccessFilter extends OncePerRequestFilter {

    private final AdminKeys adminKeys;
    private final String metricsTokenHash;

    MetricsAccessFilter(AdminKeys adminKeys, @Value("${frontdesk.metrics-token:}") String metricsToken) {
        this.adminKeys = adminKeys;
        this.metricsTokenHash = metricsToken == null || metricsToken.isBlank() ? null : Secrets.sha256(metricsToken);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/actuator/prometheus") && !path.startsWith("/actuator/metrics");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (adminKeys.matches(request.getHeader("X-Admin-Key")) || bearerMatches(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"frontdesk-metrics\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream()
                .write(("{\"type\":\"https://frontdesk.dev/problems/invalid-metrics-token\","
                                + "\"title\":\"Metrics are for the operator\",\"status\":401,"
                                + "\"detail\":\"Send X-Admin-Key or Authorization: Bearer <FRONTDESK_METRICS_TOKEN>\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private boolean bearerMatches(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (metricsTokenHash == null || header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        String token = header.substring(7).strip();
        return !token.isEmpty() && token.length() <= 200 && Secrets.matches(token, metricsTokenHash);
    }
}
