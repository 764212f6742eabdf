package dev.frontdesk.widget.internal;

import dev.frontdesk.assistant.Assistant;
import dev.frontdesk.assistant.AssistantReply;
import dev.frontdesk.assistant.Channel;
import dev.frontdesk.assistant.InboundTurn;
import dev.frontdesk.assistant.LaterAnswers;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The widget's API: a visitor's chat message, answered by the assistant on the web channel, and the answers
 * written after a message's request stopped waiting (the visitor got the holding line), which the page asks for.
 * The widget token is public (it sits in the embedding page), so the business is known but nothing
 * else is trusted: the conversation id is issued here and scoped by business, and every message is
 * rate limited per client address and per widget.
 */
@RestController
@Tag(name = "Web chat widget")
class WidgetController {

    static final String TOKEN_HEADER = "X-Widget-Token";
    static final int MAX_TEXT = 1000;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.-]{8,200}");
    private static final Pattern CHAT_ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Tenants tenants;
    private final Assistant assistant;
    private final RateLimits limits;
    private final LaterAnswers later;

    WidgetController(Tenants tenants, Assistant assistant, RateLimits limits, LaterAnswers later) {
        this.tenants = tenants;
        this.assistant = assistant;
        this.limits = limits;
        this.later = later;
    }

    @Schema(description = "A visitor's chat message")
    record WidgetMessage(
            @Schema(
                    description = "The chat to continue, as returned by an earlier answer; omit it to start a chat",
                    example = "Qm9vay1hLWRyYWluLWNsZWFu")
            String conversationId,

            @Schema(
                    description = "What the visitor wrote (at most 1000 characters); may be empty only when"
                            + " starting a chat, which answers with the greeting",
                    example = "I need a drain cleaning tomorrow at 10")
            String text) {}

    @Schema(description = "The assistant's answer")
    record WidgetReply(
            @Schema(description = "The chat id to send with the next message", example = "Qm9vay1hLWRyYWluLWNsZWFu")
            String conversationId,

            @Schema(description = "What the assistant says", example = "Hi, thanks for contacting Bristol Plumbing!")
            String reply,

            @Schema(description = "Whether the assistant ended the conversation")
            boolean ended,

            @Schema(
                    description = "Whether an answer is still being written (the reply was the holding line, or"
                            + " messages sent meanwhile are still being answered): ask POST /api/widget/answers"
                            + " for it")
            boolean pending) {}

    @Schema(description = "The chat whose later answers to take")
    record LaterRequest(
            @Schema(description = "The chat id returned by an answer", example = "Qm9vay1hLWRyYWluLWNsZWFu")
            String conversationId) {}

    @PostMapping(
            path = "/api/widget/messages",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Send a web chat message",
            description = "Authenticated by the business's public widget token in X-Widget-Token. Without a"
                    + " conversationId a new chat starts (an empty text gets the greeting). Cross-origin calls are"
                    + " allowed only from the business's settings.messaging.widgetAllowedOrigins. Rate limited"
                    + " per widget and per client address (429 with Retry-After).")
    @Parameter(name = TOKEN_HEADER, in = ParameterIn.HEADER, required = true, description = "The widget token")
    @ApiResponse(responseCode = "200", description = "The assistant's reply")
    @ApiResponse(responseCode = "400", description = "Invalid text or conversation id")
    @ApiResponse(responseCode = "401", description = "Missing or unknown widget token")
    @ApiResponse(responseCode = "403", description = "Business suspended, or origin not allowed")
    @ApiResponse(responseCode = "429", description = "Too many messages; see Retry-After")
    WidgetReply message(
            @RequestHeader(name = TOKEN_HEADER, required = false) @Parameter(hidden = true) String token,
            @RequestBody WidgetMessage message,
            HttpServletRequest request,
            HttpServletResponse response) {
        limited(response, () -> limits.takeForIp(request.getRemoteAddr()));
        Business business = authenticate(token, request);
        limited(response, () -> limits.takeForWidget(business.id().toString()));

        String text = message.text() == null ? "" : message.text().strip();
        String chatId = message.conversationId();
        if (text.length() > MAX_TEXT) {
            throw invalid("text", "must be at most " + MAX_TEXT + " characters");
        }
        if (chatId != null && !CHAT_ID.matcher(chatId).matches()) {
            throw invalid("conversationId", "is not a conversation id this service issued");
        }
        if (chatId != null && text.isEmpty()) {
            throw invalid("text", "must not be empty");
        }
        boolean starting = chatId == null;
        if (starting) {
            chatId = newChatId();
        }
        InboundTurn turn = new InboundTurn(
                business.id(), Channel.WEB, conversationKey(business.id(), chatId), text, null, null, null);
        AssistantReply reply = starting && text.isEmpty() ? assistant.greet(turn) : assistant.handle(turn);
        boolean pending = !reply.ends() && later.pending(business.id(), Channel.WEB, turn.conversationKey());
        return new WidgetReply(chatId, reply.text(), reply.ends(), pending);
    }

    @PostMapping(
            path = "/api/widget/answers",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Take the answers written after a message's request stopped waiting",
            description = "When a reply says pending, the assistant is still writing an answer (the visitor got the"
                    + " holding line). The page asks here, every few seconds while pending stays true, and shows"
                    + " what comes; each answer is given once, here or with the reply to the next message. reply"
                    + " is empty when nothing came yet. Same token and origins as messages; rate limited per"
                    + " client address apart from messages (429 with Retry-After).")
    @Parameter(name = TOKEN_HEADER, in = ParameterIn.HEADER, required = true, description = "The widget token")
    @ApiResponse(responseCode = "200", description = "The answers taken (possibly none)")
    @ApiResponse(responseCode = "400", description = "Invalid conversation id")
    @ApiResponse(responseCode = "401", description = "Missing or unknown widget token")
    @ApiResponse(responseCode = "403", description = "Business suspended, or origin not allowed")
    @ApiResponse(responseCode = "429", description = "Asked too often; see Retry-After")
    WidgetReply answers(
            @RequestHeader(name = TOKEN_HEADER, required = false) @Parameter(hidden = true) String token,
            @RequestBody LaterRequest body,
            HttpServletRequest request,
            HttpServletResponse response) {
        limited(response, () -> limits.takeAskForIp(request.getRemoteAddr()));
        Business business = authenticate(token, request);
        String chatId = body.conversationId();
        if (chatId == null || !CHAT_ID.matcher(chatId).matches()) {
            throw invalid("conversationId", "is not a conversation id this service issued");
        }
        LaterAnswers.Later taken = later.take(business.id(), Channel.WEB, conversationKey(business.id(), chatId));
        return new WidgetReply(chatId, taken.text(), taken.ended(), taken.pending());
    }

    private Business authenticate(String token, HttpServletRequest request) {
        if (token == null || token.isBlank()) {
            throw unauthorized("Send the business's widget token in the X-Widget-Token header");
        }
        Business business = Optional.ofNullable(request.getAttribute(WidgetCorsFilter.BUSINESS_ATTRIBUTE))
                .map(Business.class::cast)
                .or(() -> Optional.of(token)
                        .filter(WidgetController::plausibleToken)
                        .flatMap(tenants::findByWidgetToken))
                .orElseThrow(() -> unauthorized("The widget token is unknown or was rotated"));
        if (!business.isActive()) {
            throw new FrontdeskException(
                    HttpStatus.FORBIDDEN,
                    "business-suspended",
                    "Business suspended",
                    "This business's chat is not available at the moment");
        }
        if (request.getAttribute(WidgetCorsFilter.ORIGIN_REJECTED_ATTRIBUTE) != null) {
            throw new FrontdeskException(
                    HttpStatus.FORBIDDEN,
                    "widget-origin-not-allowed",
                    "Origin not allowed",
                    "This origin is not among the business's allowed widget origins");
        }
        return business;
    }

    static boolean plausibleToken(String token) {
        return TOKEN.matcher(token).matches();
    }

    /** Scoped by business, so no chat id chosen by a client can reach another business's conversation. */
    static String conversationKey(BusinessId business, String chatId) {
        return "web:" + business + ":" + chatId;
    }

    static String newChatId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void limited(HttpServletResponse response, Runnable take) {
        try {
            take.run();
        } catch (RateLimits.RateLimited e) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
            throw e;
        }
    }

    private static FrontdeskException unauthorized(String detail) {
        return new FrontdeskException(HttpStatus.UNAUTHORIZED, "invalid-widget-token", "Invalid widget token", detail);
    }

    private static FrontdeskException invalid(String field, String message) {
        return FrontdeskException.validation(List.of(new FrontdeskException.FieldError(field, message)));
    }
}
