package dev.frontdesk.crm.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming CSV reader (RFC 4180 with the usual leniencies): comma or semicolon, chosen from the header
 * line; an optional UTF-8 byte order mark; fields in double quotes may hold delimiters, line breaks and
 * doubled quotes; lines end with CRLF, LF or CR. It holds one record at a time. A malformed record
 * (a character after a closing quote, a field or record too long, an unterminated quote) is returned
 * with its error and reading goes on at the next line.
 */
final class CsvReader {

    static final int MAX_FIELD = 10_000;
    static final int MAX_FIELDS = 200;

    /** One record: the line it starts on (1-based), its fields, and what is wrong with it, if anything. */
    record Row(long line, List<String> fields, String error) {

        boolean blank() {
            return error == null && fields.size() == 1 && fields.get(0).isBlank();
        }
    }

    private final Reader in;
    private final char[] buffer = new char[64 * 1024];
    private int length;
    private int position;
    private long line = 1;
    private char delimiter;

    CsvReader(Reader in) {
        this.in = in;
    }

    char delimiter() {
        return delimiter;
    }

    /** The next record, or null at the end of the input. */
    Row next() throws IOException {
        if (delimiter == 0) {
            start();
        }
        if (!fill()) {
            return null;
        }
        long startLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String error = null;
        boolean quoted = false;
        boolean afterQuote = false;
        while (true) {
            if (!fill()) {
                if (quoted) {
                    error = "a quoted field is not closed";
                }
                break;
            }
            char c = buffer[position++];
            if (quoted) {
                if (c == '"') {
                    if (fill() && buffer[position] == '"') {
                        position++;
                        append(field, '"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && !(fill() && buffer[position] == '\n'))) {
                        line++;
                    }
                    if (field.length() < MAX_FIELD) {
                        field.append(c);
                    } else if (error == null) {
                        error = "a field is longer than " + MAX_FIELD + " characters";
                    }
                }
                continue;
            }
            if (c == '\r' || c == '\n') {
                if (c == '\r' && fill() && buffer[position] == '\n') {
                    position++;
                }
                line++;
                break;
            }
            if (c == delimiter) {
                error = add(fields, field, error);
                field.setLength(0);
                afterQuote = false;
            } else if (c == '"' && field.isEmpty() && !afterQuote) {
                quoted = true;
            } else if (afterQuote) {
                if (error == null && !Character.isWhitespace(c)) {
                    error = "unexpected character after a closing quote";
                }
            } else if (field.length() < MAX_FIELD) {
                field.append(c);
            } else if (error == null) {
                error = "a field is longer than " + MAX_FIELD + " characters";
            }
        }
        error = add(fields, field, error);
        return new Row(startLine, List.copyOf(fields), error);
    }

    private static String add(List<String> fields, StringBuilder field, String error) {
        if (fields.size() >= MAX_FIELDS) {
            return error == null ? "more than " + MAX_FIELDS + " fields" : error;
        }
        fields.add(field.toString());
        return error;
    }

    private void append(StringBuilder field, char c) {
        if (field.length() < MAX_FIELD) {
            field.append(c);
        }
    }

    /** Skips a byte order mark and picks the delimiter: the one of ';' and ',' the header line has more of. */
    private void start() throws IOException {
        delimiter = ',';
        if (fill() && buffer[position] == '\uFEFF') {
            position++;
        }
        // look at the header line in the buffer (headers are short; a longer one keeps the comma)
        while (!hasLineEnd() && length < buffer.length) {
            int n = in.read(buffer, length, buffer.length - length);
            if (n < 0) {
                break;
            }
            length += n;
        }
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = position; i < length && (quoted || (buffer[i] != '\n' && buffer[i] != '\r')); i++) {
            char c = buffer[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        delimiter = semicolons > commas ? ';' : ',';
    }

    private boolean hasLineEnd() {
        for (int i = position; i < length; i++) {
            if (buffer[i] == '\n' || buffer[i] == '\r') {
                return true;
            }
        }
        return false;
    }

    /** Whether a character is available at {@code position}, reading more input when needed. */
    private boolean fill() throws IOException {
        if (position < length) {
            return true;
        }
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            length = 0;
            position = 0;
            return false;
        }
        length = n;
        position = 0;
        return true;
    }
}
