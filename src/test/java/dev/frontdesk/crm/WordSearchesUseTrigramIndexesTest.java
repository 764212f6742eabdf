package dev.frontdesk.crm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.SqlStatements;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import dev.frontdesk.support.TestDatabaseContextCustomizerFactory;
import dev.frontdesk.tenants.BusinessId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Searching a business's conversations (words in a summary or any transcript line) and its customers (name,
 * phone, email, notes) by words finds what it finds on H2 and PostgreSQL alike; on PostgreSQL, with 20,000
 * conversations, 60,000 transcript lines and 20,000 customers in the business, the database plans each search,
 * as the application sends it, through the trigram indexes of {@code db/vendor/postgresql/crm} rather than by
 * reading every row of the business. This checks the plan (index names), never a time.
 */
@ApiTest
@Import(SqlStatements.Recording.class)
@TestPropertySource(properties = "frontdesk.jobs.enabled=false")
class WordSearchesUseTrigramIndexesTest {

    static final int ROWS = 20_000;

    @Autowired
    TestApi api;

    @Autowired
    Conversations conversations;

    @Autowired
    SqlStatements sql;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void wordSearchesOfConversationsAndCustomersReadTheirTrigramIndexesOnPostgres() throws Exception {
        TestBusiness owner = api.createBusiness("Trigram plumbing");
        BusinessId business = new BusinessId(UUID.fromString(owner.id()));
        UUID inSummary = conversation(business, "Booked a Xylophone tuning", "hello");
        UUID inTranscript = conversation(business, "Took a message", "my XYLOPHONE makes a noise");
        conversation(business, "Booked drain cleaning", "the drain is blocked");
        jdbc.sql("INSERT INTO customer (id, business_id, phone, name, email, source, status, is_lead, sms_opt_out,"
                        + " do_not_call, notes, tags, created_at, updated_at) VALUES (:id, :b, '+16175550199',"
                        + " 'Dana Smith', 'dana@example.com', 'MANUAL', 'NEW', FALSE, FALSE, FALSE,"
                        + " 'plays the xylophone', ',', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .param("id", UUID.randomUUID())
                .param("b", business.value())
                .update();
        boolean postgres = TestDatabaseContextCustomizerFactory.onPostgres();
        if (postgres) {
            seed(business);
        }

        Thread self = Thread.currentThread();
        sql.countOnly(thread -> thread == self);
        sql.reset();
        var found = conversations.search(
                business, new Conversations.Search(null, null, null, null, "xyloPhone"), new PageQuery(1, 25));
        List<String> conversationSearches = searches();
        sql.reset();
        var customers = api.getJson("/api/customers?q=Xylophone", owner, 200);
        List<String> customerSearches = searches();
        sql.countOnly(thread -> true);

        assertThat(found.items()).extracting(Conversation::id).containsExactlyInAnyOrder(inSummary, inTranscript);
        assertThat(found.total()).isEqualTo(2);
        assertThat(customers.get("items").findValuesAsString("name")).containsExactly("Dana Smith");
        if (!postgres) {
            return; // H2 has no trigram index: the same queries read the business's rows
        }
        assertThat(conversationSearches).isNotEmpty();
        assertThat(customerSearches).isNotEmpty();
        try (Connection connection = dataSource.getConnection()) {
            for (String query : conversationSearches) {
                assertThat(plan(connection, query, business))
                        .as("plan of %s", query)
                        .contains("conversation_summary_trgm_idx", "conversation_turn_text_trgm_idx");
            }
            for (String query : customerSearches) {
                assertThat(plan(connection, query, business))
                        .as("plan of %s", query)
                        .contains("customer_search_trgm_idx");
            }
        }
    }

    /** The statements recorded since the last reset that search by words (LIKE). */
    List<String> searches() {
        return sql.statements().stream()
                .filter(s -> s.toUpperCase(Locale.ROOT).contains(" LIKE "))
                .toList();
    }

    UUID conversation(BusinessId business, String summary, String line) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO conversation (id, business_id, channel, conversation_key, customer_phone, language,"
                        + " started_at, last_activity_at, ended_at, outcome, emergency, summary) VALUES (:id, :b, 'SMS',"
                        + " :key, '+16175550100', 'en', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
                        + " 'MESSAGE_TAKEN', FALSE, :summary)")
                .param("id", id)
                .param("b", business.value())
                .param("key", "+16175550100-" + id)
                .param("summary", summary)
                .update();
        jdbc.sql("INSERT INTO conversation_turn (id, conversation_id, business_id, seq, speaker, text, created_at)"
                        + " VALUES (:id, :c, :b, 1, 'CALLER', :text, CURRENT_TIMESTAMP)")
                .param("id", UUID.randomUUID())
                .param("c", id)
                .param("b", business.value())
                .param("text", line)
                .update();
        return id;
    }

    /** A busy business: many conversations, transcript lines and customers, none with the searched word. */
    void seed(BusinessId business) {
        jdbc.sql("INSERT INTO conversation (id, business_id, channel, conversation_key, customer_phone, language,"
                        + " started_at, last_activity_at, ended_at, outcome, emergency, summary)"
                        + " SELECT gen_random_uuid(), :b, 'VOICE', 'CA' || g, '+1617555' || LPAD((g % 10000)::text, 4,"
                        + " '0'), 'en', now() - g * interval '1 minute', now(), now(), 'BOOKED', FALSE,"
                        + " 'Booked drain cleaning for ' || md5(g::text) FROM generate_series(1, :n) g")
                .param("b", business.value())
                .param("n", ROWS)
                .update();
        jdbc.sql("INSERT INTO conversation_turn (id, conversation_id, business_id, seq, speaker, text, created_at)"
                        + " SELECT gen_random_uuid(), c.id, c.business_id, s, 'CALLER', 'I would like to book '"
                        + " || md5(c.id::text || s), now() FROM conversation c, generate_series(2, 4) s"
                        + " WHERE c.business_id = :b AND c.channel = 'VOICE'")
                .param("b", business.value())
                .update();
        jdbc.sql("INSERT INTO customer (id, business_id, phone, name, email, source, status, is_lead, sms_opt_out,"
                        + " do_not_call, notes, tags, created_at, updated_at) SELECT gen_random_uuid(), :b,"
                        + " '+1' || (2000000000 + g), 'Name ' || md5(g::text), md5(g::text) || '@example.com', 'MANUAL',"
                        + " 'NEW', FALSE, FALSE, FALSE, 'notes ' || md5((g + 1)::text), ',', now(), now()"
                        + " FROM generate_series(1, :n) g")
                .param("b", business.value())
                .param("n", ROWS)
                .update();
        // what autovacuum does after such a load: statistics, and the GIN indexes' pending entries merged in
        for (String table : List.of("conversation", "conversation_turn", "customer")) {
            jdbc.sql("VACUUM ANALYZE " + table).update();
        }
    }

    /**
     * PostgreSQL's plan for the query as the application sent it, each parameter bound by what it stands for: the
     * business after {@code business_id =}, the searched word after {@code LIKE}, a page after {@code LIMIT} and
     * {@code OFFSET}.
     */
    static String plan(Connection connection, String query, BusinessId business) throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + query)) {
            int index = 0;
            String upper = query.toUpperCase(Locale.ROOT);
            for (int at = upper.indexOf('?'); at >= 0; at = upper.indexOf('?', at + 1)) {
                String before = upper.substring(0, at).stripTrailing();
                index++;
                if (before.endsWith("LIKE")) {
                    explain.setString(index, "%xylophone%");
                } else if (before.endsWith("LIMIT") || before.endsWith("OFFSET")) {
                    explain.setInt(index, before.endsWith("LIMIT") ? 25 : 0);
                } else if (before.matches("(?s).*BUSINESS_ID\\s*=")) {
                    explain.setObject(index, business.value());
                } else {
                    throw new AssertionError("a parameter this test cannot bind, after: "
                            + before.substring(Math.max(0, before.length() - 40)));
                }
            }
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = explain.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            return String.join("\n", lines);
        }
    }
}
