package dev.frontdesk.sheets.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.frontdesk.campaigns.CampaignEvents.CallUnanswered;
import dev.frontdesk.crm.PersonalData;
import dev.frontdesk.shared.InTransactionListener;
import dev.frontdesk.shared.PersonalTraces;
import dev.frontdesk.telephony.TelephonyEvents.CallCompleted;
import dev.frontdesk.tenants.BusinessId;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A finished call of a business with a connected call log (a call record completed, or a campaign's call nobody
 * answered) becomes a row to append: recorded once per call
 * (a repeated event adds nothing) after the call's own transaction committed, and handed to the append job
 * once this listener's transaction commits, so the call itself never waits for Google. An erased customer's
 * number leaves the rows not yet appended.
 */
@Component
class CallLogEvents implements PersonalData {

    private final SheetsConnections connections;
    private final CallRows rows;
    private final Scheduler scheduler;
    private final OneTimeTask<Void> task;
    private final Clock clock;

    CallLogEvents(
            SheetsConnections connections,
            CallRows rows,
            Scheduler scheduler,
            OneTimeTask<Void> sheetsCallLogTask,
            Clock clock) {
        this.connections = connections;
        this.rows = rows;
        this.scheduler = scheduler;
        this.task = sheetsCallLogTask;
        this.clock = clock;
    }

    @InTransactionListener
    void on(CallCompleted call) {
        if (call.callSid() == null || connections.find(call.businessId()).isEmpty()) {
            return; // not connected: nothing is recorded, nothing sent
        }
        rows.insertIfAbsent(call, clock.instant()).ifPresent(this::scheduleAfterCommit);
    }

    /** A campaign's call nobody answered is a finished call too (it has no call record to complete). */
    @InTransactionListener
    void on(CallUnanswered call) {
        if (connections.find(call.businessId()).isEmpty()) {
            return;
        }
        rows.insertIfAbsent(call, clock.instant()).ifPresent(this::scheduleAfterCommit);
    }

    private void scheduleAfterCommit(UUID row) {
        Runnable schedule = () -> scheduler.scheduleIfNotExists(task.instance(row.toString()), clock.instant());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    schedule.run();
                }
            });
        } else {
            schedule.run();
        }
    }

    @Override
    public void erase(BusinessId business, UUID customerId, PersonalTraces person, List<UUID> conversationIds) {
        rows.forget(business, person.phone().e164());
    }
}
