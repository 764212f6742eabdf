package dev.frontdesk.assistant.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolCatalogTest {

    static final ZoneId ZONE = ZoneId.of("America/New_York");

    final ToolCatalog catalog = new ToolCatalog();
    final FakeTools tools = new FakeTools();

    String run(String name, String arguments) {
        return catalog.execute(
                ToolExecutionRequest.builder()
                        .id("call_1")
                        .name(name)
                        .arguments(arguments)
                        .build(),
                tools,
                ZONE);
    }

    @Test
    void specifiesTheElevenToolsWithDescribedParameters() {
        assertThat(catalog.specifications())
                .extracting(ToolSpecification::name)
                .containsExactly(
                        "check_availability",
                        "book_appointment",
                        "reschedule_appointment",
                        "cancel_appointment",
                        "list_appointments",
                        "search_knowledge",
                        "take_message",
                        "transfer_call",
                        "flag_emergency",
                        "opt_out",
                        "end_call");
        for (ToolSpecification tool : catalog.specifications()) {
            assertThat(tool.description()).as(tool.name()).isNotBlank();
            assertThat(tool.parameters()).as(tool.name()).isNotNull();
            tool.parameters()
                    .properties()
                    .forEach((name, schema) -> assertThat(
                                    schema instanceof JsonStringSchema s
                                            ? s.description()
                                            : schema instanceof JsonEnumSchema e
                                                    ? e.description()
                                                    : ((JsonBooleanSchema) schema).description())
                            .as(tool.name() + "." + name)
                            .isNotBlank());
        }
        var book = catalog.specifications().get(1).parameters();
        assertThat(book.properties())
                .as("no emergency flag: the model cannot make a booking skip notice, caps and the morning reserve")
                .containsOnlyKeys("service", "start", "customer_name", "customer_phone", "customer_email");
        assertThat(book.required()).containsExactly("service", "start", "customer_name");
        assertThat(catalog.specifications().get(8).parameters().required())
                .containsExactly("description", "life_threatening");
        assertThat(catalog.specifications().get(4).parameters().properties()).isEmpty();
    }

    @Test
    void dispatchesEveryToolWithParsedArguments() {
        run("check_availability", "{\"service\":\"Boiler repair\",\"date\":\"2026-11-24\"}");
        run(
                "check_availability",
                "{\"service\":\"Boiler repair\",\"date\":\"2026-11-24\",\"from\":\"9:30\",\"to\":\"2026-11-24T16:00\"}");
        run(
                "book_appointment",
                "{\"service\":\"Boiler repair\",\"start\":\"2026-11-24 14:30\",\"customer_name\":\"Sam Lee\","
                        + "\"customer_phone\":\"+12125550100\",\"customer_email\":\"sam@example.com\","
                        + "\"emergency\":true}");
        run("reschedule_appointment", "{\"appointment_id\":\"a-1\",\"new_start\":\"2026-11-25T15:00:00Z\"}");
        run("cancel_appointment", "{\"appointment_id\":\"a-1\"}");
        run("list_appointments", null);
        run("search_knowledge", "{\"question\":\"Do you work weekends?\"}");
        run("take_message", "{\"caller_name\":\"Sam\",\"text\":\"Call me back\"}");
        run("transfer_call", "{\"target\":\"billing\"}");
        run("flag_emergency", "{\"description\":\"Gas smell\",\"life_threatening\":true}");
        run("end_call", "{}");

        assertThat(tools.calls)
                .containsExactly(
                        "check_availability(Boiler repair, 2026-11-24)",
                        "check_availability(Boiler repair, 2026-11-24, from 09:30, to 16:00)",
                        "book_appointment(Boiler repair, 2026-11-24T14:30, Sam Lee, +12125550100, sam@example.com)",
                        // 15:00 UTC is 10:00 in New York
                        "reschedule_appointment(a-1, 2026-11-25T10:00)",
                        "cancel_appointment(a-1)",
                        "list_appointments()",
                        "search_knowledge(Do you work weekends?)",
                        "take_message(Sam, Call me back)",
                        "transfer_call(billing)",
                        "flag_emergency(Gas smell, true)",
                        "end_call()");
    }

    @Test
    void returnsWhatTheToolSaid() {
        assertThat(run("check_availability", "{\"service\":\"Boiler repair\",\"date\":\"2026-11-24\"}"))
                .isEqualTo(tools.availability);
        assertThat(run("transfer_call", "{\"target\":\"Bob\"}")).startsWith("error:");
        assertThat(ToolCatalog.failed(run("transfer_call", "{\"target\":\"Bob\"}")))
                .isTrue();
        assertThat(ToolCatalog.failed(run("list_appointments", "{}"))).isFalse();
    }

    @Test
    void malformedCallsBecomeErrorResults() {
        assertThat(run("check_availability", "{not json")).startsWith("error:").contains("not a valid JSON");
        assertThat(run("check_availability", "[1,2]")).startsWith("error:").contains("not a valid JSON");
        assertThat(run("check_availability", "{\"service\":\"Boiler repair\"}"))
                .startsWith("error:")
                .contains("'date' is missing");
        assertThat(run("check_availability", "{\"service\":\"Boiler repair\",\"date\":\"next monday\"}"))
                .startsWith("error:")
                .contains("2026-11-24");
        assertThat(run("check_availability", "{\"service\":{\"name\":\"x\"},\"date\":\"2026-11-24\"}"))
                .startsWith("error:")
                .contains("'service' must be a string");
        assertThat(run("flag_emergency", "{\"description\":\"Gas\",\"life_threatening\":\"maybe\"}"))
                .startsWith("error:")
                .contains("true or false");
        assertThat(run("open_the_pod_bay_doors", "{}")).startsWith("error:").contains("no tool named");
        assertThat(run(null, "{}")).startsWith("error:");
        assertThat(tools.calls).isEmpty();
    }

    @Test
    void aToolThatThrowsBecomesAnErrorResult() {
        LlmTools broken = new FakeTools() {
            @Override
            public String listAppointments() {
                throw new IllegalStateException("database down");
            }

            @Override
            public String searchKnowledge(String question) {
                return null;
            }
        };
        String result = catalog.execute(
                ToolExecutionRequest.builder()
                        .id("c")
                        .name("list_appointments")
                        .arguments("{}")
                        .build(),
                broken,
                ZONE);
        assertThat(result).startsWith("error:").doesNotContain("database down");
        assertThat(catalog.execute(
                        ToolExecutionRequest.builder()
                                .id("c")
                                .name("search_knowledge")
                                .arguments("{\"question\":\"q\"}")
                                .build(),
                        broken,
                        ZONE))
                .isEqualTo("{\"ok\":true}");
    }

    @Test
    void longResultsAreCut() {
        tools.availability = "x".repeat(10_000);
        assertThat(run("check_availability", "{\"service\":\"s\",\"date\":\"2026-11-24\"}"))
                .hasSize(2000);
    }

    @Test
    void aDateTimeIsAcceptedForADate() {
        run("check_availability", "{\"service\":\"s\",\"date\":\"2026-11-24T00:00\"}");
        assertThat(tools.calls).containsExactly("check_availability(s, " + LocalDate.of(2026, 11, 24) + ")");
    }

    @Test
    void aBusinessesServicesAreAnEnumOfTheToolsThatTakeAService() {
        var facts = new BusinessFacts(
                List.of(
                        new BusinessFacts.Service("Drain cleaning", 60, "from $120", List.of()),
                        new BusinessFacts.Service("Leak repair", 90, null, List.of("leak"))),
                null,
                null,
                30,
                120,
                60,
                null,
                "911");

        List<ToolSpecification> tools = catalog.specifications(facts);

        for (int i : new int[] {0, 1}) {
            assertThat(tools.get(i).parameters().properties().get("service"))
                    .as(tools.get(i).name())
                    .isInstanceOfSatisfying(
                            JsonEnumSchema.class,
                            e -> assertThat(e.enumValues()).containsExactly("Drain cleaning", "Leak repair"));
        }
        assertThat(tools.get(0).parameters().properties()).containsKeys("from", "to");
        assertThat(catalog.specifications(BusinessFacts.unknown())).isSameAs(catalog.specifications());
        assertThat(run("check_availability", "{\"service\":\"s\",\"date\":\"2026-11-24\",\"from\":\"after lunch\"}"))
                .startsWith("error:")
                .contains("'from' must be a time of day like 14:00");
    }
}
