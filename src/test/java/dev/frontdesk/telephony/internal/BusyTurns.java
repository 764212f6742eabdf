package dev.frontdesk.telephony.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ApplicationContext;

/**
 * Takes every turn permit of a running application, as that many slow turns would, until closed: the
 * webhooks then find the node busy. For tests outside this package.
 */
public final class BusyTurns implements AutoCloseable {

    private final CountDownLatch done = new CountDownLatch(1);
    private final List<Thread> holders = new ArrayList<>();

    private BusyTurns() {}

    /** Returns once every permit is held. */
    public static BusyTurns occupyAll(ApplicationContext context) throws InterruptedException {
        TurnPermits permits = context.getBean(TurnPermits.class);
        BusyTurns busy = new BusyTurns();
        CountDownLatch held = new CountDownLatch(permits.size());
        for (int i = 0; i < permits.size(); i++) {
            busy.holders.add(Thread.ofVirtual().start(() -> {
                try {
                    permits.runWhenFree(() -> {
                        held.countDown();
                        try {
                            busy.done.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        held.await();
        return busy;
    }

    /** How many permits the node has. */
    public static int permits(ApplicationContext context) {
        return context.getBean(TurnPermits.class).size();
    }

    /** Frees the permits and returns once they are back. */
    @Override
    public void close() throws InterruptedException {
        done.countDown();
        for (Thread holder : holders) {
            holder.join();
        }
    }
}
