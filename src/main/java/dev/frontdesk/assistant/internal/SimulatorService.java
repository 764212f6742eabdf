package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.Assistant;
import dev.frontdesk.assistant.AssistantReply;
import dev.frontdesk.assistant.Channel;
import dev.frontdesk.assistant.InboundTurn;
import dev.frontdesk.assistant.Simulator;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.BusinessId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The simulator's turns: a session is the conversation key {@code sim-<session>} of the business. */
@Service
class SimulatorService implements Simulator {

    private final Assistant assistant;

    SimulatorService(Assistant assistant) {
        this.assistant = assistant;
    }

    @Override
    public Turn say(BusinessId business, Line line) {
        Channel channel = line.channel() == null ? Channel.SIMULATOR : line.channel();
        String phone = null;
        if (line.callerPhone() != null && !line.callerPhone().isBlank()) {
            phone = PhoneNumber.parseStrict(line.callerPhone().trim())
                    .map(PhoneNumber::e164)
                    .orElseThrow(() -> FrontdeskException.validation(
                            List.of(new FieldError("callerPhone", "must be an E.164 number such as +16175550123"))));
        }
        String language = line.language() == null || line.language().isBlank()
                ? null
                : line.language().trim().toLowerCase(Locale.ROOT);
        if (language != null && !Phrases.LANGUAGES.contains(language)) {
            throw FrontdeskException.validation(List.of(new FieldError(
                    "language", "must be one of the assistant's languages: " + String.join(", ", Phrases.LANGUAGES))));
        }
        boolean starting = line.session() == null || line.session().isBlank();
        String session = starting ? UUID.randomUUID().toString() : line.session();
        boolean verified = channel != Channel.WEB && !Boolean.FALSE.equals(line.callerVerified());
        var turn = new InboundTurn(
                business, channel, key(session), line.text(), language, line.confidence(), phone, verified);
        AssistantReply reply = starting && (line.text() == null || line.text().isBlank())
                ? assistant.greet(turn)
                : assistant.handle(turn);
        return new Turn(session, reply);
    }

    @Override
    public void hangUp(BusinessId business, Channel channel, String session) {
        if (session != null && !session.isBlank()) {
            assistant.hangUp(business, channel == null ? Channel.SIMULATOR : channel, key(session));
        }
    }

    private static String key(String session) {
        return "sim-" + session;
    }

    /** Whether a conversation key is the simulator's (nothing is sent to its caller's number). */
    static boolean simulated(String conversationKey) {
        return conversationKey.startsWith("sim-");
    }
}
