package dev.frontdesk.assistant;

/** Where a conversation happens. Voice replies are short and spoken; text replies may say more. */
public enum Channel {
    VOICE,
    SMS,
    WHATSAPP,
    WEB,
    SIMULATOR;

    public boolean spoken() {
        return this == VOICE;
    }

    /**
     * Whether the caller's number comes from a carrier (a call, a text, a WhatsApp message) rather than being
     * typed by the visitor (a web chat, the simulator): only then is it theirs to be looked up.
     */
    public boolean carriesCallerNumber() {
        return this == VOICE || this == SMS || this == WHATSAPP;
    }
}
