package dev.frontdesk.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class DatabaseUrlEnvironmentPostProcessorTest {

    private StandardEnvironment environment(Map<String, Object> variables) {
        var environment = new StandardEnvironment();
        var sources = environment.getPropertySources();
        sources.replace(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        sources.addLast(new MapPropertySource(
                "application.yml", Map.of("spring.datasource.url", "jdbc:h2:file:./data/frontdesk")));
        return environment;
    }

    @Test
    void databaseUrlSelectsPostgres() {
        var environment = environment(Map.of("DATABASE_URL", "postgres://fd:pw@db:5432/frontdesk"));
        new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db:5432/frontdesk");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("fd");
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("pw");
    }

    @Test
    void springDatasourceVariablesStillWin() {
        var environment = environment(Map.of(
                "DATABASE_URL", "postgres://fd:pw@db:5432/frontdesk",
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://other:5432/x"));
        new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://other:5432/x");
    }

    @Test
    void withoutDatabaseUrlTheEmbeddedDatabaseStays() {
        var environment = environment(Map.of());
        new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:h2:file:./data/frontdesk");
    }
}
