package dev.frontdesk.telephony.internal;

import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.CurrentBusiness;
import dev.frontdesk.tenants.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Sandbox phone calls: place a call to your own business without Twilio and talk to it line by line. Each
 * step runs exactly the webhook code Twilio would call (greeting, gather turns, status callback) and
 * returns both the TwiML and what the caller would hear, so what works here works on a real number.
 */
@RestController
@Tag(
        name = "Sandbox calls",
        description = "Calls to your business without Twilio, through the same webhooks (X-API-Key)")
@SecurityRequirement(name = "apiKey")
class SandboxCallController {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SAY = Pattern.compile("<Say[^>]*>(.*?)</Say>", Pattern.DOTALL);
    private static final Pattern TURN = Pattern.compile("gather\\?turn=(\\d+)");
    private static final Pattern DIAL = Pattern.compile("<Dial[^>]*>.*?(\\+\\d+)</(?:Number|Dial)>", Pattern.DOTALL);

    private final VoiceWebhookController webhooks;
    private final Tenants tenants;
    private final CallRecordRepository calls;
    private final Clock clock;

    SandboxCallController(VoiceWebhookController webhooks, Tenants tenants, CallRecordRepository calls, Clock clock) {
        this.webhooks = webhooks;
        this.tenants = tenants;
        this.calls = calls;
        this.clock = clock;
    }

    @Schema(name = "SandboxCallStart")
    record StartRequest(
            @Schema(example = "+16175550123") @Size(max = 20)
            String from,

            @Schema(
                    description = "The carrier's caller ID attestation, as Twilio's StirVerstat. Default"
                            + " TN-Validation-Passed-A (the caller holds the number); anything else, such as"
                            + " No-TN-Validation, makes the assistant text a one-time code before it reads out"
                            + " or changes that number's appointments",
                    example = "TN-Validation-Passed-A")
            @Size(max = 40)
            String stirVerstat) {}

    @Schema(name = "SandboxCallLine")
    record LineRequest(
            @Schema(example = "I need a drain cleaning tomorrow at 10") @Size(max = 1000)
            String text,

            @Schema(description = "The turn number from the previous answer", example = "1")
            Integer turn,

            @Schema(description = "Speech recognition confidence", example = "0.9")
            @DecimalMin("0.0")
            @DecimalMax("1.0")
            Double confidence) {}

    @Schema(name = "SandboxCallStep")
    record Step(
            @Schema(example = "SBa1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6")
            String callSid,

            @Schema(example = "Thanks for calling Bristol Plumbing. How can I help?")
            String said,

            @Schema(description = "Send it back with the next line", example = "1")
            Integer turn,

            boolean ended,

            @Schema(description = "The number the call was put through to, when transferred")
            String transferredTo,

            @Schema(description = "The TwiML Twilio would have received")
            String twiml) {}

    @PostMapping("/api/sandbox/calls")
    @Operation(summary = "Place a sandbox call to your business", description = "Answers with the greeting.")
    Step start(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business, @Valid @RequestBody StartRequest request) {
        var owner = tenants.find(business).orElseThrow(() -> FrontdeskException.notFound("Business " + business));
        if (owner.phoneNumbers().isEmpty()) {
            throw FrontdeskException.validation(List.of(new FieldError(
                    "phoneNumbers", "give the business a phone number first (PATCH /api/admin/businesses/{id})")));
        }
        String from =
                request == null || request.from() == null || request.from().isBlank() ? "+16175550123" : request.from();
        if (PhoneNumber.parseStrict(from).isEmpty()) {
            throw FrontdeskException.validation(
                    List.of(new FieldError("from", "must be an E.164 number such as +16175550123")));
        }
        String callSid = "SB" + HexFormat.of().formatHex(randomBytes());
        Map<String, String> params =
                call(callSid, from, owner.phoneNumbers().getFirst().e164());
        params.put(
                "StirVerstat",
                request == null
                                || request.stirVerstat() == null
                                || request.stirVerstat().isBlank()
                        ? "TN-Validation-Passed-A"
                        : request.stirVerstat().strip());
        return step(callSid, webhooks.inbound(params, null).getBody());
    }

    @PostMapping("/api/sandbox/calls/{callSid}/say")
    @Operation(summary = "Say one line on a sandbox call", description = "An empty text is silence.")
    Step say(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @PathVariable String callSid,
            @Valid @RequestBody LineRequest request) {
        var call = ownCall(business, callSid);
        Map<String, String> params = call(callSid, call.fromNumber(), call.toNumber());
        params.put("turn", String.valueOf(request.turn() == null ? 1 : request.turn()));
        params.put("SpeechResult", request.text() == null ? "" : request.text());
        params.put("Confidence", String.valueOf(request.confidence() == null ? 0.9 : request.confidence()));
        return step(callSid, webhooks.gather(params, null).getBody());
    }

    @PostMapping("/api/sandbox/calls/{callSid}/hangup")
    @Operation(summary = "Hang up a sandbox call", description = "Runs the status callback, which records the outcome.")
    Step hangUp(@Parameter(hidden = true) @CurrentBusiness BusinessId business, @PathVariable String callSid) {
        var call = ownCall(business, callSid);
        Map<String, String> params = call(callSid, call.fromNumber(), call.toNumber());
        params.put("CallStatus", "completed");
        // what Twilio reports: the whole seconds from answer to hang-up
        long seconds = Duration.between(call.startedAt(), clock.instant()).getSeconds();
        params.put("CallDuration", String.valueOf(Math.max(0, seconds)));
        webhooks.status(params);
        return new Step(callSid, "", null, true, null, "");
    }

    /** A sandbox call of this business (another business's call is "not found"). */
    private CallRecordRepository.CallRecord ownCall(BusinessId business, String callSid) {
        if (callSid == null || !callSid.matches("SB[0-9a-f]{32}")) {
            throw FrontdeskException.notFound("Sandbox call " + callSid);
        }
        return calls.bySid(callSid)
                .filter(c -> c.businessId().equals(business))
                .orElseThrow(() -> FrontdeskException.notFound("Sandbox call " + callSid));
    }

    private static Map<String, String> call(String callSid, String from, String to) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", callSid);
        params.put("AccountSid", "AC" + "0".repeat(32));
        params.put("From", from);
        params.put("To", to);
        params.put("CallStatus", "in-progress");
        params.put("Direction", "inbound");
        return params;
    }

    private static Step step(String callSid, String twiml) {
        StringBuilder said = new StringBuilder();
        Matcher say = SAY.matcher(twiml);
        while (say.find()) {
            said.append(said.isEmpty() ? "" : " ").append(HtmlUtils.htmlUnescape(say.group(1)));
        }
        Matcher turn = TURN.matcher(twiml);
        Matcher dial = DIAL.matcher(twiml);
        boolean ended = twiml.contains("<Hangup/>");
        return new Step(
                callSid,
                said.toString(),
                turn.find() ? Integer.valueOf(turn.group(1)) : null,
                ended,
                dial.find() ? dial.group(1) : null,
                twiml);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
