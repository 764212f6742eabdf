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
}
