package dev.frontdesk.crm;

import dev.frontdesk.tenants.BusinessId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The CRM module's API for the channels and the assistant. */
public interface Conversations {

    /**
     * The open conversation with this key on this channel (e.g. a call's CallSid, an SMS sender's number),
     * or a new one when there is none or it has been idle longer than {@code idleExpiry}.
     */
    Conversation openOrContinue(
            BusinessId business,
            String channel,
            String key,
            String customerPhone,
            String language,
            Duration idleExpiry);

    Optional<Conversation> find(BusinessId business, UUID conversation);

    /**
     * The latest conversation with this key on this channel: the open one if there is one (whatever the start
     * times say, which a fixed clock can make equal), else the one started last.
     */
    Optional<Conversation> findLatest(BusinessId business, String channel, String key);

    /** The open conversation with this key on this channel, if any. */
    Optional<Conversation> findOpen(BusinessId business, String channel, String key);

    /** Appends one line of the transcript: {@code speaker} is CALLER or ASSISTANT. */
    void record(BusinessId business, UUID conversation, String speaker, String text);

    /** Appends lines of the transcript, in this order, together (one turn's caller and assistant lines). */
    void record(BusinessId business, UUID conversation, List<Line> lines);

    /** A line to append to a transcript: {@code speaker} is CALLER or ASSISTANT. */
    record Line(String speaker, String text) {}

    /** Records what the conversation has become so far (language, emergency), without ending it. */
    void update(BusinessId business, UUID conversation, String language, boolean emergency);

    /** Ends the conversation with its outcome and summary; ending twice keeps the first ending. */
    void end(BusinessId business, UUID conversation, Conversation.Outcome outcome, String summary, boolean emergency);

    /**
     * Records that the conversation is a call the business placed for this campaign (a person answered it), so
     * that {@link Search#campaign} finds it.
     */
    void fromCampaign(BusinessId business, UUID conversation, UUID campaign);

    /** Replaces the summary of an ended conversation (e.g. with one an LLM wrote afterwards). */
    void resummarize(BusinessId business, UUID conversation, String summary);

    /** The transcript, oldest first. */
    List<Turn> transcript(BusinessId business, UUID conversation);

    /**
     * What happened on every channel in [from, to) (by start time): the figures of the owner's dashboard
     * and analytics.
     */
    Activity activity(BusinessId business, java.time.Instant from, java.time.Instant to);

    /**
     * Conversations started in [from, to).
     *
     * @param calls voice conversations
     * @param missedCalls voice conversations the caller left before anything was done (outcome ABANDONED)
     * @param emergencies conversations on any channel flagged as an emergency
     * @param averageCallSeconds mean length of the ended voice conversations, 0 when there is none
     * @param conversations conversations on every channel
     * @param booked conversations on every channel that ended with an appointment booked
     */
    record Activity(
            long calls, long missedCalls, long emergencies, long averageCallSeconds, long conversations, long booked) {}

    /**
     * Conversations started in [from, to) per business, for the operator's usage figures: one query over every
     * business; a business with none is not in the map.
     */
    java.util.Map<BusinessId, Usage> usageByBusiness(java.time.Instant from, java.time.Instant to);

    /** A business's conversations on every channel, and how many of them were calls (voice). */
    record Usage(long calls, long conversations) {}

    /**
     * Conversations started in [from, to) counted for analytics: the voice conversations by outcome
     * ({@code IN_PROGRESS} while open), the conversations on every channel by language ({@code unknown} when
     * none was detected) and by channel, and the voice conversations by the hour of the day (0 to 23, in
     * {@code zone}) they started.
     */
    Breakdown breakdown(BusinessId business, java.time.Instant from, java.time.Instant to, java.time.ZoneId zone);

    /** Counts by key, keys sorted. */
    record Breakdown(
            java.util.SortedMap<String, Long> callOutcomes,
            java.util.SortedMap<String, Long> languages,
            java.util.SortedMap<String, Long> channels,
            java.util.SortedMap<Integer, Long> callHours) {}

    /** Conversations matching {@code search}, newest first (the owner's dashboard's list). */
    dev.frontdesk.shared.PageResponse<Conversation> search(
            BusinessId business, Search search, dev.frontdesk.shared.PageQuery page);

    /**
     * What to look for; every member may be null (no condition).
     *
     * @param from conversations started at or after this instant
     * @param to conversations started before this instant
     * @param text words in the summary or in a line of the transcript, case-insensitively
     * @param campaign only the conversations of this campaign's calls ({@link #fromCampaign})
     */
    record Search(
            String channel,
            Conversation.Outcome outcome,
            java.time.Instant from,
            java.time.Instant to,
            String text,
            UUID campaign) {

        /** A search with no condition on the campaign. */
        public Search(
                String channel,
                Conversation.Outcome outcome,
                java.time.Instant from,
                java.time.Instant to,
                String text) {
            this(channel, outcome, from, to, text, null);
        }
    }

    /** One line of a transcript. */
    record Turn(int seq, String speaker, String text, java.time.Instant at) {}
}
