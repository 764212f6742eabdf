package dev.frontdesk.campaigns.internal;

import static dev.frontdesk.shared.Timestamps.utc;

import dev.frontdesk.assistant.Assistant;
import dev.frontdesk.assistant.AssistantReply;
import dev.frontdesk.assistant.Channel;
import dev.frontdesk.assistant.InboundTurn;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.CurrentBusiness;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The sandbox dialer's calls (no Twilio): list the calls a campaign placed, answer one as a person or a
 * machine, talk, and end it with any status. Answering and ending run the same webhook code Twilio calls;
 * talking runs the assistant's turn as the gather webhook does.
 */
@RestController
@Tag(
        name = "Sandbox outbound calls",
        description = "Campaign calls placed by the sandbox dialer, answered and ended by you (X-API-Key)")
@SecurityRequirement(name = "apiKey")
class SandboxOutboundController {

    private static final Pattern SAY = Pattern.compile("<Say[^>]*>(.*?)</Say>", Pattern.DOTALL);
    private static final Set<String> ENDINGS = Set.of("completed", "busy", "no-answer", "failed", "canceled");

    private final JdbcClient jdbc;
    private final OutboundWebhookController webhooks;
    private final Assistant assistant;
    private final Clock clock;

    SandboxOutboundController(JdbcClient jdbc, OutboundWebhookController webhooks, Assistant assistant, Clock clock) {
        this.jdbc = jdbc;
        this.webhooks = webhooks;
        this.assistant = assistant;
        this.clock = clock;
    }

    @Schema(name = "SandboxOutboundCall")
    record Call(String callSid, String to, String from, String status, String machineDetection, Instant createdAt) {}

    @Schema(name = "SandboxOutboundAnswer")
    record AnswerRequest(
            @Schema(
                    description = "Twilio's AnsweredBy: human, machine_start, machine_end_beep, fax, unknown",
                    example = "human")
            String answeredBy) {}

    @Schema(name = "SandboxOutboundLine")
    record LineRequest(
            @Schema(example = "Yes, next Tuesday morning please")
            String text) {}

    @Schema(name = "SandboxOutboundEnd")
    record EndRequest(
            @Schema(
                    description = "Twilio's CallStatus",
                    example = "completed",
                    allowableValues = {"completed", "busy", "no-answer", "failed", "canceled"})
            String status) {}

    @Schema(name = "SandboxOutboundStep")
    record Step(String callSid, String said, boolean ended, String twiml) {}

    @GetMapping("/api/sandbox/outbound-calls")
    @Operation(summary = "Calls the sandbox dialer placed", description = "Oldest first; filter by status (ringing).")
    List<Call> list(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @Parameter(example = "ringing") @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer limit) {
        int max = limit == null ? 100 : Math.max(1, Math.min(limit, 1000));
        return jdbc.sql("SELECT call_sid, to_number, from_number, status, machine_detection, created_at"
                        + " FROM campaign_sandbox_call WHERE business_id = :b"
                        + (status == null ? "" : " AND status = :status")
                        + " ORDER BY created_at, call_sid LIMIT :limit")
                .param("b", business.value())
                .param("status", status)
                .param("limit", max)
                .query((rs, row) -> new Call(
                        rs.getString("call_sid"),
                        rs.getString("to_number"),
                        rs.getString("from_number"),
                        rs.getString("status"),
                        rs.getString("machine_detection"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    @PostMapping("/api/sandbox/outbound-calls/{callSid}/answer")
    @Operation(summary = "Answer a sandbox campaign call", description = "As a person (the opening) or a machine.")
    Step answer(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @PathVariable String callSid,
            @RequestBody(required = false) AnswerRequest request) {
        var call = own(business, callSid);
        String by = request == null || request.answeredBy() == null
                ? "human"
                : request.answeredBy().strip();
        Map<String, String> params = params(call, "in-progress");
        params.put("AnsweredBy", by);
        jdbc.sql("UPDATE campaign_sandbox_call SET status = 'in-progress', answered_at = :at WHERE call_sid = :sid")
                .param("at", utc(clock.instant()))
                .param("sid", callSid)
                .update();
        return step(callSid, webhooks.answer(params).getBody());
    }

    @PostMapping("/api/sandbox/outbound-calls/{callSid}/say")
    @Operation(summary = "Say one line on an answered sandbox campaign call")
    Step say(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @PathVariable String callSid,
            @RequestBody LineRequest request) {
        var call = own(business, callSid);
        if (!"in-progress".equals(call.get("status"))) {
            throw FrontdeskException.conflict("call-not-answered", "Not answered", "Answer the call first");
        }
        AssistantReply reply = assistant.handle(new InboundTurn(
                business, Channel.VOICE, callSid, request == null ? "" : request.text(), null, 0.9, call.get("to")));
        return new Step(callSid, reply.text(), reply.ends(), "");
    }

    @PostMapping("/api/sandbox/outbound-calls/{callSid}/end")
    @Operation(summary = "End a sandbox campaign call", description = "Runs the status callback with this CallStatus.")
    Step end(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @PathVariable String callSid,
            @RequestBody(required = false) EndRequest request) {
        var call = own(business, callSid);
        String status = request == null || request.status() == null
                ? "completed"
                : request.status().strip();
        if (!ENDINGS.contains(status)) {
            throw FrontdeskException.validation(List.of(new FieldError("status", "must be one of " + ENDINGS)));
        }
        jdbc.sql("UPDATE campaign_sandbox_call SET status = :s WHERE call_sid = :sid")
                .param("s", status)
                .param("sid", callSid)
                .update();
        Map<String, String> params = params(call, status);
        if (call.get("answeredAt") != null) {
            // what Twilio reports for an answered call: the whole seconds from the answer to the end
            long seconds = java.time.Duration.between(Instant.parse(call.get("answeredAt")), clock.instant())
                    .getSeconds();
            params.put("CallDuration", String.valueOf(Math.max(0, seconds)));
        }
        webhooks.status(params);
        return new Step(callSid, "", true, "");
    }

    private Map<String, String> own(BusinessId business, String callSid) {
        return jdbc.sql("SELECT call_sid, from_number, to_number, attempt_id, status, answered_at"
                        + " FROM campaign_sandbox_call WHERE call_sid = :sid AND business_id = :b")
                .param("sid", callSid)
                .param("b", business.value())
                .query((rs, row) -> {
                    Map<String, String> call = new LinkedHashMap<>();
                    call.put("sid", rs.getString("call_sid"));
                    call.put("from", rs.getString("from_number"));
                    call.put("to", rs.getString("to_number"));
                    call.put("attempt", rs.getObject("attempt_id", UUID.class).toString());
                    call.put("status", rs.getString("status"));
                    OffsetDateTime answered = rs.getObject("answered_at", OffsetDateTime.class);
                    call.put(
                            "answeredAt",
                            answered == null ? null : answered.toInstant().toString());
                    return call;
                })
                .optional()
                .orElseThrow(() -> FrontdeskException.notFound("Sandbox outbound call " + callSid));
    }

    private static Map<String, String> params(Map<String, String> call, String status) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("attempt", call.get("attempt"));
        params.put("CallSid", call.get("sid"));
        params.put("AccountSid", "AC" + "0".repeat(32));
        params.put("From", call.get("from"));
        params.put("To", call.get("to"));
        params.put("Direction", "outbound-api");
        params.put("CallStatus", status);
        return params;
    }

    private static Step step(String callSid, String twiml) {
        StringBuilder said = new StringBuilder();
        Matcher say = SAY.matcher(twiml);
        while (say.find()) {
            said.append(said.isEmpty() ? "" : " ").append(HtmlUtils.htmlUnescape(say.group(1)));
        }
        return new Step(callSid, said.toString(), twiml.contains("<Hangup/>"), twiml);
    }
}
