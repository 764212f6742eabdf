package dev.frontdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.crm.Conversations;
import dev.frontdesk.scheduling.Scheduling;
import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.SqlStatements;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The operator's Businesses page counts every business's conversations, calls and bookings of the last 30 days
 * with one grouped query per module, over all businesses ({@code started_at} / {@code created_at} in a range,
 * no business named). Each of these queries, as the application sends it, is planned by the database (H2 or
 * PostgreSQL) with an index on the time column, not a scan of the whole table: the page stays quick however
 * many businesses and years of conversations the database holds.
 */
@ApiTest
@Import(SqlStatements.Recording.class)
@TestPropertySource(properties = "frontdesk.jobs.enabled=false")
class OperatorUsageQueriesUseIndexesTest {

    @Autowired
    Conversations conversations;

    @Autowired
    Scheduling scheduling;

    @Autowired
    SqlStatements sql;

    @Autowired
    DataSource dataSource;

    /** The grouped usage queries the operator's page sends, captured as the application runs them. */
    List<String> usageQueries() {
        Thread self = Thread.currentThread();
        sql.countOnly(thread -> thread == self);
        sql.reset();
        Instant to = Instant.parse("2026-11-23T15:00:00Z");
        conversations.usageByBusiness(to.minus(Duration.ofDays(30)), to);
        scheduling.bookedByBusiness(to.minus(Duration.ofDays(30)), to);
        return sql.statements().stream()
                .filter(s -> s.toUpperCase(Locale.ROOT).contains("GROUP BY BUSINESS_ID"))
                .toList();
    }

    /** The database's plan for the query, its two parameters (the range) bound. */
    static String plan(Connection connection, String query) throws SQLException {
        boolean postgres = connection
                .getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("postgres");
        if (postgres) {
            try (Statement s = connection.createStatement()) {
                s.execute("SET enable_seqscan = off"); // a near-empty table would be scanned anyway
            }
        }
        try (var explain = connection.prepareStatement("EXPLAIN " + query)) {
            explain.setTimestamp(1, Timestamp.from(Instant.parse("2026-10-24T15:00:00Z")));
            explain.setTimestamp(2, Timestamp.from(Instant.parse("2026-11-23T15:00:00Z")));
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = explain.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            return String.join("\n", lines);
        } finally {
            if (postgres) {
                try (Statement s = connection.createStatement()) {
                    s.execute("RESET enable_seqscan");
                }
            }
        }
    }

    /** The first column of the table's index with this name (null when the table has no such index). */
    static String leadingColumn(Connection connection, String table, String index) throws SQLException {
        try (ResultSet rs = connection.getMetaData().getIndexInfo(null, connection.getSchema(), table, false, true)) {
            while (rs.next()) {
                if (index.equalsIgnoreCase(rs.getString("INDEX_NAME")) && rs.getShort("ORDINAL_POSITION") == 1) {
                    return rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                }
            }
        }
        return null;
    }

    @Test
    void theOperatorsUsageCountsReadTheirTimeRangeThroughAnIndex() throws Exception {
        List<String> queries = usageQueries();
        assertThat(queries).as("conversations and calls, bookings").hasSize(2);
        try (Connection connection = dataSource.getConnection()) {
            for (String query : queries) {
                String table = query.contains("FROM conversation") ? "conversation" : "appointment";
                String column = table.equals("conversation") ? "started_at" : "created_at";
                String plan = plan(connection, query);
                // PostgreSQL: "Index Scan using x on ..." with "Index Cond: ((started_at >= ...";
                // H2: "/* public.x: started_at >= ?1 ... */"
                assertThat(plan)
                        .as("plan of %s", query)
                        .containsPattern("(?is)(index cond: \\(+" + column + " >=|/\\* \"?public\"?\\.\"?\\w+\"?: \"?"
                                + column + "\"? >=)");
                var used = java.util.regex.Pattern.compile("(?i)(?:scan using |scan on |/\\* \"?public\"?\\.)\"?(\\w+)")
                        .matcher(plan);
                List<String> leading = new ArrayList<>();
                while (used.find()) {
                    leading.add(leadingColumn(connection, table, used.group(1)));
                }
                assertThat(leading)
                        .as(
                                "an index that starts with %s, so the range is a range of the index (plan: %s)",
                                column, plan)
                        .contains(column);
            }
        }
    }
}
