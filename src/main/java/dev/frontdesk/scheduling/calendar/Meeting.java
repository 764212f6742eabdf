package dev.frontdesk.scheduling.calendar;

/** A scheduled video meeting: the provider's id and the link participants join with. */
public record Meeting(String id, String joinUrl) {}
