package dev.frontdesk.dashboard;

import static dev.frontdesk.dashboard.DashboardConversationsTest.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import tools.jackson.databind.JsonNode;

/**
 * The knowledge base editor: the list and its search, adding, changing and deleting entries with their
 * translated answers, the knowledge API's errors shown beside the fields, and testing a question.
 */
@DashboardTest
class DashboardKnowledgeTest {

    @Autowired
    TestApi api;

    @Autowired
    Dashboard dashboard;

    String addEntry(TestBusiness business, String json) {
        JsonNode created = api.read(api.perform(
                api.as(business, post("/api/knowledge"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json),
                201));
        return created.get("id").asString();
    }

    JsonNode entries(TestBusiness business) {
        return api.read(api.perform(api.as(business, get("/api/knowledge")), 200))
                .get("items");
    }

    @Test
    void theListShowsQuestionsAndFreeTextAndTheSearchNarrowsIt() {
        TestBusiness business = api.createBusiness("Knowledge list plumbing");
        addEntry(business, """
                {"question": "Do you work weekends?", "answer": "Yes, on Saturdays from 9 to 1.",
                 "tags": ["hours"], "translations": {"es": "Si, los sabados de 9 a 1."}}""");
        addEntry(business, """
                {"answer": "Parking is free behind the shop on Mill Lane."}""");
        MockHttpSession viewer = dashboard.signedIn(business, "VIEWER");

        String page = body(api.perform(get("/knowledge").session(viewer), 200));
        assertThat(page)
                .contains("<h1>Knowledge base</h1>")
                .contains("Do you work weekends?", "Yes, on Saturdays from 9 to 1.", "<td>es</td>", "<td>hours</td>")
                .contains("Free text", "Parking is free behind the shop on Mill Lane.")
                .doesNotContain("Add an entry");

        String searched =
                body(api.perform(get("/knowledge").param("q", "PARKING").session(viewer), 200));
        assertThat(searched).contains("Mill Lane").doesNotContain("Do you work weekends?");
        assertThat(body(api.perform(get("/knowledge").param("q", "boilers").session(viewer), 200)))
                .contains("No entries match.");
    }

    @Test
    void staffAddAnEntryWithTranslationsThenChangeItThenDeleteIt() {
        TestBusiness business = api.createBusiness("Knowledge editing plumbing");
        MockHttpSession staff = dashboard.signedIn(business, "STAFF");
        assertThat(body(api.perform(get("/knowledge/new").session(staff), 200)))
                .contains("New knowledge entry", "name=\"language\"", "name=\"translation\"");

        var created = api.perform(
                post("/knowledge")
                        .session(staff)
                        .with(csrf())
                        .param("question", "Are you insured?")
                        .param("answer", "Yes, fully insured for 2 million.")
                        .param("tags", "insurance, trust")
                        .param("language", "es", "fr", "")
                        .param("translation", "Si, totalmente asegurados.", "Oui, entierement assures.", ""),
                302);
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/knowledge?saved");
        JsonNode entry = entries(business).get(0);
        assertThat(entry.get("question").asString()).isEqualTo("Are you insured?");
        assertThat(entry.get("tags").toString()).isEqualTo("[\"insurance\",\"trust\"]");
        assertThat(entry.get("translations").get("es").asString()).isEqualTo("Si, totalmente asegurados.");
        assertThat(entry.get("translations").get("fr").asString()).isEqualTo("Oui, entierement assures.");
        String id = entry.get("id").asString();

        String form = body(api.perform(get("/knowledge/" + id).session(staff), 200));
        assertThat(form)
                .contains("Edit knowledge entry", "value=\"Are you insured?\"", "value=\"es\"", "value=\"fr\"")
                .contains("Si, totalmente asegurados.", "Delete this entry");

        api.perform(
                post("/knowledge/" + id)
                        .session(staff)
                        .with(csrf())
                        .param("question", "Are you insured?")
                        .param("answer", "Yes, insured for 5 million.")
                        .param("tags", "")
                        .param("language", "es", "", "")
                        .param("translation", "Si, asegurados por 5 millones.", "", ""),
                302);
        entry = entries(business).get(0);
        assertThat(entry.get("answer").asString()).isEqualTo("Yes, insured for 5 million.");
        assertThat(entry.get("tags").size()).isZero();
        assertThat(entry.get("translations").properties()).hasSize(1);

        var deleted =
                api.perform(post("/knowledge/" + id + "/delete").session(staff).with(csrf()), 302);
        assertThat(deleted.getResponse().getRedirectedUrl()).isEqualTo("/knowledge?deleted");
        assertThat(entries(business).size()).isZero();
        api.perform(get("/knowledge/" + id).session(staff), 404);
    }

    @Test
    void theKnowledgeApisErrorsAreShownBesideTheFieldsAndNothingIsSaved() {
        TestBusiness business = api.createBusiness("Knowledge errors plumbing");
        MockHttpSession owner = dashboard.signedIn(business, "OWNER");

        String page = body(api.perform(
                post("/knowledge")
                        .session(owner)
                        .with(csrf())
                        .param("question", "Do you fix boilers?")
                        .param("answer", "  ")
                        .param("language", "spanish", "fr")
                        .param("translation", "Si.", ""),
                400));
        assertThat(page)
                .contains("Nothing was saved")
                .contains("id=\"answer-error\"", "Answer must not be empty")
                .contains("Translation spanish must be a language code such as es, fr or es-MX")
                .contains("Translation fr must not be empty")
                .contains("value=\"Do you fix boilers?\"", "value=\"spanish\"")
                .contains("aria-invalid=\"true\"");
        assertThat(entries(business).size()).isZero();

        String freeText = body(api.perform(
                post("/knowledge")
                        .session(owner)
                        .with(csrf())
                        .param("question", "")
                        .param("answer", "We cover Bristol and Bath.")
                        .param("language", "es")
                        .param("translation", "Cubrimos Bristol y Bath."),
                400));
        assertThat(freeText).contains("only a Q&amp;A entry (with a question) has translated answers");
        assertThat(entries(business).size()).isZero();
    }

    @Test
    void testingAQuestionShowsTheAnswerTheMatchedQuestionAndTheTranslation() {
        TestBusiness business = api.createBusiness("Knowledge test plumbing");
        addEntry(business, """
                {"question": "Do you work weekends?", "answer": "Yes, on Saturdays from 9 to 1.",
                 "translations": {"es": "Si, los sabados de 9 a 1."}}""");
        MockHttpSession viewer = dashboard.signedIn(business, "VIEWER");

        String english = body(api.perform(
                get("/knowledge/test").param("question", "do you work weekends").session(viewer), 200));
        assertThat(english)
                .contains("The assistant would answer:", "Yes, on Saturdays from 9 to 1.")
                .contains("<dd>Do you work weekends?</dd>", "1.00 (1 is an exact match)");

        String spanish = body(api.perform(
                get("/knowledge/test")
                        .param("question", "Do you work weekends?")
                        .param("language", "es-MX")
                        .header("HX-Request", "true")
                        .session(viewer),
                200));
        assertThat(spanish)
                .doesNotContain("<html")
                .contains("(in Spanish)", "Si, los sabados de 9 a 1.", "The translation of:");

        String none = body(api.perform(
                get("/knowledge/test")
                        .param("question", "Can you recommend a good restaurant?")
                        .session(viewer),
                200));
        assertThat(none).contains("No answer — the assistant would say it does not know and offer to take a message");
    }

    @Test
    void aViewerSeesEntriesButCannotAddChangeOrDeleteThem() {
        TestBusiness business = api.createBusiness("Knowledge viewer plumbing");
        String id = addEntry(business, """
                {"question": "Are you insured?", "answer": "Yes."}""");
        MockHttpSession viewer = dashboard.signedIn(business, "VIEWER");

        assertThat(body(api.perform(get("/knowledge/" + id).session(viewer), 200)))
                .contains("Knowledge entry", "disabled")
                .doesNotContain("Delete this entry", ">Save<");
        api.perform(
                post("/knowledge")
                        .session(viewer)
                        .with(csrf())
                        .param("question", "Q?")
                        .param("answer", "A."),
                403);
        api.perform(
                post("/knowledge/" + id)
                        .session(viewer)
                        .with(csrf())
                        .param("question", "Changed?")
                        .param("answer", "Changed."),
                403);
        api.perform(post("/knowledge/" + id + "/delete").session(viewer).with(csrf()), 403);
        JsonNode entry = entries(business).get(0);
        assertThat(entry.get("question").asString()).isEqualTo("Are you insured?");
    }
}
