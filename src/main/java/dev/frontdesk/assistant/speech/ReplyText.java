package dev.frontdesk.assistant.speech;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes every reply fit its channel, whichever brain wrote it (the LLM brain's model, the offline brain's
 * phrases and the business's own knowledge answers and greeting): the one speech and text cleanup of the
 * assistant, applied by the conversation engine to every reply on every channel. Both media lose reasoning ({@code <think>…</think>}), markdown
 * (headings, bold and italics, lists, tables, code, quotes), HTML tags, emojis and internal ids (UUIDs,
 * with the clause that introduces them); ISO dates and timestamps become the language's words in the
 * business's time zone. Then:
 *
 * <ul>
 *   <li>{@link Medium#VOICE}: web addresses are not read out (a markdown link keeps its words, a bare
 *       address becomes "the website"), and the reply is cut at a sentence boundary to at most
 *       {@value #VOICE_SENTENCES} sentences and {@value #VOICE_CHARS} characters;
 *   <li>{@link Medium#TEXT} (SMS, WhatsApp, web chat): plain text that keeps its links ("prices
 *       (https://…)"), cut at a sentence boundary (or a word, with "…") to {@value #TEXT_CHARS} characters
 *       ({@value #CHAT_CHARS} for what the engine sends to a web chat or the simulator, whose window shows
 *       more; the LLM brain's own replies stay within {@value #TEXT_CHARS}).
 * </ul>
 *
 * Sentences end at . ! ? … followed by a capital, a digit or an opening mark, but not after the language's
 * abbreviations ("Mr.", "a.m.", from {@link ReplyWords}) or a single initial ("J. Smith").
 */
public final class ReplyText {

    enum Medium {
        VOICE,
        TEXT
    }

    static final int VOICE_SENTENCES = 2;
    static final int VOICE_CHARS = 300;
    static final int TEXT_CHARS = 320;
    static final int CHAT_CHARS = 1_000;

    private static final Pattern REASONING = Pattern.compile("(?is)<(think|thinking|reasoning|reflection)>.*?</\\1>");
    private static final Pattern REASONING_OPEN_END =
            Pattern.compile("(?is)^.*</(think|thinking|reasoning|reflection)>");
    private static final Pattern REASONING_UNCLOSED = Pattern.compile("(?is)<(think|thinking|reasoning|reflection)>.*");
    private static final Pattern CODE_BLOCK = Pattern.compile("```[^\\n]*\\n?([\\s\\S]*?)```");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?://|mailto:)[^>\\s]+)>");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*(?:\\s[^<>]*)?/?>");
    private static final Pattern TABLE_RULE =
            Pattern.compile("^\\s*\\|?\\s*:?-{2,}:?\\s*(?:\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*$");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\s*\\|.*\\|\\s*$");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*+•]|\\d{1,2}[.)])\\s+(.*)$");
    private static final Pattern QUOTE = Pattern.compile("^\\s*>\\s?(.*)$");
    private static final Pattern RULE = Pattern.compile("^\\s*(?:[-*_]\\s*){3,}$");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\(([^)\\s]*)[^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\(([^)\\s]*)[^)]*\\)");
    private static final Pattern BOLD = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern ITALIC = Pattern.compile("(?<![\\w*])([*_])(?=\\S)(.+?)(?<=\\S)\\1(?![\\w*])");
    private static final Pattern STRIKE = Pattern.compile("~~(.+?)~~");
    private static final Pattern STRAY_MARKS = Pattern.compile("\\*{2,}|`+|~~|(?<=\\s)\\*(?=\\s)");
    private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)[^\\s<>()\\[\\]\"']+");
    private static final Pattern URL_TAIL = Pattern.compile("[.,!?;:]+$");
    private static final String UUID_TEXT =
            "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b";
    private static final Pattern UUID = Pattern.compile(UUID_TEXT);
    private static final Pattern UUID_ASIDE =
            Pattern.compile("\\s*[(\\[][^()\\[\\]]*" + UUID_TEXT + "[^()\\[\\]]*[)\\]]");
    private static final Pattern TIMESTAMP =
            Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)"
                    + "(Z|[+-]\\d{2}:?\\d{2})?(?:\\[[\\w/+-]+])?)?(?![\\d:])");
    private static final Pattern EMOJI = Pattern.compile(
            "[\\p{IsExtended_Pictographic}\\x{FE0E}\\x{FE0F}\\x{200D}\\x{20E3}\\x{1F3FB}-\\x{1F3FF}\\x{1F1E6}-\\x{1F1FF}\\x{E0020}-\\x{E007F}]");
    private static final Pattern SPACE = Pattern.compile("[ \\t\\x{00A0}]+");
    private static final Pattern SPACE_BEFORE_STOP = Pattern.compile("\\s+([.,])");
    private static final Pattern STOP_THEN_MARK = Pattern.compile("([.!?…])(?:\\s*[,;:]|\\s+\\.)+(?=\\s|$)");
    private static final Pattern DOUBLE_STOP = Pattern.compile("(?<!\\.)([.!?])\\.(?!\\.)");
    private static final Pattern EMPTY_BRACKETS = Pattern.compile("\\(\\s*\\)|\\[\\s*]");
    private static final Pattern LEADING_MARKS = Pattern.compile("^[\\s,.;:!?]+");
    private static final Pattern ENDS_SENTENCE = Pattern.compile("[.!?…:;,]$");
    // a sentence ends at . ! ? (or …), maybe a closing mark, then a space and a capital, a digit or an opening mark
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…]+[\"'”’)\\]]*(?=\\s+[\\p{Lu}\\d¿¡\"'“‘(])");

    private ReplyText() {}

    /**
     * The reply as the channel carries it: {@linkplain #spoken spoken} on a call, {@linkplain #written
     * written} (plain text) on SMS, WhatsApp, web chat and the simulator.
     */
    public static String forChannel(
            String reply, dev.frontdesk.assistant.Channel channel, String language, ZoneId zone) {
        return switch (channel) {
            case VOICE -> spoken(reply, language, zone);
            case SMS, WHATSAPP -> written(reply, language, zone);
            // a chat window shows a longer answer (a knowledge entry may run to a few sentences)
            case WEB, SIMULATOR -> {
                ReplyWords words = ReplyWords.of(language);
                yield cap(plain(reply, Medium.TEXT, words, zone), Integer.MAX_VALUE, CHAT_CHARS, "…", words);
            }
        };
    }

    /**
     * The first sentence of a reply still being written (a model's streamed answer), once it is complete: a
     * second sentence has begun after it. Empty until then, and while reasoning is still open.
     */
    public static java.util.Optional<String> firstSentence(String partial, String language, ZoneId zone) {
        ReplyWords words = ReplyWords.of(language);
        List<String> sentences = sentences(plain(partial, Medium.VOICE, words, zone), words);
        return sentences.size() < 2 ? java.util.Optional.empty() : java.util.Optional.of(sentences.getFirst());
    }

    /**
     * What is left to say of {@code reply} on a call once {@code said} (its first sentence, said while the rest
     * was being written) was said: the spoken reply without it, or the whole spoken reply when it does not
     * start with it (another brain answered).
     */
    public static String afterSaid(String reply, String said, String language, ZoneId zone) {
        String spoken = spoken(reply, language, zone);
        return said != null && !said.isBlank() && spoken.startsWith(said)
                ? spoken.substring(said.length()).strip()
                : spoken;
    }

    /** The reply to read aloud on a call. */
    public static String spoken(String reply, String language, ZoneId zone) {
        return forMedium(reply, Medium.VOICE, language, zone);
    }

    /** The reply to send as a text (SMS, WhatsApp, web chat). */
    public static String written(String reply, String language, ZoneId zone) {
        return forMedium(reply, Medium.TEXT, language, zone);
    }

    static String forMedium(String reply, Medium medium, String language, ZoneId zone) {
        ReplyWords words = ReplyWords.of(language);
        String plain = plain(reply, medium, words, zone);
        return medium == Medium.VOICE
                ? cap(plain, VOICE_SENTENCES, VOICE_CHARS, ".", words)
                : cap(plain, Integer.MAX_VALUE, TEXT_CHARS, "…", words);
    }

    /** The clean reply, not yet cut to length. */
    static String plain(String reply, Medium medium, ReplyWords words, ZoneId zone) {
        if (reply == null || reply.isBlank()) {
            return "";
        }
        boolean voice = medium == Medium.VOICE;
        String text = reply.replace("\r\n", "\n");
        text = REASONING.matcher(text).replaceAll(" ");
        text = REASONING_OPEN_END.matcher(text).replaceAll(" ");
        text = REASONING_UNCLOSED.matcher(text).replaceAll(" ");
        text = replace(CODE_BLOCK, text, m -> voice ? " " : m.group(1));
        text = AUTOLINK.matcher(text).replaceAll("$1");
        text = HTML_TAG.matcher(text).replaceAll(" ");
        text = lines(text);
        text = IMAGE.matcher(text).replaceAll("$1");
        text = replace(LINK, text, m -> link(m.group(1).strip(), m.group(2), voice));
        text = BOLD.matcher(text).replaceAll("$2");
        text = STRIKE.matcher(text).replaceAll("$1");
        text = ITALIC.matcher(text).replaceAll("$2");
        text = STRAY_MARKS.matcher(text).replaceAll("");
        text = EMOJI.matcher(text).replaceAll(" ");
        text = ids(text, words);
        text = replace(TIMESTAMP, text, m -> when(m, words, zone));
        if (voice) {
            text = UrlsOnACall.replace(text, words);
        }
        return tidy(text);
    }

    /** Markdown's line structure as sentences: headings, list items and table rows end with a stop. */
    private static String lines(String text) {
        String[] lines = text.split("\n", -1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (TABLE_RULE.matcher(line).matches() || RULE.matcher(line).matches()) {
                continue;
            }
            if (TABLE_ROW.matcher(line).matches()) {
                boolean header =
                        i + 1 < lines.length && TABLE_RULE.matcher(lines[i + 1]).matches();
                if (!header) {
                    List<String> cells = new ArrayList<>();
                    for (String cell : line.strip().replaceAll("^\\||\\|$", "").split("\\|")) {
                        if (!cell.isBlank()) {
                            cells.add(cell.strip());
                        }
                    }
                    out.add(stop(String.join(", ", cells), "."));
                }
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                out.add(stop(heading.group(1), "."));
                continue;
            }
            Matcher bullet = BULLET.matcher(line);
            if (bullet.matches()) {
                boolean more =
                        i + 1 < lines.length && BULLET.matcher(lines[i + 1]).matches();
                out.add(stop(bullet.group(1).strip(), more ? "," : "."));
                continue;
            }
            Matcher quote = QUOTE.matcher(line);
            out.add(quote.matches() ? quote.group(1) : line);
        }
        return String.join("\n", out);
    }

    private static String stop(String text, String stop) {
        String stripped = text.strip();
        return stripped.isEmpty() || ENDS_SENTENCE.matcher(stripped).find() ? stripped : stripped + stop;
    }

    private static String link(String words, String url, boolean voice) {
        if (voice) {
            return words.isEmpty() || URL.matcher(words).lookingAt() ? url : words;
        }
        if (words.isEmpty() || words.equals(url) || url.endsWith("//" + words) || url.isEmpty()) {
            return url.isEmpty() ? words : url;
        }
        return words + " (" + url + ")";
    }

    /**
     * Internal ids mean nothing to a caller: an aside holding one goes, a clause that introduces one ("your
     * booking ID is …") goes, and any other id is dropped from its sentence.
     */
    private static String ids(String text, ReplyWords words) {
        String out = UUID_ASIDE.matcher(text).replaceAll("");
        Matcher m = UUID.matcher(out);
        while (m.find()) {
            int start = m.start();
            int clause = clauseStart(out, start);
            String lead = out.substring(clause, start).toLowerCase(Locale.ROOT);
            boolean introduced = words.idWords().stream()
                    .anyMatch(w -> Pattern.compile("(?<!\\p{L})" + Pattern.quote(w) + "(?!\\p{L})")
                            .matcher(lead)
                            .find());
            int from = start;
            if (introduced) {
                from = clause > 0 && (out.charAt(clause - 1) == ',' || out.charAt(clause - 1) == ';')
                        ? clause - 1
                        : clause;
            }
            out = out.substring(0, from) + out.substring(m.end());
            m = UUID.matcher(out);
            m.region(from, out.length());
        }
        return out;
    }

    private static int clauseStart(String text, int before) {
        for (int i = before - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == ','
                    || c == ';'
                    || c == '\n'
                    || ((c == '.' || c == '!' || c == '?')
                            && i + 1 < before
                            && Character.isWhitespace(text.charAt(i + 1)))) {
                return i + 1;
            }
        }
        return 0;
    }

    /** An ISO date or timestamp as the language says it, in the business's zone. */
    private static String when(MatchResult m, ReplyWords words, ZoneId zone) {
        try {
            LocalDate date = LocalDate.parse(m.group(1));
            if (m.group(2) == null) {
                return words.date().format(date);
            }
            LocalDateTime local = LocalDateTime.of(date, LocalTime.parse(m.group(2)));
            if (m.group(3) != null && zone != null) {
                ZoneOffset offset = m.group(3).equals("Z")
                        ? ZoneOffset.UTC
                        : ZoneOffset.of(
                                m.group(3).length() == 5
                                        ? m.group(3).substring(0, 3) + ":"
                                                + m.group(3).substring(3)
                                        : m.group(3));
                local = OffsetDateTime.of(local, offset).atZoneSameInstant(zone).toLocalDateTime();
            }
            var time = local.getMinute() == 0 ? words.timeOnTheHour() : words.time();
            return words.dateAndTime(words.date().format(local), time.format(local));
        } catch (DateTimeException e) {
            return m.group();
        }
    }

    /** Web addresses on a call: not read out, and the sentence still reads ("See the website for details."). */
    private static final class UrlsOnACall {
        private static final Pattern ASIDE = Pattern.compile("\\s*\\(\\s*(?:https?://|www\\.)[^\\s()]+\\s*\\)");

        static String replace(String text, ReplyWords words) {
            String out = ASIDE.matcher(text).replaceAll("");
            return ReplyText.replace(URL, out, m -> {
                Matcher tail = URL_TAIL.matcher(m.group());
                return words.website() + (tail.find() ? tail.group() : "");
            });
        }
    }

    private static String tidy(String text) {
        String out = text.replace('\n', ' ');
        out = SPACE.matcher(out).replaceAll(" ");
        out = EMPTY_BRACKETS.matcher(out).replaceAll("");
        out = STOP_THEN_MARK.matcher(out).replaceAll("$1");
        out = SPACE_BEFORE_STOP.matcher(out).replaceAll("$1");
        out = DOUBLE_STOP.matcher(out).replaceAll("$1");
        out = LEADING_MARKS.matcher(out).replaceAll("");
        return SPACE.matcher(out).replaceAll(" ").strip();
    }

    /** The sentences of a clean text, each with its closing marks. */
    static List<String> sentences(String text, ReplyWords words) {
        List<String> sentences = new ArrayList<>();
        Matcher m = SENTENCE_END.matcher(text);
        int start = 0;
        while (m.find()) {
            if (abbreviation(text, m.start(), m.end(), words)) {
                continue;
            }
            sentences.add(text.substring(start, m.end()).strip());
            start = m.end();
        }
        String rest = text.substring(start).strip();
        if (!rest.isEmpty()) {
            sentences.add(rest);
        }
        return sentences;
    }

    /** Whether the full stop at {@code at} belongs to an abbreviation or an initial, not a sentence end. */
    private static boolean abbreviation(String text, int at, int end, ReplyWords words) {
        if (text.charAt(at) != '.' || end - at > 1) {
            return false;
        }
        String head = text.substring(0, at + 1).toLowerCase(Locale.ROOT);
        for (String abbreviation : words.abbreviations()) {
            if (head.endsWith(abbreviation)) {
                int before = head.length() - abbreviation.length() - 1;
                if (before < 0 || !Character.isLetter(head.charAt(before))) {
                    return true;
                }
            }
        }
        // an initial: one capital letter after a space ("J. Smith")
        return at >= 1
                && Character.isUpperCase(text.charAt(at - 1))
                && (at == 1 || Character.isWhitespace(text.charAt(at - 2)));
    }

    /**
     * At most {@code maxSentences} whole sentences within {@code maxChars}; a first sentence that is longer
     * is cut at its last clause or word that fits, ending with {@code cutMark}.
     */
    static String cap(String text, int maxSentences, int maxChars, String cutMark, ReplyWords words) {
        List<String> sentences = sentences(text, words);
        StringBuilder out = new StringBuilder();
        for (String sentence : sentences.subList(0, Math.min(maxSentences, sentences.size()))) {
            int length = out.isEmpty() ? sentence.length() : out.length() + 1 + sentence.length();
            if (length > maxChars) {
                break;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(sentence);
        }
        if (!out.isEmpty() || sentences.isEmpty()) {
            return out.toString();
        }
        String head = text.substring(0, maxChars - cutMark.length());
        int clause = Math.max(head.lastIndexOf(", "), head.lastIndexOf("; "));
        int cut = clause > maxChars / 2 ? clause : head.lastIndexOf(' ');
        String kept = (cut > 0 ? head.substring(0, cut) : head).replaceAll("[\\s,;:.]+$", "");
        return kept + cutMark;
    }

    private static String replace(Pattern pattern, String text, Function<MatchResult, String> by) {
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(by.apply(m)));
    }
}
