package dev.frontdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CsvExportsTest {

    @Test
    void aCellThatASpreadsheetWouldRunGetsALeadingQuote() {
        assertThat(CsvExports.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvExports.cell("+cmd")).isEqualTo("'+cmd");
        assertThat(CsvExports.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvExports.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvExports.cell("\t=1")).isEqualTo("'\t=1");
    }

    @Test
    void plainNumbersAndPhoneNumbersStayAsTheyAre() {
        assertThat(CsvExports.cell("+16175550123")).isEqualTo("+16175550123");
        assertThat(CsvExports.cell(-5)).isEqualTo("-5");
        assertThat(CsvExports.cell("-1.5")).isEqualTo("-1.5");
        assertThat(CsvExports.cell(Instant.parse("2026-11-24T15:00:00Z"))).isEqualTo("2026-11-24T15:00:00Z");
        assertThat(CsvExports.cell(null)).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedTheRfc4180Way() {
        assertThat(CsvExports.cell("Smith, Dana")).isEqualTo("\"Smith, Dana\"");
        assertThat(CsvExports.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvExports.cell("a\r\nb")).isEqualTo("\"a\r\nb\"");
        assertThat(CsvExports.cell("=HYPERLINK(\"x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
    }

    @Test
    void aQuotedCellIsAlwaysQuotedAndAsInert() {
        assertThat(CsvExports.quotedCell("name is empty")).isEqualTo("\"name is empty\"");
        assertThat(CsvExports.quotedCell("=1+1")).isEqualTo("\"'=1+1\"");
        assertThat(CsvExports.quotedCell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvExports.quotedCell("-5")).isEqualTo("\"-5\"");
        assertThat(CsvExports.quotedCell(null)).isEqualTo("\"\"");
    }
}
