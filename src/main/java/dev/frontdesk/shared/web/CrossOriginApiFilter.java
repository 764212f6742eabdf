package dev.frontdesk.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The JSON API is not for browsers on other sites: a CORS preflight to {@code /api/**} is answered with a
 * 403 problem and no CORS headers, before any authentication runs. The widget API
 * ({@code /api/widget/**}) answers its own preflights, by business.
 */
@Component
class CrossOriginApiFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/") || path.startsWith("/api/widget/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!CorsUtils.isPreFlightRequest(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        response.getOutputStream()
                .write(("{\"type\":\"https://frontdesk.dev/problems/cross-origin-not-allowed\","
                                + "\"title\":\"Cross-origin request not allowed\",\"status\":403,"
                                + "\"detail\":\"The API is not available to scripts on other sites; call it from your"
                                + " server\""
                                + (requestId == null ? "" : ",\"requestId\":\"" + requestId + "\"")
                                + "}")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
