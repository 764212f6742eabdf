package dev.frontdesk.dashboard.internal;

import dev.frontdesk.campaigns.CampaignDesk.LeadProgress;
import java.time.ZoneId;
import java.util.List;

/** How a campaign's leads and buttons read on its page. */
final class CampaignRows {

    private CampaignRows() {}

    /** A lead as a row: its stage and last call in words, times in the business's timezone. */
    record LeadRow(
            String customerId,
            String name,
            String phone,
            String stage,
            int attempts,
            String lastCall,
            String outcome,
            String nextCall) {}

    /** A button on the campaign's page: the path's move and its label. */
    record Move(String move, String label, boolean primary) {}

    static LeadRow lead(LeadProgress l, ZoneId zone) {
        return new LeadRow(
                l.customerId().toString(),
                l.name() == null || l.name().isBlank() ? l.phone() : l.name(),
                l.phone(),
                stage(l.stage()),
                l.attempts(),
                l.lastCallAt() == null ? "" : Views.dayAndTime(l.lastCallAt(), zone),
                outcome(l),
                l.nextCallAt() == null ? "" : Views.dayAndTime(l.nextCallAt(), zone));
    }

    /** The moves a campaign's status allows, as the campaigns module's rules have them. */
    static List<Move> moves(String status) {
        return switch (status) {
            case "DRAFT" -> List.of(new Move("start", "Start calling", true), new Move("stop", "Stop for good", false));
            case "RUNNING" -> List.of(new Move("pause", "Pause", true), new Move("stop", "Stop for good", false));
            case "PAUSED" -> List.of(new Move("resume", "Resume", true), new Move("stop", "Stop for good", false));
            default -> List.of();
        };
    }

    static String stage(String stage) {
        return switch (stage) {
            case "QUEUED" -> "Waiting";
            case "CALLING" -> "Calling";
            case "MEETING_SCHEDULED" -> "Meeting booked";
            default -> Views.label(stage);
        };
    }

    /** How the last call went: who answered and how it ended; "In progress" while it goes on. */
    static String outcome(LeadProgress l) {
        if (l.lastCallAt() == null) {
            return "";
        }
        if (l.lastCallStatus() == null) {
            return l.lastAnsweredBy() == null ? "Ringing" : answeredBy(l.lastAnsweredBy()) + ", in progress";
        }
        String ended = switch (l.lastCallStatus()) {
            case "completed" -> "ended";
            case "no-answer" -> "no answer";
            case "busy" -> "busy";
            case "failed" -> "failed";
            case "canceled" -> "cancelled";
            case "lost" -> "lost (no end reported)";
            default -> l.lastCallStatus();
        };
        return l.lastAnsweredBy() == null
                ? Views.label(ended.replace(' ', '_'))
                : answeredBy(l.lastAnsweredBy()) + ", " + ended;
    }

    private static String answeredBy(String by) {
        if (by.startsWith("machine")) {
            return "Answering machine";
        }
        return switch (by) {
            case "human" -> "Person answered";
            case "fax" -> "Fax";
            default -> "Answered";
        };
    }
}
