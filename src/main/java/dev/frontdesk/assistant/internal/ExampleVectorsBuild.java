package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.nlu.ExampleVectors;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Run by the build after the classes are compiled ({@code exec-maven-plugin}, phase {@code process-classes}):
 * embeds the intent examples with the application's own model into {@code target/classes}, so that a node reads
 * them at start instead of embedding them (about 2 to 7 seconds on two cores). Does nothing when the file already
 * holds these examples' vectors for this model.
 */
final class ExampleVectorsBuild {

    private ExampleVectorsBuild() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ExampleVectorsBuild <output file>");
        }
        Path file = Path.of(args[0]);
        long started = System.nanoTime();
        boolean written = ExampleVectors.writeIfStale(EmbeddingConfiguration.sharedModel(), file);
        System.out.printf(
                "[example-vectors] %s %s in %d ms%n",
                file, written ? "written" : "up to date", (System.nanoTime() - started) / 1_000_000);
    }
}
