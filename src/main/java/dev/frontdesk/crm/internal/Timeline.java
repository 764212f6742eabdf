package dev.frontdesk.crm.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.frontdesk.crm.Conversation;
import dev.frontdesk.directory.Directory;
import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.scheduling.Scheduling;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.BusinessId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's history with the business, newest first: conversations on every channel (the CRM's own),
 * appointments (scheduling's API) and messages they left for staff (the directory's API).
 */
@Service
class Timeline {

    /** The most recent items of each kind a timeline shows. */
    static final int LIMIT = 200;

    private final CustomerService customers;
    private final ConversationRepository conversations;
    private final Scheduling scheduling;
    private final Directory directory;

    Timeline(
            CustomerService customers,
            ConversationRepository conversations,
            Scheduling scheduling,
            Directory directory) {
        this.customers = customers;
        this.conversations = conversations;
        this.scheduling = scheduling;
        this.directory = directory;
    }

    @Schema(
            name = "TimelineEntry",
            description = "A conversation (channel, outcome, summary), an appointment (service, status, start, end;"
                    + " at is its start) or a message left for staff (text, status)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(
            @Schema(allowableValues = {"CONVERSATION", "APPOINTMENT", "MESSAGE"})
            String type,

            Instant at,
            UUID id,
            @Schema(example = "VOICE") String channel,
            @Schema(example = "BOOKED") String outcome,
            String summary,
            @Schema(example = "Drain cleaning") String service,
            @Schema(example = "SCHEDULED") String status,
            Instant start,
            Instant end,
            String text) {

        static Entry of(Conversation c) {
            return new Entry(
                    "CONVERSATION",
                    c.startedAt(),
                    c.id(),
                    c.channel(),
                    c.outcome() == null ? null : c.outcome().name(),
                    c.summary(),
                    null,
                    null,
                    null,
                    null,
                    null);
        }

        static Entry of(Appointment a) {
            return new Entry(
                    "APPOINTMENT",
                    a.start(),
                    a.id().value(),
                    a.sourceChannel(),
                    null,
                    null,
                    a.service(),
                    a.status().name(),
                    a.start(),
                    a.end(),
                    null);
        }

        static Entry of(Directory.OpenMessage m) {
            return new Entry(
                    "MESSAGE", m.createdAt(), m.id(), null, null, null, null, m.status(), null, null, m.text());
        }
    }

    @Transactional(readOnly = true)
    PageResponse<Entry> of(BusinessId business, UUID customerId, PageQuery page) {
        List<Entry> entries =
                entries(business, customers.get(business, customerId).phone());
        int from = (int) Math.min(entries.size(), page.offset());
        int to = Math.min(entries.size(), from + page.pageSize());
        return PageResponse.of(entries.subList(from, to), entries.size(), page);
    }

    List<Entry> entries(BusinessId business, String phone) {
        List<Entry> entries = new ArrayList<>();
        conversations.withPhone(business, phone, LIMIT).forEach(c -> entries.add(Entry.of(c)));
        scheduling.history(business, new PhoneNumber(phone), LIMIT).forEach(a -> entries.add(Entry.of(a)));
        directory.messagesFrom(business, phone, LIMIT).forEach(m -> entries.add(Entry.of(m)));
        entries.sort(Comparator.comparing(Entry::at).reversed().thenComparing(Entry::type));
        return entries;
    }
}
