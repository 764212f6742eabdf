package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.AssistantReply;
import dev.frontdesk.assistant.Channel;
import dev.frontdesk.assistant.Simulator;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.CurrentBusiness;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Talk to the assistant as a caller of your business, by text: the same engine, tools and data the
 * phone, SMS and chat channels use. Start without a {@code session} to be greeted; keep sending the
 * returned {@code session} with each line.
 */
@RestController
@Tag(name = "Simulator", description = "Talk to your assistant as a caller would (X-API-Key)")
@SecurityRequirement(name = "apiKey")
class SimulatorController {

    private final Simulator simulator;

    SimulatorController(Simulator simulator) {
        this.simulator = simulator;
    }

    @Schema(name = "SimulatorTurn")
    record TurnRequest(
            @Schema(description = "Returned by the first call; omit it to start a new conversation")
            @Size(max = 64)
            @Pattern(regexp = "[A-Za-z0-9-]*")
            String session,

            @Schema(example = "I'd like to book a drain cleaning tomorrow at 10") @Size(max = 2000)
            String text,

            @Schema(description = "The caller's number, E.164 (finds their appointments)", example = "+16175550123")
            @Size(max = 20)
            String callerPhone,

            @Schema(description = "VOICE (short spoken replies), SMS, WEB or SIMULATOR", example = "VOICE")
            String channel,

            @Schema(description = "Speech recognition confidence, 0 to 1 (voice only)", example = "0.9")
            @DecimalMin("0.0")
            @DecimalMax("1.0")
            Double confidence,

            @Schema(description = "en, es or fr; the business default when empty", example = "en")
            String language,

            @Schema(
                    description = "Whether the channel proves the caller holds callerPhone (a signed text, an"
                            + " A-attested call). Default true, except on WEB, which never proves a number;"
                            + " false makes the assistant text a one-time code before it reads out or changes"
                            + " that number's appointments",
                    example = "true")
            Boolean callerVerified) {}

    @Schema(name = "SimulatorReply")
    record TurnResponse(
            String session, UUID conversationId, String reply, String language, boolean ended, List<String> actions) {}

    @PostMapping("/api/simulator/turns")
    @Operation(
            summary = "Say one line to the assistant",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            examples = {
                                                @ExampleObject(
                                                        name = "start",
                                                        value =
                                                                "{\"channel\": \"VOICE\", \"callerPhone\": \"+16175550123\"}"),
                                                @ExampleObject(
                                                        name = "next line",
                                                        value =
                                                                "{\"session\": \"5f0c...\", \"text\": \"tomorrow at 10 please\"}")
                                            })))
    TurnResponse turn(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business, @Valid @RequestBody TurnRequest request) {
        var said = simulator.say(
                business,
                new Simulator.Line(
                        request.session(),
                        channel(request.channel()),
                        request.text(),
                        request.callerPhone(),
                        request.language(),
                        request.confidence(),
                        request.callerVerified()));
        AssistantReply reply = said.reply();
        return new TurnResponse(
                said.session(),
                reply.conversationId(),
                reply.text(),
                reply.language(),
                reply.ends(),
                reply.actions().stream()
                        .map(a -> a.getClass().getSimpleName().toUpperCase(Locale.ROOT))
                        .toList());
    }

    private static Channel channel(String given) {
        if (given == null || given.isBlank()) {
            return Channel.SIMULATOR;
        }
        try {
            return Channel.valueOf(given.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw FrontdeskException.validation(
                    List.of(new FieldError("channel", "must be VOICE, SMS, WHATSAPP, WEB or SIMULATOR")));
        }
    }
}
