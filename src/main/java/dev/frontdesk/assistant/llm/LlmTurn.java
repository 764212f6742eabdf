package dev.frontdesk.assistant.llm;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * One caller turn as the LLM brain sees it.
 *
 * @param conversationId the conversation (its memory is kept under this id)
 * @param businessName the business's name, for the system prompt
 * @param zone the business's time zone: tool dates and times are local to it
 * @param now the current time in that zone
 * @param language the conversation's language (en, es, fr)
 * @param spoken whether the reply will be spoken (a phone call): at most two sentences, no markdown
 * @param businessPrompt the business's own instructions ({@code assistant.prompt}); null or blank for the
 *     default prompt
 * @param callerPhone the caller's number (E.164) when known, else null
 * @param userText what the caller said or wrote
 * @param business what the model is told about the business (services, hours, closed dates, rules)
 * @param budget how long the turn may wait for the model, all rounds together (on a phone call, less than
 *     the voice turn's budget, so that the offline brain can still answer in time); null for the brain's
 *     own limit ({@code FRONTDESK_LLM_TIMEOUT})
 */
public record LlmTurn(
        String conversationId,
        String businessName,
        ZoneId zone,
        ZonedDateTime now,
        String language,
        boolean spoken,
        String businessPrompt,
        String callerPhone,
        String userText,
        BusinessFacts business,
        Duration budget) {

    public LlmTurn {
        business = business == null ? BusinessFacts.unknown() : business;
    }
}
