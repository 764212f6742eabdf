package dev.frontdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How an erased person is found and scrubbed in stored text and JSON (event registry, webhook payloads, outbox). */
class PersonalTracesTest {

    static final PersonalTraces DANA =
            new PersonalTraces("Dana Whitlock", new PhoneNumber("+16175550181"), "dana.whitlock@example.com");

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theNumberIsFoundInEveryCommonSpellingAndTheNameAndEmailIgnoringCase() {
        assertThat(DANA.phoneForms())
                .contains("+16175550181", "16175550181", "6175550181", "(617) 555-0181", "+1 617-555-0181");
        for (String text : new String[] {
            "call me on 617 555 0181",
            "617.555.0181 after six",
            "+1 (617) 555-0181",
            "from DANA WHITLOCK",
            "mail Dana.Whitlock@Example.com"
        }) {
            assertThat(DANA.appearsIn(text)).as(text).isTrue();
        }
        assertThat(DANA.appearsIn("Dana from next door, +16175550182")).isFalse();
        assertThat(DANA.redact("Booked for Dana Whitlock, +16175550181, drain cleaning"))
                .isEqualTo("Booked for (erased), (erased), drain cleaning");
        assertThat(DANA.redact("ring 617.555.0181"))
                .as("a spelling not replaced: the whole text goes")
                .isEqualTo("(erased)");
        assertThat(new PersonalTraces("Al", new PhoneNumber("+16175550181"), null).likePatterns())
                .as("a name this short is not looked for")
                .noneMatch(p -> p.contains("al"));
    }

    @Test
    void aSerializedEventKeepsItsShapeWithoutThePerson() {
        JsonNode event = json.readTree("""
                {"appointment": {"id": {"value": "b54e"}, "businessId": {"value": "c134"},
                  "customer": {"name": "Dana Whitlock", "phone": {"e164": "+16175550181"},
                               "email": "dana.whitlock@example.com", "language": "en"},
                  "service": "Drain cleaning", "notes": "side door", "sequence": 0},
                 "customerPhone": "+16175550181", "calls": ["+16175550181", "CA12"]}""");
        assertThat(DANA.scrub(event)).isTrue();
        assertThat(event.toString())
                .isEqualTo("{\"appointment\":{\"id\":{\"value\":\"b54e\"},\"businessId\":{\"value\":\"c134\"},"
                        + "\"customer\":{\"name\":\"(erased)\",\"phone\":null,\"email\":null,\"language\":\"en\"},"
                        + "\"service\":\"Drain cleaning\",\"notes\":null,\"sequence\":0},"
                        + "\"customerPhone\":null,\"calls\":[null,\"CA12\"]}");

        JsonNode other = json.readTree("{\"customerPhone\": \"+16175550182\", \"notes\": \"side door\"}");
        assertThat(DANA.scrub(other)).as("another person's event is left alone").isFalse();
        assertThat(other.get("notes").asString()).isEqualTo("side door");
    }
}
