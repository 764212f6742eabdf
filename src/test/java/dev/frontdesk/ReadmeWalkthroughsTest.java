package dev.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's shell walk-throughs can be copied and run again and again, on Linux or macOS: what they
 * save goes to a temporary folder (the answers hold live keys), each run creates its business with a
 * new phone number (a number belongs to one business only), and dates are computed without GNU-only
 * {@code date -d}.
 */
class ReadmeWalkthroughsTest {

    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);

    /** The README's scripts against a running service (those setting BASE), without comment lines. */
    static List<String> walkthroughs() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        return BASH_BLOCK
                .matcher(readme)
                .results()
                .map(m -> m.group(1))
                .filter(block -> block.contains("BASE=http"))
                .map(block -> block.lines()
                        .filter(line -> !line.strip().startsWith("#"))
                        .collect(java.util.stream.Collectors.joining("\n")))
                .toList();
    }

    @Test
    void walkthroughsWriteOnlyToATemporaryFolder() throws IOException {
        for (String block : walkthroughs()) {
            var writes = Pattern.compile("(?:\\btee|[^0-9&2]>)\\s+(\\S+)").matcher(block);
            while (writes.find()) {
                assertThat(writes.group(1))
                        .as("a file the walk-through writes")
                        .satisfiesAnyOf(
                                target -> assertThat(target).startsWith("\"$WORK/"),
                                target -> assertThat(target).isEqualTo("/dev/null"));
            }
            if (block.contains("$WORK")) {
                assertThat(block).contains("WORK=$(mktemp -d)");
            }
        }
    }

    @Test
    void eachRunCreatesItsBusinessWithANewPhoneNumberAndPortableDates() throws IOException {
        List<String> blocks = walkthroughs();
        assertThat(blocks).hasSize(2).allMatch(block -> block.contains("/api/admin/businesses -H"));
        for (String block : blocks) {
            assertThat(block).doesNotContainPattern("\\bdate\\b[^\\n]*\\s-[dv]\\b");
            if (block.contains("\"phoneNumbers\"")) {
                assertThat(block)
                        .contains("\"phoneNumbers\": [\"'\"$PHONE\"'\"]")
                        .contains("PHONE=\"+");
                assertThat(block).contains("RANDOM");
            }
        }
    }
}
