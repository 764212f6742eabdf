package dev.frontdesk.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs} and browsable at {@code /docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String ADMIN_KEY = "adminKey";
    static final String API_KEY = "apiKey";

    @Bean
    OpenAPI frontdeskOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Frontdesk API")
                        .version("v1")
                        .description("AI receptionist and meeting scheduler for small businesses. Operators manage"
                                + " businesses with the admin key (X-Admin-Key); each business uses its own API key"
                                + " (X-API-Key). Errors are RFC 9457 problem details with a stable `type`.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                ADMIN_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-Admin-Key")
                                        .description("Operator key from FRONTDESK_ADMIN_KEY"))
                        .addSecuritySchemes(
                                API_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-API-Key")
                                        .description("A business's API key, shown once when it is created or rotated"))
                        .addSecuritySchemes(
                                "partnerKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-Partner-Key")
                                        .description("A partner's key, shown once when the business creates or"
                                                + " rotates it (POST /api/partners)")));
    }
}
