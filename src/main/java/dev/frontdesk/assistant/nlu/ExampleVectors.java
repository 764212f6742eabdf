package dev.frontdesk.assistant.nlu;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intent examples' vectors, normalised, row after row. Embedding the ~1,200 examples was most of a node's
 * start-up (docs/performance.md), so the build embeds them once into {@value #RESOURCE} and the classifier reads
 * them from there. The file names what it was made from: a SHA-256 of the examples' texts in order. It is used
 * only when that fingerprint matches the examples on the class path and the model, asked to embed the first
 * example again, gives the stored first row (within {@value #TOLERANCE} in every component); otherwise (examples
 * edited without a build, another model) the examples are embedded at start as before, and the log says why.
 */
public final class ExampleVectors {

    static final String RESOURCE = "assistant/intents/vectors.bin";
    /** The largest difference per component between the stored first row and the model's answer now. */
    static final double TOLERANCE = 1e-4;

    private static final Logger log = LoggerFactory.getLogger(ExampleVectors.class);
    private static final int MAGIC = 0x46444956; // "FDIV"
    private static final int VERSION = 1;
    private static final int FINGERPRINT_BYTES = 32;

    private ExampleVectors() {}

    /** {@code rows} normalised vectors of {@code dimension} floats each, row after row. */
    record Matrix(byte[] fingerprint, int rows, int dimension, float[] values) {}

    /** The vectors of {@code texts}: from the build's file when it fits, otherwise embedded now. */
    static Matrix of(EmbeddingModel model, List<String> texts) {
        return of(model, texts, IntentClassifier.class.getClassLoader().getResourceAsStream(RESOURCE));
    }

    /** The vectors of {@code texts}: from {@code file} (may be null) when it fits, otherwise embedded now. */
    static Matrix of(EmbeddingModel model, List<String> texts, InputStream file) {
        byte[] fingerprint = fingerprint(texts);
        Optional<Matrix> stored = read(file);
        if (stored.isEmpty()) {
            log.info("No {} on the class path: embedding the {} intent examples", RESOURCE, texts.size());
        } else if (!fits(stored.get(), fingerprint, model, texts)) {
            log.info(
                    "{} was made from other examples or another model: embedding the {} intent examples",
                    RESOURCE,
                    texts.size());
        } else {
            return stored.get();
        }
        return embed(model, texts, fingerprint);
    }

    /**
     * Writes the vectors of the intent examples on the class path to {@code file}, unless it already holds them
     * for this model. Run by the build (process-classes) with the application's own model.
     *
     * @return true when the file was (re)written
     */
    public static boolean writeIfStale(EmbeddingModel model, Path file) throws IOException {
        List<String> texts = IntentClassifier.exampleTexts();
        byte[] fingerprint = fingerprint(texts);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                Optional<Matrix> stored = read(in);
                if (stored.isPresent() && fits(stored.get(), fingerprint, model, texts)) {
                    return false;
                }
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temporary, bytes(embed(model, texts, fingerprint)));
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return true;
    }

    /** The file's bytes for {@code m}. */
    static byte[] bytes(Matrix m) {
        ByteBuffer out = ByteBuffer.allocate(4 * 4 + FINGERPRINT_BYTES + 4 * m.values().length);
        out.putInt(MAGIC).putInt(VERSION).put(m.fingerprint()).putInt(m.rows()).putInt(m.dimension());
        out.asFloatBuffer().put(m.values());
        return out.array();
    }

    private static boolean fits(Matrix m, byte[] fingerprint, EmbeddingModel model, List<String> texts) {
        if (m.rows() != texts.size() || !Arrays.equals(m.fingerprint(), fingerprint)) {
            return false;
        }
        float[] again = new float[m.dimension()];
        float[] first = model.embed(texts.getFirst()).content().vector();
        if (first.length != m.dimension()) {
            return false;
        }
        normaliseInto(first, again, 0);
        for (int j = 0; j < again.length; j++) {
            if (Math.abs(again[j] - m.values()[j]) > TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    private static Matrix embed(EmbeddingModel model, List<String> texts, byte[] fingerprint) {
        List<Embedding> embeddings =
                model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        int rows = embeddings.size();
        int dimension = embeddings.getFirst().vector().length;
        float[] values = new float[rows * dimension];
        for (int i = 0; i < rows; i++) {
            float[] v = embeddings.get(i).vector();
            if (v.length != dimension) {
                throw new IllegalStateException("embeddings of different dimensions");
            }
            normaliseInto(v, values, i * dimension);
        }
        return new Matrix(fingerprint, rows, dimension, values);
    }

    /** The matrix in {@code in} (closed afterwards), or empty when there is none or it is not one. */
    static Optional<Matrix> read(InputStream in) {
        if (in == null) {
            return Optional.empty();
        }
        try (in) {
            ByteBuffer b = ByteBuffer.wrap(in.readAllBytes());
            if (b.remaining() < 4 * 4 + FINGERPRINT_BYTES || b.getInt() != MAGIC || b.getInt() != VERSION) {
                return Optional.empty();
            }
            byte[] fingerprint = new byte[FINGERPRINT_BYTES];
            b.get(fingerprint);
            int rows = b.getInt();
            int dimension = b.getInt();
            if (rows <= 0 || dimension <= 0 || (long) rows * dimension * 4 != b.remaining()) {
                return Optional.empty();
            }
            float[] values = new float[rows * dimension];
            b.asFloatBuffer().get(values);
            return Optional.of(new Matrix(fingerprint, rows, dimension, values));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] fingerprint(List<String> texts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String text : texts) {
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void normaliseInto(float[] v, float[] into, int offset) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        float scale = norm == 0 ? 0f : (float) (1.0 / Math.sqrt(norm));
        for (int j = 0; j < v.length; j++) {
            into[offset + j] = v[j] * scale;
        }
    }
}
