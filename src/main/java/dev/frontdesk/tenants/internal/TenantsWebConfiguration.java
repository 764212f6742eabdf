package dev.frontdesk.tenants.internal;

import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.CurrentBusiness;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Authentication of the JSON API: {@code X-Admin-Key} on {@code /api/admin/**}; {@code X-API-Key} on
 * every other {@code /api/**} route except the partner and widget routes, which have keys of their own.
 * Failures are thrown as problems, so they render like every other API error.
 */
@Configuration(proxyBeanMethods = false)
class TenantsWebConfiguration implements WebMvcConfigurer {

    static final String BUSINESS_ATTRIBUTE = "dev.frontdesk.tenants.businessId";
    static final String KEY_PREFIX_ATTRIBUTE = "dev.frontdesk.tenants.keyPrefix";
    static final List<String> OWN_AUTH_ROUTES =
            List.of("/api/admin/**", "/api/leads/partner-transfer", "/api/widget/**");

    private final AdminKeys adminKeys;
    private final BusinessService businesses;
    private final MeterRegistry meters;

    TenantsWebConfiguration(AdminKeys adminKeys, BusinessService businesses, MeterRegistry meters) {
        this.adminKeys = adminKeys;
        this.businesses = businesses;
        this.meters = meters;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminKeyInterceptor()).addPathPatterns("/api/admin/**");
        registry.addInterceptor(new ApiKeyInterceptor())
                .addPathPatterns("/api/**")
                .excludePathPatterns(OWN_AUTH_ROUTES);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentBusinessResolver());
    }

    private final class AdminKeyInterceptor implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (!adminKeys.matches(request.getHeader("X-Admin-Key"))) {
                throw new FrontdeskException(
                        HttpStatus.UNAUTHORIZED,
                        "invalid-admin-key",
                        "Invalid admin key",
                        "Send the operator key (FRONTDESK_ADMIN_KEY) in the X-Admin-Key header");
            }
            return true;
        }
    }

    private final class ApiKeyInterceptor implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            var caller = businesses.authenticate(request.getHeader("X-API-Key"));
            request.setAttribute(BUSINESS_ATTRIBUTE, caller.businessId());
            request.setAttribute(KEY_PREFIX_ATTRIBUTE, caller.keyPrefix());
            MDC.put("businessId", caller.businessId().toString());
            return true;
        }

        @Override
        public void afterCompletion(
                HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
            if (request.getAttribute(BUSINESS_ATTRIBUTE) instanceof BusinessId business) {
                meters.counter(
                                "frontdesk.business.requests",
                                "business",
                                business.toString(),
                                "outcome",
                                outcome(response.getStatus()))
                        .increment();
            }
        }

        private static String outcome(int status) {
            return status >= 500 ? "SERVER_ERROR" : status >= 400 ? "CLIENT_ERROR" : "SUCCESS";
        }
    }

    private static final class CurrentBusinessResolver implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.hasParameterAnnotation(CurrentBusiness.class)
                    && BusinessId.class.equals(parameter.getParameterType());
        }

        @Override
        public Object resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer mavContainer,
                NativeWebRequest webRequest,
                WebDataBinderFactory binderFactory) {
            Object business = webRequest.getAttribute(BUSINESS_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            if (business == null) {
                throw new IllegalStateException(
                        "@CurrentBusiness used on a route that is not authenticated by API key");
            }
            return business;
        }
    }
}
