package dev.frontdesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/** A question about the emergency service is answered; it is not an emergency and texts nobody. */
@ApiTest
@TestPropertySource(properties = "frontdesk.fixed-clock=2026-11-23T13:00:00Z")
class EmergencyQuestionsTest {

    @Autowired
    TestApi api;

    @ParameterizedTest(name = "\"{0}\" alerts nobody")
    @ValueSource(
            strings = {
                "do you offer emergency services?",
                "Do you do emergency call-outs on weekends?",
                "¿hacen servicio de urgencias?",
                "vous faites les urgences ?",
                "si jamais l'ouvrier se blesse chez moi pendant les travaux, qu'est-ce qui se passe ?"
            })
    void aQuestionAboutTheEmergencyServiceIsNotAnEmergency(String question) {
        TestBusiness business = say(question);
        assertThat(api.getJson("/api/outbox?channel=SMS", business, 200)
                        .get("total")
                        .asInt())
                .as("owner alerts")
                .isZero();
        assertThat(api.getJson("/api/conversations", business, 200)
                        .at("/items/0/emergency")
                        .asBoolean())
                .isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" is an emergency")
    @ValueSource(
            strings = {
                "my son slipped on the wet floor and he is bleeding, just in case something happens can you come",
                "mon fils s'est blessé avec le tuyau, il saigne, au cas où"
            })
    void aHurtToldBeforeAWhatIfIsStillAnEmergency(String words) {
        TestBusiness business = say(words);
        assertThat(api.getJson("/api/conversations", business, 200)
                        .at("/items/0/emergency")
                        .asBoolean())
                .isTrue();
    }

    private TestBusiness say(String question) {
        TestBusiness business = api.createBusiness("Calm plumbing");
        api.perform(
                api.as(business, post("/api/simulator/turns"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"" + question
                                + "\", \"channel\": \"SMS\", \"callerPhone\": \"+16175550123\"}"),
                200);
        return business;
    }
}
