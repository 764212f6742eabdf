package dev.frontdesk.assistant.nlu;

/** What a caller wants, told from one utterance. */
public enum Intent {
    /** Book a new appointment or visit. */
    BOOK,
    /** Move an existing appointment. */
    RESCHEDULE,
    /** Cancel an existing appointment. */
    CANCEL,
    /** Ask about the caller's own appointments ("when is my appointment"). */
    MY_APPOINTMENTS,
    /** A general question for the knowledge base ("do you service Cambridge", "are you insured"). */
    QUESTION,
    /** Opening hours. */
    HOURS,
    /** How much something costs. */
    PRICES,
    /** Leave a message for someone. */
    MESSAGE,
    /** Be put through to a named person or department ("put me through to Sam / to billing"). */
    TRANSFER,
    /** Something urgent is happening; see {@link IntentResult#lifeThreatening()}. */
    EMERGENCY,
    /** The caller is done. */
    GOODBYE,
    /** A bare greeting. */
    GREETING,
    /** A yes-type answer. */
    AFFIRM,
    /** A no-type answer. */
    DENY,
    /** "Stop calling/texting me", "unsubscribe", "don't contact me again". */
    OPT_OUT,
    /** Speak to a real person or operator, anyone. */
    HUMAN,
    /** Not understood well enough. */
    UNKNOWN
}
