package dev.frontdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void anIssuedKeyCarriesItsPrefixAndOnlyItsHashMatches() {
        Secrets.Issued key = Secrets.issue("fdk");
        assertThat(key.plain()).startsWith("fdk_" + key.prefix() + "_");
        assertThat(key.plain()).hasSize(4 + 8 + 1 + 43); // 32 random bytes, base64url
        assertThat(key.hash())
                .hasSize(64)
                .isEqualTo(Secrets.sha256(key.plain()))
                .doesNotContain(key.plain());
        assertThat(Secrets.prefixOf("fdk", key.plain())).contains(key.prefix());
        assertThat(Secrets.matches(key.plain(), key.hash())).isTrue();
        assertThat(Secrets.matches(key.plain() + "x", key.hash())).isFalse();
        assertThat(Secrets.matches(null, key.hash())).isFalse();
        assertThat(key.toString()).doesNotContain(key.plain());
    }

    @Test
    void keysOfAnotherKindOrShapeHaveNoPrefix() {
        Secrets.Issued widget = Secrets.issue("fdw");
        assertThat(Secrets.prefixOf("fdk", widget.plain())).isEmpty();
        assertThat(Secrets.prefixOf("fdk", "fdk_short")).isEmpty();
        assertThat(Secrets.prefixOf("fdk", null)).isEmpty();
        assertThat(Secrets.prefixOf("fdk", "fdk_" + "a".repeat(300))).isEmpty();
    }

    @Test
    void everyKeyIsDifferent() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(Secrets.issue("fdk").plain())).isTrue();
        }
    }
}
