package dev.frontdesk.assistant.nlu;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells what a caller wants from one utterance in English, Spanish or French (the languages listed in {@code
 * assistant/lang/languages.txt}).
 *
 * <p>Rules win first: emergencies (the business's keywords plus built-in multilingual ones, split into dangers to
 * life and to property), opt-outs, a bare yes/no, a goodbye, a bare greeting. Otherwise the utterance is embedded
 * and compared (cosine) with labelled examples from {@code assistant/intents/<code>.tsv}: examples in the
 * utterance's language count in full, the others with a small penalty; the {@value #K} nearest vote, weighted by
 * similarity; below {@value #THRESHOLD} the best similarity, the answer is {@link Intent#UNKNOWN}. A negated "I
 * don't want to cancel" clause is dropped before embedding, so the rest of the utterance decides.
 *
 * <p>The examples' vectors are read from the build's {@link ExampleVectors} file when it fits these examples and this
 * model, and otherwise embedded once, in one batch, when constructed; afterwards the classifier is immutable and
 * thread-safe (the embedding model must be too, as LangChain4j's in-process models are).
 */
public final class IntentClassifier {

    /** Neighbours that vote. */
    static final int K = 5;
    /** Below this best cosine similarity the utterance is {@link Intent#UNKNOWN}. */
    static final double THRESHOLD = 0.40;
    /** Subtracted from the similarity of examples in another language than the utterance's. */
    static final double OTHER_LANGUAGE_PENALTY = 0.05;

    static final List<String> LANGUAGES = Languages.codes();
    private static final String RESOURCES = "assistant/intents/";
    private static final Intent[] INTENTS = Intent.values();
    private static final int MAX_CACHED_KEYWORD_LISTS = 256;

    private final EmbeddingModel model;
    private final int dimension;
    private final int size;
    /** Normalised example vectors, row after row. */
    private final float[] vectors;

    private final byte[] intents;
    private final byte[] languages;
    private final Map<List<String>, PhraseMatcher> keywordMatchers = new ConcurrentHashMap<>();
    private final int k;
    private final double threshold;
    private final double penalty;

    public IntentClassifier(EmbeddingModel model) {
        this.model = Objects.requireNonNull(model, "model");
        this.k = K;
        this.threshold = THRESHOLD;
        this.penalty = OTHER_LANGUAGE_PENALTY;
        List<Labelled> examples = labelledExamples();
        if (examples.isEmpty()) {
            throw new IllegalStateException("no intent examples under " + RESOURCES);
        }
        ExampleVectors.Matrix matrix =
                ExampleVectors.of(model, examples.stream().map(Labelled::text).toList());
        this.size = matrix.rows();
        this.dimension = matrix.dimension();
        this.vectors = matrix.values();
        this.intents = new byte[size];
        this.languages = new byte[size];
        for (int i = 0; i < size; i++) {
            intents[i] = (byte) examples.get(i).intent().ordinal();
            languages[i] = (byte) examples.get(i).language();
        }
    }

    /** An example as embedded: its prepared text, its intent and the index of its language. */
    private record Labelled(String text, Intent intent, int language) {}

    /** Every language's examples in order, prepared for embedding. */
    private static List<Labelled> labelledExamples() {
        List<Labelled> out = new ArrayList<>();
        for (int l = 0; l < LANGUAGES.size(); l++) {
            for (Example e : load(LANGUAGES.get(l))) {
                out.add(new Labelled(prepare(e.text()), e.intent(), l));
            }
        }
        return out;
    }

    /** The texts that are embedded, every language's examples in order (what {@link ExampleVectors} stores). */
    static List<String> exampleTexts() {
        return labelledExamples().stream().map(Labelled::text).toList();
    }

    private IntentClassifier(IntentClassifier from, int k, double threshold, double penalty) {
        this.model = from.model;
        this.dimension = from.dimension;
        this.size = from.size;
        this.vectors = from.vectors;
        this.intents = from.intents;
        this.languages = from.languages;
        this.k = k;
        this.threshold = threshold;
        this.penalty = penalty;
    }

    /** The same examples with other settings (for tuning). */
    IntentClassifier withSettings(int k, double threshold, double penalty) {
        return new IntentClassifier(this, k, threshold, penalty);
    }

    /** How many labelled examples were loaded. */
    public int exampleCount() {
        return size;
    }

    /**
     * Classifies one utterance.
     *
     * @param text what the caller said or wrote
     * @param languageHint "en", "es" or "fr" (the conversation's language so far), or null
     * @param emergencyKeywords the business's own emergency keywords (lower case), or null/empty
     */
    public IntentResult classify(String text, String languageHint, List<String> emergencyKeywords) {
        IntentResult verdict = classifyWhenAsked(text, languageHint, emergencyKeywords);
        verdict.intent();
        return verdict;
    }

    /**
     * The same verdict as {@link #classify}, with the rules applied at once but the embedding and the nearest
     * examples left until a part of the verdict is first read ({@link IntentResult#pending()} until then): a turn
     * that a rule or the dialogue's expectation decides without the intent costs no embedding.
     */
    public IntentResult classifyWhenAsked(String text, String languageHint, List<String> emergencyKeywords) {
        String language = LanguageDetector.detect(text == null ? "" : text)
                .orElseGet(() -> hint(languageHint).orElse(Languages.fallback().code()));
        if (text == null || text.isBlank()) {
            return new IntentResult(Intent.UNKNOWN, 0, language, false, null);
        }
        IntentRules.Verdict rule = IntentRules.apply(text, keywordMatcher(emergencyKeywords));
        if (rule != null) {
            return new IntentResult(rule.intent(), rule.confidence(), language, rule.lifeThreatening(), rule.keyword());
        }
        return IntentResult.whenAsked(() -> nearest(focus(text), LANGUAGES.indexOf(language), language));
    }

    /**
     * The dot product of {@code query} and the row of {@code matrix} starting at {@code row}. Four running
     * sums instead of one: a single float sum is a chain of dependent additions that the JIT must keep in
     * Java's order, so the loop waited on each addition's latency (about 5% of a node's CPU under the voice
     * load test); independent sums let the additions overlap. The order of the additions differs from a single sum,
     * by rounding only (a few units in the last place of a float).
     */
    static float dot(float[] matrix, int row, float[] query, int length) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int j = 0;
        for (; j + 3 < length; j += 4) {
            s0 += matrix[row + j] * query[j];
            s1 += matrix[row + j + 1] * query[j + 1];
            s2 += matrix[row + j + 2] * query[j + 2];
            s3 += matrix[row + j + 3] * query[j + 3];
        }
        for (; j < length; j++) {
            s0 += matrix[row + j] * query[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private IntentResult nearest(String text, int language, String languageCode) {
        float[] query = model.embed(prepare(text)).content().vector();
        double norm = 0;
        for (float x : query) {
            norm += (double) x * x;
        }
        float scale = norm == 0 ? 0f : (float) (1.0 / Math.sqrt(norm));
        int k = this.k;
        double[] topSim = new double[k];
        int[] topIndex = new int[k];
        java.util.Arrays.fill(topSim, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(topIndex, -1);
        float[] m = vectors;
        int d = dimension;
        for (int i = 0; i < size; i++) {
            double sim = dot(m, i * d, query, d) * scale;
            if (languages[i] != language) {
                sim -= penalty;
            }
            if (sim > topSim[k - 1]) {
                int p = k - 1;
                while (p > 0 && topSim[p - 1] < sim) {
                    topSim[p] = topSim[p - 1];
                    topIndex[p] = topIndex[p - 1];
                    p--;
                }
                topSim[p] = sim;
                topIndex[p] = i;
            }
        }
        double best = Math.max(0, topSim[0]);
        if (topIndex[0] < 0 || best < threshold) {
            return new IntentResult(Intent.UNKNOWN, best, languageCode, false, null);
        }
        double[] votes = new double[INTENTS.length];
        double[] bestOf = new double[INTENTS.length];
        double total = 0;
        for (int n = 0; n < k && topIndex[n] >= 0; n++) {
            double w = Math.max(0, topSim[n]);
            int intent = intents[topIndex[n]];
            votes[intent] += w;
            bestOf[intent] = Math.max(bestOf[intent], w);
            total += w;
        }
        int winner = intents[topIndex[0]];
        for (int i = 0; i < votes.length; i++) {
            if (votes[i] > votes[winner] || (votes[i] == votes[winner] && bestOf[i] > bestOf[winner])) {
                winner = i;
            }
        }
        double confidence = total == 0 ? 0 : votes[winner] / total * bestOf[winner];
        Intent intent = IntentRules.polarity(INTENTS[winner], text);
        return new IntentResult(intent, confidence, languageCode, false, null);
    }

    // --- negation and contrast -----------------------------------------------------------------------------

    /**
     * A negated want ("I don't want to", "no quiero", "je ne veux pas"): the {@code negated-want-pattern} lines of
     * every language's intents.properties, as alternatives.
     */
    private static final Pattern NEGATED_WANT =
            Pattern.compile("\\b(?:" + String.join("|", IntentRules.phrases("negated-want-pattern")) + ")\\b");

    /** Words that start a new clause after a negated one ("I don't want to cancel, I want to move it"). */
    private static final java.util.Set<String> CLAUSE_STARTS =
            java.util.Set.copyOf(IntentRules.phrases("clause-starts"));

    /**
     * The part of the utterance that says what the caller does want: a negated "don't want to X" clause is dropped
     * when something else is left. Otherwise the utterance unchanged.
     */
    static String focus(String text) {
        String folded = Utterances.foldKeepingStops(text);
        Matcher m = NEGATED_WANT.matcher(folded);
        if (!m.find()) {
            return text;
        }
        StringBuilder kept = new StringBuilder();
        int from = 0;
        do {
            kept.append(folded, from, m.start());
            String[] rest = Utterances.tokens(folded.substring(m.end()).trim());
            int skip = 0;
            // the negated clause runs to the next punctuation or clause start (at least one word)
            while (skip < rest.length
                    && !Utterances.isStop(rest[skip])
                    && (skip == 0 || !CLAUSE_STARTS.contains(rest[skip]))) {
                skip++;
            }
            int consumed = m.end();
            for (int t = 0; t < skip; t++) {
                consumed = folded.indexOf(rest[t], consumed) + rest[t].length();
            }
            from = consumed;
        } while (m.find(from));
        kept.append(folded.substring(from));
        String remainder = Utterances.fold(kept.toString());
        int words = Utterances.tokens(remainder).length;
        return words >= 2 ? remainder : text;
    }

    // --- examples --------------------------------------------------------------------------------------------

    record Example(Intent intent, String text) {}

    /** The labelled examples of one language, from {@code assistant/intents/<language>.tsv}. */
    static List<Example> load(String language) {
        String resource = RESOURCES + language + ".tsv";
        InputStream in = IntentClassifier.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + resource);
        }
        List<Example> examples = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw new IllegalStateException(resource + ":" + number + ": expected INTENT<TAB>utterance");
                }
                Intent intent = Intent.valueOf(line.substring(0, tab).strip().toUpperCase(Locale.ROOT));
                String text = line.substring(tab + 1).strip();
                if (!text.isEmpty()) {
                    examples.add(new Example(intent, text));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return examples;
    }

    private static String prepare(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static Optional<String> hint(String languageHint) {
        if (languageHint == null) {
            return Optional.empty();
        }
        String h = languageHint.strip().toLowerCase(Locale.ROOT);
        if (h.length() > 2) {
            h = h.substring(0, 2);
        }
        return LANGUAGES.contains(h) ? Optional.of(h) : Optional.empty();
    }

    private PhraseMatcher keywordMatcher(List<String> keywords) {
        if (keywords == null || keywords.isEmpty()) {
            return null;
        }
        PhraseMatcher matcher = keywordMatchers.get(keywords);
        if (matcher == null) {
            matcher = new PhraseMatcher(IntentRules.lowercase(keywords));
            if (keywordMatchers.size() >= MAX_CACHED_KEYWORD_LISTS) {
                keywordMatchers.clear();
            }
            keywordMatchers.put(new ArrayList<>(keywords), matcher);
        }
        return matcher;
    }
}
