package dev.frontdesk.assistant.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What a caller hears and what a texter reads when the model writes like a chatbot. */
class ReplyTextTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static String spoken(String reply) {
        return ReplyText.spoken(reply, "en", NEW_YORK);
    }

    static String written(String reply) {
        return ReplyText.written(reply, "en", NEW_YORK);
    }

    @Nested
    class OnACall {

        @Test
        void boldItalicAndCodeMarksAreNotReadAloud() {
            assertThat(spoken("Sure! Your visit is **Tuesday at 10**. Anything else? Bye."))
                    .isEqualTo("Sure! Your visit is Tuesday at 10.");
            assertThat(spoken("I have *10:00* or __11:30__, or `call us`."))
                    .isEqualTo("I have 10:00 or 11:30, or call us.");
        }

        @Test
        void headingsAndListItemsBecomeSentences() {
            assertThat(spoken("## Hours\n- Monday: 8 to 5\n- Saturday: closed"))
                    .isEqualTo("Hours. Monday: 8 to 5, Saturday: closed.");
            assertThat(spoken("We offer:\n1. Drain cleaning\n2. Leak repair"))
                    .isEqualTo("We offer: Drain cleaning, Leak repair.");
        }

        @Test
        void aTableIsReadAsItsRowsWithoutTheHeaderOrRules() {
            assertThat(spoken("| Service | Price |\n|---|---:|\n| Drain cleaning | $120 |\n| Leak repair | $90 |"))
                    .isEqualTo("Drain cleaning, $120. Leak repair, $90.");
        }

        @Test
        void emojisAreDropped() {
            assertThat(spoken("You're all set 🎉👍🏽 See you Tuesday! ✅")).isEqualTo("You're all set See you Tuesday!");
            assertThat(spoken("Press 1️⃣ for sales 🇺🇸")).isEqualTo("Press 1 for sales");
        }

        @Test
        void reasoningIsNeverSpoken() {
            assertThat(spoken("<think>The caller wants Tuesday. Check slots.</think>Tuesday at 10 is free."))
                    .isEqualTo("Tuesday at 10 is free.");
            assertThat(spoken("I should be polite.</think> Hello! How can I help?"))
                    .isEqualTo("Hello! How can I help?");
            assertThat(spoken("Let me see. <think>the model ran out of tokens while thinking"))
                    .isEqualTo("Let me see.");
        }

        @Test
        void aLinkKeepsItsWordsAndABareAddressBecomesTheWebsite() {
            assertThat(spoken("See [our prices](https://example.com/prices) today."))
                    .isEqualTo("See our prices today.");
            assertThat(spoken("See https://example.com/prices for details.")).isEqualTo("See the website for details.");
            assertThat(spoken("Visit https://example.com/book. Thanks!")).isEqualTo("Visit the website. Thanks!");
            assertThat(spoken("Book online (https://example.com/book) or ask me."))
                    .isEqualTo("Book online or ask me.");
            assertThat(ReplyText.spoken("Consulte https://example.com para más detalles.", "es", NEW_YORK))
                    .isEqualTo("Consulte el sitio web para más detalles.");
        }

        @Test
        void internalIdsAreLeftOutWithTheWordsThatIntroduceThem() {
            assertThat(spoken("You're booked for Tuesday. Your booking ID is 3f2a9c1e-8b7d-4e6f-a5b4-c3d2e1f0a9b8."))
                    .isEqualTo("You're booked for Tuesday.");
            assertThat(spoken("Done, reference 3f2a9c1e-8b7d-4e6f-a5b4-c3d2e1f0a9b8, see you then."))
                    .isEqualTo("Done, see you then.");
            assertThat(spoken("I cancelled it (id 3f2a9c1e-8b7d-4e6f-a5b4-c3d2e1f0a9b8) for you."))
                    .isEqualTo("I cancelled it for you.");
            assertThat(spoken("I moved appointment 3f2a9c1e-8b7d-4e6f-a5b4-c3d2e1f0a9b8 to Friday."))
                    .isEqualTo("I moved appointment to Friday.");
        }

        @Test
        void isoTimestampsAreSaidAsWordsInTheBusinessZoneAndLanguage() {
            assertThat(spoken("You're booked for 2026-11-24T10:30:00-05:00."))
                    .isEqualTo("You're booked for Tuesday, November 24 at 10:30 AM.");
            assertThat(spoken("The next free slot is 2026-11-24T15:00:00Z."))
                    .isEqualTo("The next free slot is Tuesday, November 24 at 10 AM.");
            assertThat(spoken("Is 2026-11-24T14:00 OK?")).isEqualTo("Is Tuesday, November 24 at 2 PM OK?");
            assertThat(spoken("We're closed on 2026-12-25.")).isEqualTo("We're closed on Friday, December 25.");
            assertThat(ReplyText.spoken("Le reservé el 2026-11-24T10:30.", "es", NEW_YORK))
                    .isEqualTo("Le reservé el martes 24 de noviembre a las 10:30.");
            assertThat(ReplyText.spoken("C'est noté pour 2026-11-24T10:00.", "fr", NEW_YORK))
                    .isEqualTo("C'est noté pour mardi 24 novembre à 10 heures.");
        }

        @Test
        void abbreviationsAndInitialsDoNotEndASentence() {
            assertThat(spoken("Mr. Smith will come at 8 a.m. on Tuesday. Dr. Lee is off. Anything else?"))
                    .isEqualTo("Mr. Smith will come at 8 a.m. on Tuesday. Dr. Lee is off.");
            assertThat(spoken("J. Smith is booked. See you then. Bye.")).isEqualTo("J. Smith is booked. See you then.");
            assertThat(ReplyText.spoken(
                            "El Sr. García vendrá a las 9 a. m. del martes. Gracias. Adiós.", "es", NEW_YORK))
                    .isEqualTo("El Sr. García vendrá a las 9 a. m. del martes. Gracias.");
            assertThat(ReplyText.spoken("M. Dupont passera mardi. Merci. Au revoir !", "fr", NEW_YORK))
                    .isEqualTo("M. Dupont passera mardi. Merci.");
        }

        @Test
        void spanishQuestionsAndQuotesSplitLikeSentences() {
            assertThat(ReplyText.spoken("¿Le viene bien el martes? Perfecto. Hasta luego.", "es", NEW_YORK))
                    .isEqualTo("¿Le viene bien el martes? Perfecto.");
            assertThat(spoken("He said \"done.\" Then left. Then came back."))
                    .isEqualTo("He said \"done.\" Then left.");
        }

        @Test
        void aStreamedReplysFirstSentenceIsKnownOnceTheNextOneBegins() {
            assertThat(ReplyText.firstSentence("Yes, Mr. Smith can come at 8 tomorrow.", "en", NEW_YORK))
                    .isEmpty();
            assertThat(ReplyText.firstSentence("Yes, Mr. Smith can come at 8 tomorrow. Would", "en", NEW_YORK))
                    .contains("Yes, Mr. Smith can come at 8 tomorrow.");
            assertThat(ReplyText.firstSentence("<think>Done. Now</think", "en", NEW_YORK))
                    .isEmpty();
            assertThat(ReplyText.firstSentence("**Sure!** Let", "en", NEW_YORK)).contains("Sure!");
        }

        @Test
        void theRestOfAReplyLeavesOutTheFirstSentenceAlreadySaid() {
            assertThat(ReplyText.afterSaid("**Sure!** Ten works. Bye.", "Sure!", "en", NEW_YORK))
                    .isEqualTo("Ten works.");
            assertThat(ReplyText.afterSaid("Sure!", "Sure!", "en", NEW_YORK)).isEmpty();
            // another brain answered: the whole reply
            assertThat(ReplyText.afterSaid("We're open at eight.", "Sure!", "en", NEW_YORK))
                    .isEqualTo("We're open at eight.");
        }

        @Test
        void aReplyIsAtMostTwoSentencesAndAboutThreeHundredCharacters() {
            String longSentence =
                    "We can send a plumber " + "to look at the pipes and the boiler ".repeat(8) + "today.";
            assertThat(spoken("Yes. " + longSentence + " Bye.")).isEqualTo("Yes.");
            String cut = spoken(longSentence);
            assertThat(cut.length()).isLessThanOrEqualTo(ReplyText.VOICE_CHARS);
            assertThat(cut).startsWith("We can send a plumber").endsWith(".").doesNotEndWith(" .");
            assertThat(spoken("One sentence only")).isEqualTo("One sentence only");
            assertThat(spoken(null)).isEmpty();
            assertThat(spoken("  ")).isEmpty();
        }
    }

    @Nested
    class InAText {

        @Test
        void markdownBecomesPlainTextButLinksAreKept() {
            assertThat(written("**Booked!** See [our prices](https://example.com/prices) or https://example.com/faq."))
                    .isEqualTo("Booked! See our prices (https://example.com/prices) or https://example.com/faq.");
            assertThat(written("## Hours\n- Mon–Fri: 8–5\n- Sat: closed"))
                    .isEqualTo("Hours. Mon–Fri: 8–5, Sat: closed.");
            assertThat(written("[https://example.com](https://example.com)")).isEqualTo("https://example.com");
        }

        @Test
        void emojisIdsReasoningAndTimestampsAreCleanedAsOnACall() {
            assertThat(
                            written(
                                    "<think>easy</think>Booked 👍 for 2026-11-24T10:30 (ref 3f2a9c1e-8b7d-4e6f-a5b4-c3d2e1f0a9b8)."))
                    .isEqualTo("Booked for Tuesday, November 24 at 10:30 AM.");
        }

        @Test
        void aTextIsCutAtASentenceWithinThreeHundredTwentyCharacters() {
            String sentence = "We have a free slot on Tuesday morning and another one on Wednesday afternoon. ";
            String reply = written(sentence.repeat(6));
            assertThat(reply.length()).isLessThanOrEqualTo(ReplyText.TEXT_CHARS);
            assertThat(reply).endsWith("afternoon.").hasSize(sentence.length() * 4 - 1);

            String oneLong = written("word ".repeat(100).strip());
            assertThat(oneLong.length()).isLessThanOrEqualTo(ReplyText.TEXT_CHARS);
            assertThat(oneLong).endsWith("word…");
        }
    }

    @Test
    void everyLanguageHasTheSameReplyTextKeys() {
        Set<String> english = ReplyWords.read("en").keySet();
        for (String language : Set.of("es", "fr", "de")) {
            assertThat(ReplyWords.read(language)).as(language).isNotNull();
            assertThat(ReplyWords.read(language).keySet()).as(language).isEqualTo(english);
            assertThat(ReplyWords.of(language).farewell()).as(language).isNotBlank();
        }
        assertThat(ReplyWords.of("it").language())
                .as("a language without the file speaks English")
                .isEqualTo("en");
    }
}
