package dev.frontdesk.telephony.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Twilio's {@code I-Twilio-Idempotency-Token} identifies one webhook request whatever URL it reached: a second
 * delivery carrying the token of a request still being answered, under another key (another URL), waits for
 * that answer instead of doing the work beside it. The first delivery is held open here until the second has
 * had time to reach its claim, which is what makes the race certain (the HTTP test in
 * {@code VoiceWebhooksTest} may see the deliveries one after the other).
 */
@SpringBootTest(properties = "frontdesk.jobs.enabled=false")
class OneAnswerPerIdempotencyTokenTest {

    @Autowired
    WebhookReplyRepository replies;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aDeliveryWhoseTokenIsClaimedUnderAnotherKeyGetsThatAnswerAndDoesNoWork() throws Exception {
        var transactions = new TransactionTemplate(transactionManager);
        String token = "token-" + UUID.randomUUID();
        String call = "CA" + UUID.randomUUID().toString().replace("-", "");
        var claimed = new CountDownLatch(1);
        var finish = new CountDownLatch(1);
        var worked = new AtomicInteger();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> first = threads.submit(() ->
                    transactions.execute(status -> replies.once("voice:" + call + ":3", token, () -> {
                        claimed.countDown();
                        try {
                            finish.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        worked.incrementAndGet();
                        return "<Response>first</Response>";
                    })));
            claimed.await();
            Future<String> second = threads.submit(() ->
                    transactions.execute(status -> replies.once("voice:" + call + ":30", token, () -> {
                        worked.incrementAndGet();
                        return "<Response>second</Response>";
                    })));
            Thread.sleep(300); // the second delivery reaches its claim while the first one's transaction is open
            finish.countDown();

            assertThat(first.get()).isEqualTo("<Response>first</Response>");
            assertThat(second.get()).isEqualTo("<Response>first</Response>");
        }
        assertThat(worked).as("the work was done once").hasValue(1);
    }
}
