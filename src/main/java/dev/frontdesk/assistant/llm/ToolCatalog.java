package dev.frontdesk.assistant.llm;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ten tools as LangChain4j function specifications, and the dispatch of the model's calls to
 * {@link LlmTools}. A malformed call (unknown tool, arguments that are not a JSON object, a missing or
 * unreadable argument) and a tool that throws never raise: the result is a string starting with
 * {@link LlmTools#ERROR_PREFIX} telling the model what was wrong, so it can correct itself.
 */
public final class ToolCatalog {

    public static final String CHECK_AVAILABILITY = "check_availability";
    public static final String BOOK_APPOINTMENT = "book_appointment";
    public static final String RESCHEDULE_APPOINTMENT = "reschedule_appointment";
    public static final String CANCEL_APPOINTMENT = "cancel_appointment";
    public static final String LIST_APPOINTMENTS = "list_appointments";
    public static final String SEARCH_KNOWLEDGE = "search_knowledge";
    public static final String TAKE_MESSAGE = "take_message";
    public static final String TRANSFER_CALL = "transfer_call";
    public static final String FLAG_EMERGENCY = "flag_emergency";
    public static final String OPT_OUT = "opt_out";
    public static final String END_CALL = "end_call";

    private static final Logger log = LoggerFactory.getLogger(ToolCatalog.class);
    private static final int MAX_RESULT = 2000;
    private static final String DATE = "YYYY-MM-DD";
    private static final String DATE_TIME = "YYYY-MM-DDTHH:MM, local time of the business";
    private static final String TIME = "HH:MM, local time of the business";

    private final JsonMapper json = JsonMapper.shared();
    private final List<ToolSpecification> specifications = build(List.of());

    private static List<ToolSpecification> build(List<String> services) {
        return List.of(
                tool(
                        CHECK_AVAILABILITY,
                        "Lists the free start times for a service on one day, optionally between two times of day. Use"
                                + " it before offering or booking a time.",
                        withService(services)
                                .addStringProperty("date", "The day, " + DATE)
                                .addStringProperty("from", "Optional: only times from this time of day, " + TIME)
                                .addStringProperty("to", "Optional: only times before this time of day, " + TIME)
                                .required("service", "date")),
                tool(
                        BOOK_APPOINTMENT,
                        "Books an appointment for the caller. Only call it after the caller confirmed the service, day,"
                                + " time and their name.",
                        withService(services)
                                .addStringProperty("start", "The start, " + DATE_TIME + ", e.g. 2026-11-24T10:30")
                                .addStringProperty("customer_name", "The caller's full name")
                                .addStringProperty(
                                        "customer_phone",
                                        "The caller's phone number, only when the caller's number is not already known")
                                .addStringProperty("customer_email", "The caller's email address, if they gave one")
                                .required("service", "start", "customer_name")),
                tool(
                        RESCHEDULE_APPOINTMENT,
                        "Moves one of the caller's own appointments to a new time, after the caller confirmed it.",
                        JsonObjectSchema.builder()
                                .addStringProperty("appointment_id", "The id from list_appointments")
                                .addStringProperty("new_start", "The new start, " + DATE_TIME)
                                .required("appointment_id", "new_start")),
                tool(
                        CANCEL_APPOINTMENT,
                        "Cancels one of the caller's own appointments, after the caller confirmed it.",
                        JsonObjectSchema.builder()
                                .addStringProperty("appointment_id", "The id from list_appointments")
                                .required("appointment_id")),
                tool(
                        LIST_APPOINTMENTS,
                        "Lists the caller's own upcoming appointments, with their ids.",
                        JsonObjectSchema.builder()),
                tool(
                        SEARCH_KNOWLEDGE,
                        "Looks up the business's own answer to a question (prices, opening hours, service area,"
                                + " policies). Use it for every factual question; never guess.",
                        JsonObjectSchema.builder()
                                .addStringProperty("question", "The caller's question, in their words")
                                .required("question")),
                tool(
                        TAKE_MESSAGE,
                        "Passes a message from the caller to the business owner.",
                        JsonObjectSchema.builder()
                                .addStringProperty("caller_name", "The caller's name")
                                .addStringProperty("text", "The message, complete and in the caller's words")
                                .required("caller_name", "text")),
                tool(
                        TRANSFER_CALL,
                        "Transfers the caller to a person or department. If nobody is available, offer to take a"
                                + " message.",
                        JsonObjectSchema.builder()
                                .addStringProperty("target", "Who the caller wants: a name, a department or 'anyone'")
                                .required("target")),
                tool(
                        FLAG_EMERGENCY,
                        "Alerts the business owner at once about an emergency (flooding, gas smell, no heat, danger).",
                        JsonObjectSchema.builder()
                                .addStringProperty("description", "What is happening and where, in a sentence")
                                .addBooleanProperty(
                                        "life_threatening", "True if someone may be in danger (gas, fire, injury)")
                                .required("description", "life_threatening")),
                tool(
                        OPT_OUT,
                        "Records that the caller does not want to be texted or called by the business again; use it"
                                + " when they ask to stop, in any words.",
                        JsonObjectSchema.builder()),
                tool(END_CALL, "Ends the conversation after saying goodbye.", JsonObjectSchema.builder()));
    }

    /** The parameters of a tool about a service: the business's service names as an enum when known. */
    private static JsonObjectSchema.Builder withService(List<String> services) {
        String description = "The service, as the business names it";
        return services.isEmpty()
                ? JsonObjectSchema.builder().addStringProperty("service", description)
                : JsonObjectSchema.builder().addEnumProperty("service", services, description);
    }

    /** The specifications without a business's services (the {@code service} parameter is then free text). */
    public List<ToolSpecification> specifications() {
        return specifications;
    }

    /** The specifications to send with every request of a business, in a stable order. */
    public List<ToolSpecification> specifications(BusinessFacts business) {
        return business.services().isEmpty() ? specifications : build(business.serviceNames());
    }

    /** Runs one call of the model; never throws. */
    public String execute(ToolExecutionRequest request, LlmTools tools, ZoneId zone) {
        String name = request.name() == null ? "" : request.name().trim();
        JsonNode args;
        try {
            args = arguments(request.arguments());
        } catch (JacksonException | IllegalArgumentException e) {
            return error("the arguments of " + name + " are not a valid JSON object; call it again with"
                    + " valid JSON arguments");
        }
        try {
            String result = switch (name) {
                case CHECK_AVAILABILITY ->
                    tools.checkAvailability(
                            required(args, "service"),
                            date(args, "date", zone),
                            time(args, "from", zone),
                            time(args, "to", zone));
                case BOOK_APPOINTMENT ->
                    tools.bookAppointment(
                            required(args, "service"),
                            dateTime(args, "start", zone),
                            required(args, "customer_name"),
                            optional(args, "customer_phone"),
                            optional(args, "customer_email"));
                case RESCHEDULE_APPOINTMENT ->
                    tools.rescheduleAppointment(required(args, "appointment_id"), dateTime(args, "new_start", zone));
                case CANCEL_APPOINTMENT -> tools.cancelAppointment(required(args, "appointment_id"));
                case LIST_APPOINTMENTS -> tools.listAppointments();
                case SEARCH_KNOWLEDGE -> tools.searchKnowledge(required(args, "question"));
                case TAKE_MESSAGE -> tools.takeMessage(required(args, "caller_name"), required(args, "text"));
                case TRANSFER_CALL -> tools.transferCall(required(args, "target"));
                case FLAG_EMERGENCY ->
                    tools.flagEmergency(required(args, "description"), bool(args, "life_threatening", false));
                case OPT_OUT -> tools.optOut();
                case END_CALL -> tools.endCall();
                default -> error("there is no tool named '" + name + "'; the tools are " + String.join(", ", names()));
            };
            return result == null || result.isBlank() ? "{\"ok\":true}" : abbreviate(result);
        } catch (BadArgument e) {
            return error(e.getMessage());
        } catch (RuntimeException e) {
            log.warn("The tool {} failed", name, e);
            return error(name + " failed; do not retry it, tell the caller you could not do it and offer to take a"
                    + " message");
        }
    }

    /** Whether a tool result reports a failure. */
    public static boolean failed(String result) {
        return result != null
                && result.regionMatches(true, 0, LlmTools.ERROR_PREFIX, 0, LlmTools.ERROR_PREFIX.length());
    }

    List<String> names() {
        return specifications.stream().map(ToolSpecification::name).toList();
    }

    private static ToolSpecification tool(String name, String description, JsonObjectSchema.Builder parameters) {
        return ToolSpecification.builder()
                .name(name)
                .description(description)
                .parameters(parameters.build())
                .build();
    }

    private JsonNode arguments(String arguments) {
        if (arguments == null || arguments.isBlank()) {
            return json.createObjectNode();
        }
        JsonNode node = json.readTree(arguments);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return json.createObjectNode();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        return node;
    }

    private static String required(JsonNode args, String field) {
        String value = optional(args, field);
        if (value == null) {
            throw new BadArgument("the argument '" + field + "' is missing; ask the caller for it if needed");
        }
        return value;
    }

    private static String optional(JsonNode args, String field) {
        JsonNode node = args.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw new BadArgument("the argument '" + field + "' must be a string");
        }
        String text = node.asString().trim();
        return text.isEmpty() ? null : text;
    }

    private static boolean bool(JsonNode args, String field, boolean fallback) {
        JsonNode node = args.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        String text = node.asString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("yes")) {
            return true;
        }
        if (text.equalsIgnoreCase("false") || text.equalsIgnoreCase("no") || text.isEmpty()) {
            return false;
        }
        throw new BadArgument("the argument '" + field + "' must be true or false");
    }

    private static LocalDate date(JsonNode args, String field, ZoneId zone) {
        String text = required(args, field);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return parseDateTime(text, zone).toLocalDate();
            } catch (DateTimeParseException again) {
                throw new BadArgument(
                        "the argument '" + field + "' must be a date like 2026-11-24, got '" + text + "'");
            }
        }
    }

    /** An optional time of day ("14:00", or a date-time whose time is taken); null when not given. */
    private static LocalTime time(JsonNode args, String field, ZoneId zone) {
        String text = optional(args, field);
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text.length() == 4 && text.charAt(1) == ':' ? "0" + text : text);
        } catch (DateTimeParseException e) {
            try {
                return parseDateTime(text, zone).toLocalTime();
            } catch (DateTimeParseException again) {
                throw new BadArgument(
                        "the argument '" + field + "' must be a time of day like 14:00, got '" + text + "'");
            }
        }
    }

    private static LocalDateTime dateTime(JsonNode args, String field, ZoneId zone) {
        String text = required(args, field);
        try {
            return parseDateTime(text, zone);
        } catch (DateTimeParseException e) {
            throw new BadArgument("the argument '" + field
                    + "' must be a local date and time like 2026-11-24T10:30, got '" + text + "'");
        }
    }

    /** A local date-time; one with an offset (or Z) is moved to the business's zone. */
    private static LocalDateTime parseDateTime(String text, ZoneId zone) {
        String iso =
                text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            return LocalDateTime.parse(iso);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(iso).atZoneSameInstant(zone).toLocalDateTime();
        }
    }

    private static String error(String reason) {
        return LlmTools.ERROR_PREFIX + " " + reason;
    }

    private static String abbreviate(String result) {
        return result.length() <= MAX_RESULT ? result : result.substring(0, MAX_RESULT - 1) + "…";
    }

    private static final class BadArgument extends RuntimeException {
        BadArgument(String message) {
            super(message, null, false, false);
        }
    }
}
