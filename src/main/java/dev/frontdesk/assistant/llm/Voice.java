package dev.frontdesk.assistant.llm;

import java.util.regex.Pattern;

/** Makes a model's reply fit to be read aloud: no markdown, at most two sentences. */
final class Voice {

    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern CODE_BLOCK = Pattern.compile("```[\\s\\S]*?```");
    private static final Pattern HEADING = Pattern.compile("(?m)^\\s{0,3}#{1,6}\\s*");
    private static final Pattern BULLET = Pattern.compile("(?m)^\\s*(?:[-*+•]|\\d+[.)])\\s+");
    private static final Pattern QUOTE = Pattern.compile("(?m)^\\s*>\\s?");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*{1,3}|_{2,3}|~~|`)");
    private static final Pattern URL = Pattern.compile("https?://[^\\s`)\\]]*[^\\s`)\\].,!?;:]");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    // a sentence ends at . ! ? (or …), maybe a closing mark, then a space and a capital, a digit or an opening mark
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…]+[\"')\\]]*(?=\\s+[\\p{Lu}\\d¿¡\"'(])");

    private Voice() {}

    static String plain(String text) {
        if (text == null) {
            return "";
        }
        String plain = CODE_BLOCK.matcher(text).replaceAll(" ");
        plain = LINK.matcher(plain).replaceAll("$1");
        plain = URL.matcher(plain).replaceAll("");
        plain = HEADING.matcher(plain).replaceAll("");
        plain = BULLET.matcher(plain).replaceAll("");
        plain = QUOTE.matcher(plain).replaceAll("");
        plain = EMPHASIS.matcher(plain).replaceAll("");
        return SPACE.matcher(plain).replaceAll(" ").strip();
    }

    static String spoken(String text, int maxSentences) {
        String plain = plain(text);
        var matcher = SENTENCE_END.matcher(plain);
        int count = 0;
        while (matcher.find()) {
            if (++count == maxSentences) {
                return plain.substring(0, matcher.end()).strip();
            }
        }
        return plain;
    }
}
