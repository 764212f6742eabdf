package dev.frontdesk.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import dev.frontdesk.tenants.BusinessId;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Answering callers from the knowledge base with the real embedding model (loaded once for the whole
 * Spring context, shared with the other API tests): only answers stored by the business itself, word for
 * word, and nothing when nothing fits.
 */
@ApiTest
class KnowledgeSearchTest {

    static final String PRICES = "Prices: our call-out fee is $89, which includes the first 30 minutes of work."
            + " After that, labour is $95 per hour. Parts are charged at cost plus 15%. Drain cleaning starts at"
            + " $120.";
    static final String ABOUT = "Acme Plumbing is a family-owned plumber in Boston, founded in 1998. We fix leaks,"
            + " unclog drains, install water heaters and renovate bathrooms.";
    static final String PARKING =
            "Parking: our vans need a parking spot near your home; please let us know about" + " permits.";

    @Autowired
    TestApi api;

    @Autowired
    KnowledgeBase knowledgeBase;

    TestBusiness business;
    String serviceArea;
    String payments;
    String insurance;
    String estimates;
    String freeText;

    @BeforeEach
    void fillTheKnowledgeBase() {
        business = api.createBusiness("Acme Plumbing");
        serviceArea = add(
                business,
                KnowledgeApiTest.qa(
                        "What areas do you serve?",
                        "We cover Boston, Cambridge, Somerville, Brookline and Newton.",
                        "area"));
        insurance = add(
                business,
                KnowledgeApiTest.qa(
                        "Are you licensed and insured?", "Yes, we are fully licensed (MA license 12345) and insured."));
        add(
                business,
                KnowledgeApiTest.qa(
                        "Do you offer emergency service?",
                        "Yes, we answer emergencies 24/7. Emergency call-outs are billed at time and a half."));
        payments = add(
                business,
                KnowledgeApiTest.qa(
                        "What forms of payment do you accept?", "We accept cash, checks, and all major credit cards."));
        estimates = add(
                business,
                KnowledgeApiTest.qa("Do you give free estimates?", "Estimates are free for jobs over $500.", "prices"));
        freeText = add(business, KnowledgeApiTest.text(ABOUT + "\\n\\n" + PRICES + "\\n\\n" + PARKING, "info"));
    }

    private String add(TestBusiness who, String body) {
        return api.read(api.perform(
                        api.as(who, post("/api/knowledge"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body),
                        201))
                .get("id")
                .asString();
    }

    private JsonNode search(TestBusiness who, String question) {
        return api.read(api.perform(api.as(who, get("/api/knowledge/search").param("q", question)), 200));
    }

    private Optional<KnowledgeAnswer> answer(TestBusiness who, String question) {
        return knowledgeBase.answer(BusinessId.parse(who.id()).orElseThrow(), question);
    }

    @Test
    void aPlaceInTheServiceAreaFindsTheServiceAreaEntry() {
        JsonNode found = search(business, "do you work in Cambridge?");
        assertThat(found.get("found").asBoolean()).isTrue();
        assertThat(found.get("entryId").asString()).isEqualTo(serviceArea);
        assertThat(found.get("answer").asString())
                .isEqualTo("We cover Boston, Cambridge, Somerville, Brookline and Newton.");
        assertThat(found.get("matchedQuestion").asString()).isEqualTo("What areas do you serve?");
        assertThat(found.get("source").asString()).isEqualTo("QUESTION");
        assertThat(found.get("score").asDouble()).isBetween(KnowledgeBase.QUESTION_THRESHOLD, 1.0);
    }

    @Test
    void aPlaceSaidInPassingFindsTheOneAnswerThatNamesIt() {
        String question = "ok and uh you do brookline right thats where the house is";
        assertThat(knowledgeBase.answerNaming(BusinessId.parse(business.id()).orElseThrow(), question))
                .map(KnowledgeAnswer::entryId)
                .hasValue(uuid(serviceArea));
        assertThat(knowledgeBase.answerNaming(
                        BusinessId.parse(business.id()).orElseThrow(), "who won the game last night"))
                .isEmpty();
    }

    @Test
    void paraphrasesFindTheRightQuestion() {
        assertThat(answer(business, "are you insured?"))
                .map(KnowledgeAnswer::entryId)
                .hasValue(uuid(insurance));
        assertThat(answer(business, "can I pay with a credit card?"))
                .map(KnowledgeAnswer::entryId)
                .hasValue(uuid(payments));
        assertThat(answer(business, "is the estimate free?"))
                .map(KnowledgeAnswer::entryId)
                .hasValue(uuid(estimates));
    }

    @Test
    void theSameQuestionMatchesExactlyWhateverItsCaseAndPunctuation() {
        KnowledgeAnswer exact =
                answer(business, "  DO you give FREE estimates ").orElseThrow();
        assertThat(exact.entryId()).isEqualTo(uuid(estimates));
        assertThat(exact.score()).isEqualTo(1.0);
        assertThat(exact.answer()).isEqualTo("Estimates are free for jobs over $500.");
        assertThat(exact.matchedQuestion()).isEqualTo("Do you give free estimates?");
    }

    @Test
    void unrelatedQuestionsFindNothing() {
        for (String question : new String[] {
            "what's the capital of France",
            "who won the game last night",
            "tell me a joke",
            "can you recommend a good restaurant",
            "what's the weather tomorrow"
        }) {
            JsonNode result = search(business, question);
            assertThat(result.get("found").asBoolean()).as(question).isFalse();
            assertThat(result.propertyNames()).containsExactly("found");
        }
    }

    @Test
    void aPassageOfFreeTextAnswersAboutPrices() {
        JsonNode found = search(business, "how much do you charge to come out");
        assertThat(found.get("found").asBoolean()).isTrue();
        assertThat(found.get("entryId").asString()).isEqualTo(freeText);
        assertThat(found.get("source").asString()).isEqualTo("PASSAGE");
        assertThat(found.has("matchedQuestion")).isFalse();
        assertThat(found.get("answer").asString())
                .as("the passage, word for word, not the whole text")
                .isEqualTo(PRICES);
        assertThat(search(business, "where can I park").get("answer").asString())
                .isEqualTo(PARKING);
    }

    @Test
    void anEditIsAnsweredAtOnce() {
        String question = "are the estimates free?";
        assertThat(answer(business, question))
                .map(KnowledgeAnswer::answer)
                .hasValue("Estimates are free for jobs over $500.");
        api.patchJson("/api/knowledge/" + estimates, business, "{\"answer\": \"Estimates are always free.\"}", 200);
        assertThat(answer(business, question)).map(KnowledgeAnswer::answer).hasValue("Estimates are always free.");

        api.perform(api.as(business, delete("/api/knowledge/" + estimates)), 204);
        assertThat(answer(business, question).map(KnowledgeAnswer::entryId)).isNotEqualTo(Optional.of(uuid(estimates)));

        assertThat(answer(business, "do you do roofing")).isEmpty();
        String roofing = add(business, KnowledgeApiTest.qa("Do you do roofing?", "No, we only do plumbing."));
        assertThat(answer(business, "do you do roofing"))
                .map(KnowledgeAnswer::entryId)
                .hasValue(uuid(roofing));
    }

    @Test
    void anotherBusinessesEntriesAreNeverUsed() {
        TestBusiness other = api.createBusiness("Other Plumbing");
        assertThat(search(other, "do you work in Cambridge?").get("found").asBoolean())
                .isFalse();
        assertThat(answer(other, "What areas do you serve?")).isEmpty();
        assertThat(answer(other, "how much do you charge to come out")).isEmpty();

        String own = add(other, KnowledgeApiTest.qa("What areas do you serve?", "Only Worcester."));
        assertThat(answer(other, "do you work in Cambridge?"))
                .map(KnowledgeAnswer::entryId)
                .isNotEqualTo(Optional.of(uuid(serviceArea)));
        assertThat(answer(other, "What areas do you serve?"))
                .map(KnowledgeAnswer::answer)
                .hasValue("Only Worcester.");
        assertThat(answer(business, "What areas do you serve?"))
                .map(KnowledgeAnswer::entryId)
                .hasValue(uuid(serviceArea));
        assertThat(own).isNotEqualTo(serviceArea);
    }

    private static java.util.UUID uuid(String id) {
        return java.util.UUID.fromString(id);
    }
}
