package dev.frontdesk.tenants;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller parameter of type {@link BusinessId} that receives the business resolved from the
 * request's {@code X-API-Key}. Every {@code /api/**} route other than admin, partner and widget routes
 * is authenticated this way before the controller runs.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CurrentBusiness {}
