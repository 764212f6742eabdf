package dev.frontdesk.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The dialer's recurring sweep ({@code campaign-dialer-sweep}) gives a running campaign whose job is gone its
 * job again: with the jobs on (db-scheduler on the test's clock, polled often), a campaign's job is deleted
 * while its lead waits for a retry, and once the retry is due the sweep plans the job and the lead is called.
 */
@ApiTest
@TestPropertySource(properties = "frontdesk.jobs.polling-interval=100ms")
class DialerSweepTest extends CampaignApiTestSupport {

    private int calls(TestBusiness business) {
        return api.getJson("/api/sandbox/outbound-calls", business, 200).size();
    }

    private boolean jobPlanned(String campaign) {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = :t AND task_instance = :i")
                        .param("t", DialerJobs.TASK)
                        .param("i", campaign)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Test
    void aRunningCampaignWhoseJobWasLostGetsItBackFromTheSweepAndCallsItsLead() {
        TestBusiness business = api.createBusiness("Swept dialer");
        String campaign = campaignWith(business, "HANG_UP", lead(business, "Cleo", "+16175550181"));
        send(business, "/api/campaigns/" + campaign + "/start", "", 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> calls(business) == 1);
        String sid = api.getJson("/api/sandbox/outbound-calls", business, 200)
                .at("/0/callSid")
                .asString();

        // the job is lost (deleted by hand, or ended while a resume raced with it), and nobody answers the call
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            // not while it runs: once it has planned its next round
            return jdbc.sql(
                                    "DELETE FROM scheduled_tasks WHERE task_name = :t AND task_instance = :i AND picked = FALSE")
                            .param("t", DialerJobs.TASK)
                            .param("i", campaign)
                            .update()
                    == 1;
        });
        send(business, "/api/sandbox/outbound-calls/" + sid + "/end", "{\"status\": \"no-answer\"}", 200);
        assertThat(api.getJson("/api/campaigns/" + campaign, business, 200)
                        .at("/counts/queued")
                        .asInt())
                .isEqualTo(1);
        assertThat(jobPlanned(campaign)).isFalse();

        // an hour later the retry is due, and so is the sweep (every minute)
        clock.advance(Duration.ofMinutes(61));
        await().atMost(Duration.ofSeconds(20)).until(() -> calls(business) == 2);
        assertThat(jobPlanned(campaign)).as("the campaign has its job again").isTrue();
        assertThat(sweepPlannedAfter(clock.instant().minus(Duration.ofMinutes(1))))
                .as("the sweep ran and planned its next run")
                .isTrue();
    }

    private boolean sweepPlannedAfter(Instant at) {
        OffsetDateTime next = jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = :t")
                .param("t", DialerJobs.SWEEP)
                .query(OffsetDateTime.class)
                .single();
        return next.toInstant().isAfter(at);
    }
}
