package dev.frontdesk.crm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    static List<CsvReader.Row> read(String text) throws IOException {
        var reader = new CsvReader(new StringReader(text));
        List<CsvReader.Row> rows = new ArrayList<>();
        CsvReader.Row row;
        while ((row = reader.next()) != null) {
            rows.add(row);
        }
        return rows;
    }

    @Test
    void aByteOrderMarkIsSkippedAndSemicolonsAreDetectedFromTheHeader() throws IOException {
        var reader = new CsvReader(new StringReader("\uFEFFphone;name\r\n+16175550123;\"Smith, Dana\"\r\n"));
        assertThat(reader.next().fields()).containsExactly("phone", "name");
        assertThat(reader.delimiter()).isEqualTo(';');
        assertThat(reader.next().fields()).containsExactly("+16175550123", "Smith, Dana");
        assertThat(reader.next()).isNull();
    }

    @Test
    void quotedFieldsHoldDelimitersLineBreaksAndDoubledQuotesAndLinesAreCountedFromTheirStart() throws IOException {
        var rows = read("name,notes\n\"Dana \"\"D\"\" Smith\",\"line one\r\nline two, still\"\n\nBob,plain\rCy,\"\"");
        assertThat(rows.get(1).fields()).containsExactly("Dana \"D\" Smith", "line one\r\nline two, still");
        assertThat(rows.get(1).line()).isEqualTo(2);
        assertThat(rows.get(2).blank()).isTrue();
        assertThat(rows.get(2).line()).isEqualTo(4);
        assertThat(rows.get(3).fields()).containsExactly("Bob", "plain");
        assertThat(rows.get(3).line()).isEqualTo(5);
        assertThat(rows.get(4).fields()).containsExactly("Cy", "");
        assertThat(rows.get(4).line()).isEqualTo(6);
        assertThat(rows).hasSize(5);
    }

    @Test
    void aMalformedRecordCarriesItsErrorAndReadingGoesOn() throws IOException {
        var rows = read("name,phone\n\"Dana\"x,1\nBob,2\n\"never closed,3\n");
        assertThat(rows.get(1).error()).isEqualTo("unexpected character after a closing quote");
        assertThat(rows.get(2).error()).isNull();
        assertThat(rows.get(2).fields()).containsExactly("Bob", "2");
        assertThat(rows.get(3).error()).isEqualTo("a quoted field is not closed");
        assertThat(rows.get(3).line()).isEqualTo(4);
    }

    @Test
    void aHugeFieldIsCutAndReportedInsteadOfFillingMemory() throws IOException {
        var rows = read("name\n" + "x".repeat(CsvReader.MAX_FIELD + 5) + "\nok\n");
        assertThat(rows.get(1).error()).contains("longer than");
        assertThat(rows.get(1).fields().get(0)).hasSize(CsvReader.MAX_FIELD);
        assertThat(rows.get(2).fields()).containsExactly("ok");
    }

    @Test
    void anEmptyInputHasNoRecords() throws IOException {
        assertThat(read("")).isEmpty();
        assertThat(read("\uFEFF")).isEmpty();
    }
}
