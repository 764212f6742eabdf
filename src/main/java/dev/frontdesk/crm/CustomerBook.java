package dev.frontdesk.crm;

import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.tenants.BusinessId;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The CRM module's API for the owner's dashboard: the business's customers and leads, a customer's
 * timeline, the do-not-call and SMS opt-out flags, and CSV lead imports. Everything is scoped by business:
 * another business's id is "not found".
 */
public interface CustomerBook {

    /** The funnel statuses a customer can have, in funnel order. */
    List<String> STATUSES = List.of(
            "NEW",
            "QUEUED",
            "CALLING",
            "CONTACTED",
            "MEETING_SCHEDULED",
            "NOT_INTERESTED",
            "NO_ANSWER",
            "FAILED",
            "DO_NOT_CALL");

    /**
     * Customers matching the filter, newest first, as {@code GET /api/customers} lists them.
     *
     * @throws dev.frontdesk.shared.FrontdeskException 400 for an unknown status or language
     */
    PageResponse<Profile> list(BusinessId business, Filter filter, PageQuery page);

    Optional<Profile> find(BusinessId business, UUID customer);

    /** The business's customer with this phone number (E.164), if there is one. */
    Optional<Profile> withPhone(BusinessId business, String phone);

    /**
     * The customer's conversations, appointments and messages, newest first ({@code GET
     * /api/customers/{id}/timeline}).
     *
     * @throws dev.frontdesk.shared.FrontdeskException 404 when the business has no such customer
     */
    PageResponse<TimelineEntry> timeline(BusinessId business, UUID customer, PageQuery page);

    /**
     * Sets the do-not-call and SMS opt-out flags, as {@code PATCH /api/customers/{id}} does (do-not-call
     * sets the DO_NOT_CALL status; taking it off puts the customer back to NEW).
     *
     * @throws dev.frontdesk.shared.FrontdeskException 404 when the business has no such customer
     */
    Profile setContactFlags(BusinessId business, UUID customer, boolean doNotCall, boolean smsOptOut);

    /**
     * Starts importing leads from a CSV file (the format of {@code POST /api/leads/upload}): the header is
     * read now, the rows in the background; the file is deleted when the import is done.
     *
     * @return the import, RUNNING
     * @throws dev.frontdesk.shared.FrontdeskException 400 when the file is empty or its header lacks name or
     *     phone (the file is deleted then too)
     */
    LeadImport startLeadImport(BusinessId business, Path csv) throws IOException;

    /** An import of the business with its counters and its first rejected rows. */
    Optional<LeadImport> leadImport(BusinessId business, UUID id, int errorsShown);

    /**
     * Writes every rejected row of an import of the business to {@code out} as CSV, the file {@code GET
     * /api/leads/imports/{id}/errors} serves: UTF-8, a {@code line,reason} header, one line per row by line,
     * CRLF line ends, each reason quoted and, when it starts with {@code =}, {@code +}, {@code -} or {@code
     * @}, given a leading {@code '} so a spreadsheet does not run it.
     *
     * @return false, writing nothing, when the business has no such import
     */
    boolean writeLeadImportErrors(BusinessId business, UUID id, java.io.OutputStream out) throws IOException;

    /**
     * How many of the business's leads have each status, every status of {@link #STATUSES} in funnel
     * order (0 included): the leads created in [from, to) when both are given, else all of them.
     */
    java.util.SequencedMap<String, Long> leadStatusCounts(
            BusinessId business, java.time.Instant from, java.time.Instant to);

    /** What to look for; null or blank members are no condition. {@code text}: name, phone, email, notes. */
    record Filter(String status, String language, String text) {}

    /** A customer or lead. */
    record Profile(
            UUID id,
            String name,
            String phone,
            String email,
            String language,
            String timezone,
            String status,
            String source,
            String partner,
            boolean lead,
            boolean doNotCall,
            boolean smsOptOut,
            String notes,
            List<String> tags,
            Instant createdAt,
            Instant lastContactAt) {}

    /**
     * A line of a timeline: a {@code CONVERSATION} (channel, outcome, summary), an {@code APPOINTMENT}
     * (service, status, start, end) or a {@code MESSAGE} left for staff (text, status); {@code id} is the
     * conversation's, appointment's or message's.
     */
    record TimelineEntry(
            String type,
            Instant at,
            UUID id,
            String channel,
            String outcome,
            String summary,
            String service,
            String status,
            Instant end,
            String text) {}

    /** A lead import: RUNNING, then COMPLETED (good rows stored) or FAILED (nothing stored). */
    record LeadImport(
            UUID id,
            String status,
            long rows,
            long imported,
            long duplicates,
            long rejected,
            String failure,
            List<RowError> errors,
            Instant createdAt,
            Instant finishedAt) {

        public boolean running() {
            return "RUNNING".equals(status);
        }
    }

    /** A rejected row of an import, by its line in the file. */
    record RowError(long line, String reason) {}
}
