package dev.frontdesk.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A listener that only writes its own module's rows (an outbox: a webhook delivery, a sheet row, a
 * customer touched) and so runs inside the transaction that published the event, just before it commits:
 * its rows are committed with the event's cause or not at all, and no publication is kept in Spring
 * Modulith's event publication registry for it. That registry costs three more commits per event and
 * listener (published, processing, completed), which on a voice call were most of the node's commits
 * (docs/performance.md, "Fix 9"). With no transaction open, the listener runs at once.
 *
 * <p>Use {@link org.springframework.modulith.events.ApplicationModuleListener} instead when the listener
 * talks to anything outside the database (a text, an email, a calendar), may be slow, or may fail for
 * reasons of its own: a failure here rolls back the event's cause. A listener of this kind must not publish
 * an event that another listener of this kind consumes: Spring calls the listeners registered before the
 * commit began, so that second listener would never run.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
public @interface InTransactionListener {}
