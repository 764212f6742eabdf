package dev.frontdesk.crm.internal;

import dev.frontdesk.shared.CsvExports;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The report of a lead import's rejected rows as CSV, the one file both {@code GET
 * /api/leads/imports/{id}/errors} and the dashboard's download serve: UTF-8, a {@code line,reason} header,
 * one line per rejected row by line, CRLF line ends; every reason is quoted (RFC 4180) and one starting with
 * {@code =}, {@code +}, {@code -} or {@code @} gets a leading {@code '} so that a spreadsheet does not run
 * it ({@link CsvExports#quotedCell}). The rows are written as the database hands them over.
 */
final class RejectedRowsCsv {

    static final String CONTENT_TYPE = "text/csv;charset=UTF-8";

    private RejectedRowsCsv() {}

    /** Writes the report of the import {@code importId} (already known to exist) to {@code out}. */
    static void write(LeadImportRepository imports, UUID importId, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write("line,reason\r\n");
        try {
            imports.eachError(importId, e -> {
                try {
                    writer.write(e.line() + "," + CsvExports.quotedCell(e.reason()) + "\r\n");
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            writer.flush();
        }
    }
}
