package dev.frontdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The tests really run on the database they claim to: PostgreSQL when a URL is given, else H2. */
@SpringBootTest
class TestDatabaseSelectionTest {

    @Autowired
    DataSource dataSource;

    @Test
    void testsRunOnTheSelectedDatabaseInAFreshSchema() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (TestDatabaseContextCustomizerFactory.onPostgres()) {
                assertThat(product).isEqualTo("PostgreSQL");
                assertThat(connection.getSchema()).startsWith("t_");
            } else {
                assertThat(product).isEqualTo("H2");
            }
        }
    }
}
