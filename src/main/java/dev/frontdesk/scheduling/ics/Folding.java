package dev.frontdesk.scheduling.ics;

/**
 * RFC 5545 section 3.1 line folding by octets.
 *
 * <p>ical4j's {@code FoldingWriter} counts characters, not octets, so a line with accented letters or dashes can
 * exceed the 75-octet limit. This unfolds its output and folds it again so that no line, CRLF excluded, is longer
 * than 75 octets of UTF-8 and no character is split across lines.
 */
final class Folding {

    static final int MAX_OCTETS = 75;
    private static final String CRLF = "\r\n";

    private Folding() {}

    static String refold(String ics) {
        var out = new StringBuilder(ics.length() + ics.length() / 32);
        for (var line : unfold(ics).split(CRLF)) {
            if (!line.isEmpty()) {
                fold(line, out);
            }
        }
        return out.toString();
    }

    /** Joins continuation lines (CRLF followed by one space or tab) back onto their line. */
    static String unfold(String ics) {
        return ics.replace("\r\n ", "").replace("\r\n\t", "");
    }

    private static void fold(String line, StringBuilder out) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int c = line.codePointAt(i);
            int width = utf8Length(c);
            if (octets + width > MAX_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(c);
            octets += width;
            i += Character.charCount(c);
        }
        out.append(CRLF);
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
