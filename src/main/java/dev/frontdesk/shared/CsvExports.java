package dev.frontdesk.shared;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Streams a query's rows as a CSV download: {@code text/csv; charset=UTF-8}, a header row, RFC 4180
 * quoting, CRLF line ends, and cells that a spreadsheet would run as a formula made inert. The rows are
 * written as the database hands them over (a read-only transaction with a fetch size, so PostgreSQL reads
 * through a cursor), never held in memory together. Each module writes its own query; this only streams.
 */
@Component
public class CsvExports {

    /** Rows fetched from the database at a time. */
    static final int FETCH_SIZE = 500;

    /** How every export is written, for the API documentation: follows "…," in each export's description. */
    public static final String FORMAT = " as text/csv (UTF-8, a header row, RFC 4180 quoting; a cell starting with"
            + " = + - @ gets a leading ' so a spreadsheet does not run it). Streamed: rows are written as they are"
            + " read.";

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    /** A number as we write it (no letters, no operator after the sign): cannot be a formula. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

    /** A query to stream: SQL with named parameters, and how to read one row. */
    public record Query<T>(String sql, Map<String, ?> params, RowMapper<T> rows) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public CsvExports(DataSource dataSource, PlatformTransactionManager transactions) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * The download: {@code header} first, then one line per row of {@code query}, its cells given by
     * {@code cells} (null is an empty cell, an {@link Instant} its ISO-8601 form).
     *
     * @param filename the name offered to save it under, e.g. {@code appointments.csv}
     */
    public <T> ResponseEntity<StreamingResponseBody> download(
            String filename, List<String> header, Query<T> query, Function<T, List<?>> cells) {
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            line(writer, header);
            try {
                readOnly.executeWithoutResult(tx -> jdbc.query(query.sql(), query.params(), (RowCallbackHandler) rs -> {
                    try {
                        line(writer, cells.apply(query.rows().mapRow(rs, rs.getRow())));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    private static void line(Writer writer, List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(cell(cells.get(i)));
        }
        writer.write("\r\n");
    }

    /**
     * One cell: a text starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return
     * gets a leading {@code '} (OWASP's advice against CSV injection; a plain number such as an E.164 phone
     * or {@code -5} is left as it is, it cannot run), then the cell is quoted when it holds a comma, a
     * quote or a line break, quotes doubled (RFC 4180).
     */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = inert(value.toString());
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return quote(text);
        }
        return text;
    }

    /**
     * One cell as {@link #cell} makes it, but quoted whatever it holds (null is {@code ""}): for a column
     * whose every cell is quoted, such as the reasons of a lead import's rejected rows.
     */
    public static String quotedCell(Object value) {
        return value == null ? "\"\"" : quote(inert(value.toString()));
    }

    /** The text with a leading {@code '} when a spreadsheet would run it as a formula. */
    private static String inert(String text) {
        if (!text.isEmpty()
                && "=+-@\t\r".indexOf(text.charAt(0)) >= 0
                && !NUMBER.matcher(text).matches()) {
            return "'" + text;
        }
        return text;
    }

    private static String quote(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
