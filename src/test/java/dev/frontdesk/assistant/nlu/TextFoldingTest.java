package dev.frontdesk.assistant.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What callers say is read the same with or without accents and capitals; tokens point back at their words. */
class TextFoldingTest {

    @Test
    void everyAsciiCharacterFoldsToItsLowerCase() {
        // tokenising folds ASCII by lower-casing it alone (no decomposition, no marks): the same as full folding
        for (char c = 0; c < 0x80; c++) {
            assertThat(Text.fold(String.valueOf(c)))
                    .as("U+%04X", (int) c)
                    .isEqualTo(String.valueOf(Character.toLowerCase(c)));
        }
    }

    @Test
    void accentedAndCapitalisedWordsReadAsTheirPlainLowerCaseWithTheirOriginalOffsets() {
        String said = "Mañana À 14h30, l'Après-midi ÇA VA? ﬁne";
        assertThat(Text.tokenize(said))
                .extracting(Text.Token::text)
                .containsExactly("manana", "a", "14", "h", "30", "l", "apres", "midi", "ca", "va", "fine");
        var apres = Text.tokenize(said).get(6);
        assertThat(said.substring(apres.start(), apres.end())).isEqualTo("Après");
        assertThat(Text.fold("Crème BRÛLÉE")).isEqualTo("creme brulee");
    }
}
