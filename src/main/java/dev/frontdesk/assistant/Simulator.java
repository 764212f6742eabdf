package dev.frontdesk.assistant;

import dev.frontdesk.tenants.BusinessId;

/**
 * Talking to the assistant as a caller of a business, for the people who set it up (the simulator API and
 * the dashboard's Try it page): the same engine, tools and data the phone, SMS and chat channels use. A
 * conversation is a {@code session} of the business on its channel; another business's session is a
 * conversation of its own, never the other one's.
 */
public interface Simulator {

    /**
     * One line said by the caller. {@code session} null or blank starts a new conversation (greeted when
     * {@code text} is blank); {@code callerPhone} is E.164 or a number that reads as one, or null;
     * {@code language} one of {@link AssistantLanguages#codes()}, or null for the business's default;
     * {@code callerVerified} null means the channel proves the number (every channel but WEB).
     */
    record Line(
            String session,
            Channel channel,
            String text,
            String callerPhone,
            String language,
            Double confidence,
            Boolean callerVerified) {}

    /** The assistant's answer, with the session to send the next line in. */
    record Turn(String session, AssistantReply reply) {}

    /**
     * Says the line to the assistant on behalf of the business.
     *
     * @throws dev.frontdesk.shared.FrontdeskException a validation problem for a phone number or language that
     *     cannot be used ({@code callerPhone}, {@code language})
     */
    Turn say(BusinessId business, Line line);

    /** The caller left the session's conversation (a new one is starting): records its outcome. */
    void hangUp(BusinessId business, Channel channel, String session);
}
