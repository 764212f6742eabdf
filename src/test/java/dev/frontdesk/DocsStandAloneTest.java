package dev.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README and docs/ are read in a fresh clone: they point only at files the clone has (nothing beside
 * the checkout, such as ../shared), and every relative link leads to an existing file.
 */
class DocsStandAloneTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    @Test
    void nothingPointsOutsideTheRepository() throws IOException {
        for (Path document : documents()) {
            assertThat(Files.readString(document))
                    .as(document.toString())
                    .doesNotContain("../shared", "shared/DESIGN", "DESIGN.md", "beside the checkout");
        }
    }

    @Test
    void everyRelativeLinkLeadsToAFileInTheRepository() throws IOException {
        for (Path document : documents()) {
            var links = LINK.matcher(Files.readString(document));
            while (links.find()) {
                String target = links.group(1).replaceFirst("#.*$", "");
                if (target.isEmpty() || target.matches("[a-z]+:.*")) {
                    continue;
                }
                Path resolved =
                        document.toAbsolutePath().getParent().resolve(target).normalize();
                assertThat(resolved)
                        .as(document + " links to " + target)
                        .startsWith(Path.of("").toAbsolutePath())
                        .exists();
            }
        }
    }
}
