package dev.frontdesk.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The database never holds an API key, widget token or admin key in clear text. */
@ApiTest
class KeysAtRestTest {

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void noKeyOrTokenIsStoredInClearText() {
        var business = api.createBusiness("Secretive");
        String rotatedKey = api.read(
                        api.perform(api.asAdmin(post("/api/admin/businesses/" + business.id() + "/api-key")), 200))
                .get("apiKey")
                .asString();
        List<String> secrets = List.of(business.apiKey(), business.widgetToken(), rotatedKey, TestApi.ADMIN_KEY);

        String everything = String.join("\n", allTextInTheDatabase());
        assertThat(everything).contains(business.id()); // the dump is real
        for (String secret : secrets) {
            String secretPart = secret.substring(Math.max(0, secret.length() - 20));
            assertThat(everything).doesNotContain(secret).doesNotContain(secretPart);
        }
    }

    private List<String> allTextInTheDatabase() {
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = CURRENT_SCHEMA AND table_type IN ('BASE TABLE', 'TABLE')")
                .query(String.class)
                .list();
        assertThat(tables).contains("business", "admin_key", "audit_event");
        List<String> text = new ArrayList<>();
        for (String table : tables) {
            jdbc.sql("SELECT * FROM " + table).query(rs -> {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    if (value != null) {
                        text.add(value.toString());
                    }
                }
            });
        }
        return text;
    }
}
