package dev.frontdesk.scheduling.ics;

/** Makes free text safe to hand to ical4j, which then escapes it. */
final class Text {

    private Text() {}

    /**
     * A TEXT value: line breaks become plain newlines (written as {@code \n}) and other control characters, which
     * RFC 5545 does not allow in TEXT, are dropped. Tabs are kept.
     */
    static String clean(String text) {
        var normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        var out = new StringBuilder(normalized.length());
        normalized.codePoints().forEach(c -> {
            if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** A one-line TEXT value such as a calendar name: control characters, line breaks included, become spaces. */
    static String singleLine(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return out.toString().strip();
    }

    /**
     * A parameter value such as a CN: parameter values cannot contain double quotes or line breaks at all (there is
     * no escaping), so double quotes become single quotes and control characters become spaces.
     */
    static String parameterValue(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '"') {
                out.append('\'');
            } else if (Character.isISOControl(c)) {
                out.append(' ');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString().strip();
    }
}
