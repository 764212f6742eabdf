package dev.frontdesk.telephony.internal;

import com.twilio.security.RequestValidator;
import dev.frontdesk.shared.LogSafe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Only Twilio may call {@code /twilio/**}: every request must carry an {@code X-Twilio-Signature} that
 * twilio-java's {@link RequestValidator} accepts for the public URL (base URL + path + query) and the
 * POST form parameters. Missing or wrong signatures get a plain 403. Without an auth token nothing could
 * prove a request is Twilio's, so the webhooks are off: every {@code /twilio/**} request gets a 404 (calls
 * can still be tried through the authenticated sandbox API, which runs the same code in-process).
 */
@Configuration(proxyBeanMethods = false)
class TelephonyWebConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(TelephonyWebConfiguration.class);

    private final TelephonyProperties properties;

    TelephonyWebConfiguration(TelephonyProperties properties) {
        this.properties = properties;
        if (!properties.signaturesChecked()) {
            log.info("TWILIO_AUTH_TOKEN is not set: the Twilio webhooks are off (/twilio/** answers 404);"
                    + " sandbox calls work through /api/sandbox/calls");
        } else if (properties.publicBaseUrl() == null) {
            log.warn("FRONTDESK_PUBLIC_BASE_URL is not set: Twilio signatures are checked against the URL the"
                    + " request arrived at, which fails behind a proxy that rewrites it");
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        if (properties.signaturesChecked()) {
            registry.addInterceptor(new SignatureInterceptor(
                            new RequestValidator(properties.authToken()), properties.publicBaseUrl()))
                    .addPathPatterns("/twilio/**");
        } else {
            registry.addInterceptor(new ChannelOff()).addPathPatterns("/twilio/**");
        }
    }

    /** Answers every webhook with 404: without the auth token the channel does not exist. */
    static final class ChannelOff implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return false;
        }
    }

    static final class SignatureInterceptor implements HandlerInterceptor {

        private final RequestValidator validator;
        private final String publicBaseUrl;

        SignatureInterceptor(RequestValidator validator, String publicBaseUrl) {
            this.validator = validator;
            this.publicBaseUrl = publicBaseUrl;
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws IOException {
            String signature = request.getHeader("X-Twilio-Signature");
            if (signature != null
                    && !signature.isBlank()
                    && validator.validate(url(request), formParameters(request), signature)) {
                return true;
            }
            log.warn(
                    "Rejected a {} to {} with a missing or wrong X-Twilio-Signature",
                    request.getMethod(),
                    LogSafe.of(request.getRequestURI()));
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Forbidden: invalid Twilio signature");
            return false;
        }

        /** The URL Twilio signed: the public base URL, the path and the query. */
        private String url(HttpServletRequest request) {
            String base = publicBaseUrl != null
                    ? publicBaseUrl + request.getRequestURI()
                    : request.getRequestURL().toString();
            String query = request.getQueryString();
            return query == null || query.isEmpty() ? base : base + "?" + query;
        }

        /**
         * The POST body's parameters. The servlet API merges query and body parameters, query values first,
         * so the query's values are skipped.
         */
        static Map<String, String> formParameters(HttpServletRequest request) {
            Map<String, Integer> inQuery = new HashMap<>();
            String query = request.getQueryString();
            if (query != null && !query.isEmpty()) {
                for (String pair : query.split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    inQuery.merge(name, 1, Integer::sum);
                }
            }
            Map<String, String> form = new HashMap<>();
            request.getParameterMap().forEach((name, values) -> {
                String[] body = Arrays.copyOfRange(
                        values, Math.min(values.length, inQuery.getOrDefault(name, 0)), values.length);
                if (body.length > 0) {
                    form.put(name, body[0]);
                }
            });
            return form;
        }
    }
}
