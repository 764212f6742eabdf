package dev.frontdesk.telephony.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

class TurnPermitsTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TurnPermits permits =
            new TurnPermits(new TelephonyProperties(null, null, 1, Duration.ofMillis(1), null, null), meters);

    private double shed(String webhook) {
        var counter =
                meters.find("frontdesk.turns.shed").tag("webhook", webhook).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aFreePermitRunsTheTurnAndIsGivenBack() {
        assertThat(permits.run("gather", () -> "turn", () -> "hold")).isEqualTo("turn");
        assertThat(permits.run("gather", () -> "turn", () -> "hold")).isEqualTo("turn");
        assertThat(shed("gather")).isZero();
    }

    @Test
    void aTurnThatFailsStillGivesItsPermitBack() {
        assertThatThrownBy(() -> permits.run(
                        "gather",
                        () -> {
                            throw new IllegalStateException("boom");
                        },
                        () -> "hold"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(permits.run("gather", () -> "turn", () -> "hold")).isEqualTo("turn");
    }

    @Test
    void withEveryPermitTakenTheShedAnswerComesAndIsCountedByWebhook() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread holder = Thread.ofVirtual()
                .start(() -> permits.run(
                        "gather",
                        () -> {
                            inside.countDown();
                            try {
                                done.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return "slow turn";
                        },
                        () -> "hold"));
        inside.await();

        assertThat(permits.run("sms", () -> "turn", () -> "hold")).isEqualTo("hold");
        assertThat(permits.run("sms", () -> "turn", () -> "hold")).isEqualTo("hold");
        assertThat(permits.run("voice", () -> "turn", () -> "hold")).isEqualTo("hold");
        assertThat(shed("sms")).isEqualTo(2);
        assertThat(shed("voice")).isEqualTo(1);
        assertThat(meters.get("frontdesk.turns.active").gauge().value()).isEqualTo(1);

        done.countDown();
        holder.join();
        assertThat(permits.run("sms", () -> "turn", () -> "hold")).isEqualTo("turn");
        assertThat(meters.get("frontdesk.turns.active").gauge().value()).isZero();
    }

    @Test
    void unsetSettingsGiveTwoPermitsPerProcessorAndAShortQueue() {
        var defaults = new TelephonyProperties(null, null, null, null, null, null);
        assertThat(defaults.turnConcurrency())
                .isEqualTo(2 * Runtime.getRuntime().availableProcessors());
        assertThat(defaults.turnQueueTimeout()).isEqualTo(TelephonyProperties.DEFAULT_QUEUE_TIMEOUT);
        assertThat(new TelephonyProperties(null, null, 0, null, null, null).turnConcurrency())
                .isEqualTo(defaults.turnConcurrency());
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aBurstOfShedsIsLoggedOnceNotOncePerRequest(CapturedOutput output) throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread holder = Thread.ofVirtual()
                .start(() -> permits.run(
                        "gather",
                        () -> {
                            inside.countDown();
                            try {
                                done.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return "slow turn";
                        },
                        () -> "hold"));
        inside.await();
        for (int i = 0; i < 5; i++) {
            permits.run("gather", () -> "turn", () -> "hold");
        }
        done.countDown();
        holder.join();

        assertThat(shed("gather")).isEqualTo(5);
        assertThat(output.getAll().split("Overloaded: shed", -1)).hasSize(2);
        assertThat(output.getAll()).contains("Overloaded: shed 1 Twilio webhook turn(s)");
    }
}
