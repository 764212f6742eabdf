package dev.frontdesk.shared;

/**
 * Values from outside (webhook fields, remote error texts) made safe for a log line: line breaks and
 * other control characters become {@code _}, so nobody can write a fake line into the log, and long
 * values are cut.
 */
public final class LogSafe {

    static final int MAX = 120;

    private LogSafe() {}

    /** {@code value} with control characters replaced and at most {@value #MAX} characters; "null" for null. */
    public static String of(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX + 3));
        for (int i = 0; i < text.length() && safe.length() < MAX; i++) {
            char c = text.charAt(i);
            safe.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '_' : c);
        }
        if (text.length() > MAX) {
            safe.append("...");
        }
        return safe.toString();
    }
}
