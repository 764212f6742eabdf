package dev.frontdesk.assistant.knowledge;

import dev.frontdesk.tenants.BusinessEvents.DemoBusinessCreated;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Gives the demo business a few knowledge entries, so the simulator can answer questions at once. */
@Component
class DemoKnowledge {

    private final KnowledgeEntries entries;

    DemoKnowledge(KnowledgeEntries entries) {
        this.entries = entries;
    }

    @EventListener
    void on(DemoBusinessCreated event) {
        entries.create(
                event.businessId(),
                KnowledgeDraft.of(
                        "Which areas do you cover?",
                        "We cover Bristol, Boston, Cambridge, Somerville and Brookline.",
                        List.of("area")));
        entries.create(
                event.businessId(),
                KnowledgeDraft.of(
                        "Are you licensed and insured?",
                        "Yes, all our plumbers are licensed and fully insured.",
                        List.of()));
        entries.create(
                event.businessId(),
                KnowledgeDraft.of(
                        "What payment methods do you accept?",
                        "We accept cash, all major credit cards and bank transfer.",
                        List.of("payment")));
        entries.create(
                event.businessId(),
                KnowledgeDraft.of(
                        "Do you come out at night for emergencies?",
                        "Yes, for emergencies like burst pipes or flooding we come out 24/7; a $150 call-out fee applies.",
                        List.of("emergency")));
    }
}
