package dev.frontdesk.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TenantIsolation;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/** The knowledge API as a business uses it: entries, validation, paging and filters, isolation. */
@ApiTest
class KnowledgeApiTest {

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    TestBusiness business;

    @BeforeEach
    void createBusiness() {
        business = api.createBusiness("Knower");
    }

    private MvcResult add(TestBusiness who, String body, int status) {
        return api.perform(
                api.as(who, post("/api/knowledge"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                status);
    }

    private JsonNode create(String body) {
        return api.read(add(business, body, 201));
    }

    static String qa(String question, String answer, String... tags) {
        return """
                {"question": "%s", "answer": "%s", "tags": [%s]}""".formatted(question, answer, tagList(tags));
    }

    static String text(String answer, String... tags) {
        return """
                {"answer": "%s", "tags": [%s]}""".formatted(answer, tagList(tags));
    }

    private static String tagList(String... tags) {
        return String.join(
                ", ", List.of(tags).stream().map(t -> "\"" + t + "\"").toList());
    }

    @Test
    void aQuestionAndAnswerIsCreatedReadAndLocated() {
        MvcResult result = add(
                business,
                qa("  Do you give free estimates? ", "Yes, estimates are free for jobs over $500.", "prices", "Prices"),
                201);
        JsonNode created = api.read(result);
        String id = created.get("id").asString();
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/knowledge/" + id);
        assertThat(created.get("question").asString()).isEqualTo("Do you give free estimates?");
        assertThat(created.get("answer").asString()).isEqualTo("Yes, estimates are free for jobs over $500.");
        assertThat(created.get("tags").valueStream().map(JsonNode::asString))
                .as("tags are distinct regardless of case")
                .containsExactly("prices");
        assertThat(created.has("createdAt")).isTrue();
        assertThat(api.getJson("/api/knowledge/" + id, business, 200)).isEqualTo(created);
    }

    @Test
    void freeTextHasNoQuestionAndIsSplitIntoPassages() {
        String paragraph = "We are a family business founded in 1998 in Boston. "
                .repeat(12)
                .strip();
        JsonNode created = create(text("About us:\\n\\n" + paragraph + "\\n\\nOpen Monday to Friday.", "about"));
        assertThat(created.get("question").isNull()).isTrue();
        assertThat(created.get("answer").asString()).startsWith("About us:");
        List<String> passages = jdbc.sql(
                        "SELECT content FROM knowledge_passage WHERE entry_id = CAST(:id AS UUID) ORDER BY ordinal")
                .param("id", created.get("id").asString())
                .query(String.class)
                .list();
        assertThat(passages)
                .hasSizeGreaterThan(1)
                .allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(500));
        assertThat(passages.getFirst()).startsWith("About us:\nWe are a family business");
    }

    @Test
    void invalidEntriesAreRefusedWithEveryBadFieldAndNothingIsWritten() {
        JsonNode problem = api.read(add(business, """
                {"question": "%s", "answer": " ", "tags": ["ok", "", "%s", "50%% off"]}""".formatted("q".repeat(501), "t".repeat(41)), 400));
        assertThat(problem.get("type").asString()).isEqualTo("https://frontdesk.dev/problems/validation");
        assertThat(fields(problem)).containsExactly("question", "answer", "tags[1]", "tags[2]", "tags[3]");

        assertThat(fields(api.read(add(business, qa("Long?", "a".repeat(4001)), 400))))
                .containsExactly("answer");
        add(business, qa("Long enough?", "a".repeat(4000)), 201);
        assertThat(fields(api.read(add(business, text("a".repeat(20_001)), 400))))
                .containsExactly("answer");
        String manyTags = String.join(
                ", ",
                java.util.stream.IntStream.range(0, 21)
                        .mapToObj(i -> "\"t" + i + "\"")
                        .toList());
        assertThat(fields(api.read(add(business, "{\"answer\": \"A\", \"tags\": [" + manyTags + "]}", 400))))
                .containsExactly("tags");
        assertThat(fields(api.read(add(business, "{}", 400)))).containsExactly("answer");
        assertThat(api.read(add(business, "{\"answer\": \"A\", \"colour\": \"red\"}", 400))
                        .get("type")
                        .asString())
                .isEqualTo("https://frontdesk.dev/problems/malformed-body");

        assertThat(entriesOf(business)).isEqualTo(1);
        assertThat(passagesOf(business)).isZero();
    }

    @Test
    void anAnswerIsKeptInOtherLanguagesAndRefusedWhenItCannotBeOne() {
        JsonNode created = create("""
                {"question": "Do you take cards?", "answer": "Yes, all major cards.",
                 "translations": {"es": " Sí, todas las tarjetas. ", "fr-CA": "Oui, toutes les cartes."}}""");
        assertThat(created.at("/translations/es").asString()).isEqualTo("Sí, todas las tarjetas.");
        assertThat(created.at("/translations/fr-CA").asString()).isEqualTo("Oui, toutes les cartes.");
        String path = "/api/knowledge/" + created.get("id").asString();
        assertThat(api.getJson(path, business, 200)).isEqualTo(created);

        JsonNode patched = api.patchJson(path, business, "{\"translations\": {\"fr\": \"Oui.\"}}", 200);
        assertThat(patched.get("translations").propertyNames()).containsExactly("fr");
        assertThat(patched.get("answer").asString()).as("the rest stays").isEqualTo("Yes, all major cards.");

        assertThat(fields(api.read(add(business, """
                {"question": "Q?", "answer": "A.", "translations": {"spanish": "Sí.", "fr": " "}}""", 400))))
                .containsExactlyInAnyOrder("translations.spanish", "translations.fr");
        assertThat(fields(api.read(add(business, """
                {"answer": "Free text.", "translations": {"es": "Texto."}}""", 400))))
                .as("free text is searched by its passages and has no translated answer")
                .containsExactly("translations");
        assertThat(fields(api.patchJson(path, business, "{\"translations\": [\"es\"]}", 400)))
                .containsExactly("translations");
        assertThat(entriesOf(business)).isEqualTo(1);
    }

    @Test
    void patchReplacesOnlyTheMembersGiven() {
        String id = create(qa("Do you give free estimates?", "Free over $500.", "prices"))
                .get("id")
                .asString();
        String path = "/api/knowledge/" + id;

        JsonNode changed = api.patchJson(path, business, "{\"answer\": \"Always free.\"}", 200);
        assertThat(changed.get("question").asString()).isEqualTo("Do you give free estimates?");
        assertThat(changed.get("answer").asString()).isEqualTo("Always free.");
        assertThat(changed.get("tags").valueStream().map(JsonNode::asString)).containsExactly("prices");

        JsonNode retagged = api.patchJson(path, business, "{\"tags\": [\"estimates\", \"sales\"]}", 200);
        assertThat(retagged.get("tags").valueStream().map(JsonNode::asString)).containsExactly("estimates", "sales");
        assertThat(retagged.get("answer").asString()).isEqualTo("Always free.");

        JsonNode text = api.patchJson(path, business, "{\"question\": null, \"tags\": null}", 200);
        assertThat(text.get("question").isNull()).isTrue();
        assertThat(text.get("tags")).isEmpty();
        assertThat(passagesOf(business)).as("free text now has passages").isEqualTo(1);

        JsonNode before = api.getJson(path, business, 200);
        JsonNode problem = api.patchJson(path, business, "{\"answer\": \"\", \"tags\": [\"\"], \"x\": 1}", 400);
        assertThat(fields(problem)).containsExactly("x");
        problem = api.patchJson(path, business, "{\"answer\": \"\", \"tags\": [\"\"]}", 400);
        assertThat(fields(problem)).containsExactly("answer", "tags[0]");
        assertThat(fields(api.patchJson(path, business, "{\"question\": 42, \"tags\": \"a\"}", 400)))
                .containsExactly("question", "tags");
        assertThat(api.getJson(path, business, 200)).isEqualTo(before);
    }

    @Test
    void deleteRemovesTheEntryAndItsPassages() {
        String id = create(text("Our vans need a parking spot near your home."))
                .get("id")
                .asString();
        api.perform(api.as(business, delete("/api/knowledge/" + id)), 204);
        api.perform(api.as(business, get("/api/knowledge/" + id)), 404);
        api.perform(api.as(business, delete("/api/knowledge/" + id)), 404);
        api.perform(api.as(business, get("/api/knowledge/not-a-uuid")), 404);
        assertThat(entriesOf(business)).isZero();
        assertThat(passagesOf(business)).isZero();
    }

    @Test
    void listingPagesAndFiltersByTagAndText() {
        create(qa("Do you give free estimates?", "Free over $500.", "Prices", "sales"));
        create(qa("Are you insured?", "Yes, fully insured.", "trust"));
        create(text("Call-out fee $89, then $95 per hour; 10% off for seniors.", "prices"));
        create(qa("Do you offer emergency service?", "Yes, 24/7.", "emergency"));
        create(qa("What forms of payment do you accept?", "Cash and cards.", "prices_old"));

        JsonNode all = api.getJson("/api/knowledge", business, 200);
        assertThat(all.get("total").asInt()).isEqualTo(5);
        assertThat(all.get("page").asInt()).isEqualTo(1);
        assertThat(all.get("pageSize").asInt()).isEqualTo(50);
        assertThat(all.at("/items/0").propertyNames()).contains("id", "question", "answer", "tags");

        JsonNode page2 = api.getJson("/api/knowledge?pageSize=2&page=2", business, 200);
        assertThat(page2.get("items")).hasSize(2);
        assertThat(page2.get("total").asInt()).isEqualTo(5);
        assertThat(api.getJson("/api/knowledge?pageSize=2&page=3", business, 200)
                        .get("items"))
                .hasSize(1);

        JsonNode prices = api.getJson("/api/knowledge?tag=PRICES", business, 200);
        assertThat(prices.get("total").asInt()).as("whole tags only, any case").isEqualTo(2);
        assertThat(api.getJson("/api/knowledge?tag=price", business, 200)
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(api.getJson("/api/knowledge?q=INSURED", business, 200)
                        .get("items")
                        .valueStream()
                        .map(i -> i.get("question").asString()))
                .containsExactly("Are you insured?");
        assertThat(api.getJson("/api/knowledge?q=$89", business, 200)
                        .get("total")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.read(api.perform(api.as(business, get("/api/knowledge").param("q", "%")), 200))
                        .get("total")
                        .asInt())
                .as("% and _ are characters, not wildcards")
                .isEqualTo(1);
        assertThat(api.read(api.perform(api.as(business, get("/api/knowledge").param("q", "_")), 200))
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(api.getJson("/api/knowledge?tag=prices&q=free", business, 200)
                        .get("total")
                        .asInt())
                .isEqualTo(1);

        api.perform(api.as(business, get("/api/knowledge?pageSize=101")), 400);
        api.perform(api.as(business, get("/api/knowledge?page=0")), 400);
        assertThat(fields(api.getJson("/api/knowledge?tag=a,b", business, 400))).containsExactly("tag");
    }

    @Test
    void searchNeedsAQuestion() {
        assertThat(fields(api.getJson("/api/knowledge/search", business, 400))).containsExactly("q");
        assertThat(fields(api.getJson("/api/knowledge/search?q=" + "a".repeat(1001), business, 400)))
                .containsExactly("q");
        JsonNode nothing = api.getJson("/api/knowledge/search?q=anything", business, 200);
        assertThat(nothing.get("found").asBoolean())
                .as("an empty knowledge base knows nothing")
                .isFalse();
        assertThat(nothing.propertyNames()).containsExactly("found");
    }

    @Test
    void anotherBusinessCannotSeeOrTouchAnEntry() {
        TestBusiness other = api.createBusiness("Nosy");
        String id = create(qa("Are you insured?", "Yes, fully insured.", "trust"))
                .get("id")
                .asString();
        TenantIsolation.assertInvisibleToOtherBusiness(
                api, business, other, "/api/knowledge/" + id, "{\"answer\": \"hijacked\"}", true, "{}");
        assertThat(api.getJson("/api/knowledge", other, 200).get("total").asInt())
                .isZero();
        assertThat(api.getJson("/api/knowledge?q=insured", other, 200)
                        .get("total")
                        .asInt())
                .isZero();
    }

    @Test
    void theKeyIsRequired() {
        api.perform(get("/api/knowledge"), 401);
        api.perform(
                post("/api/knowledge").contentType(MediaType.APPLICATION_JSON).content(text("x")), 401);
    }

    private static List<String> fields(JsonNode problem) {
        return problem.get("errors")
                .valueStream()
                .map(e -> e.get("field").asString())
                .toList();
    }

    private long entriesOf(TestBusiness who) {
        return jdbc.sql("SELECT COUNT(*) FROM knowledge_entry WHERE business_id = CAST(:id AS UUID)")
                .param("id", who.id())
                .query(Long.class)
                .single();
    }

    private long passagesOf(TestBusiness who) {
        return jdbc.sql("SELECT COUNT(*) FROM knowledge_passage WHERE business_id = CAST(:id AS UUID)")
                .param("id", who.id())
                .query(Long.class)
                .single();
    }
}
