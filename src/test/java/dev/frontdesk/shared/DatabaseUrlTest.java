package dev.frontdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void theHerokuFormBecomesAJdbcUrlWithCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app:s%40cret@db.internal:6543/frontdesk?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/frontdesk?sslmode=require");
        assertThat(url.username()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("s@cret");
        assertThat(url.toString()).doesNotContain("s@cret");
    }

    @Test
    void thePortDefaultsTo5432AndTheUserIsOptional() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://localhost/frontdesk");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/frontdesk");
        assertThat(url.username()).isNull();
    }

    @Test
    void aJdbcUrlIsTakenAsItIs() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h:5432/d?user=u").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:5432/d?user=u");
    }

    @Test
    void anythingElseIsAClearError() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://x/y")).hasMessageContaining("postgres://");
        assertThatThrownBy(() -> DatabaseUrl.parse(" ")).hasMessageContaining("empty");
    }
}
