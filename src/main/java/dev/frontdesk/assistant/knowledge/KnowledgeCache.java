package dev.frontdesk.assistant.knowledge;

import dev.frontdesk.tenants.BusinessId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Per business: the in-memory index and the answers already given, both built from one knowledge
 * revision and kept for at most {@code ttl} (measured with the service's clock). A snapshot is rebuilt
 * when the business's revision moved (an edit, on any node) or it expired; {@link #forget} drops it at
 * once. Bounded: at most {@code maxBusinesses} snapshots (expired, then oldest, go first) and
 * {@code maxAnswers} answers per business.
 */
final class KnowledgeCache {

    private final Clock clock;
    private final Duration ttl;
    private final int maxBusinesses;
    private final int maxAnswers;
    private final Map<BusinessId, Snapshot> snapshots = new ConcurrentHashMap<>();

    KnowledgeCache(Clock clock, Duration ttl, int maxBusinesses, int maxAnswers) {
        this.clock = clock;
        this.ttl = ttl;
        this.maxBusinesses = maxBusinesses;
        this.maxAnswers = maxAnswers;
    }

    /** What is known about one business at one revision. */
    final class Snapshot {
        private final long revision;
        private final Instant loadedAt;
        private final KnowledgeIndex index;
        private final Map<String, Optional<KnowledgeAnswer>> answers = new ConcurrentHashMap<>();

        private Snapshot(long revision, Instant loadedAt, KnowledgeIndex index) {
            this.revision = revision;
            this.loadedAt = loadedAt;
            this.index = index;
        }

        KnowledgeIndex index() {
            return index;
        }

        /** The answer given before to this normalised question (possibly "none"), if still cached. */
        Optional<Optional<KnowledgeAnswer>> answer(String normalisedQuestion) {
            return Optional.ofNullable(answers.get(normalisedQuestion));
        }

        void remember(String normalisedQuestion, Optional<KnowledgeAnswer> answer) {
            if (answers.size() < maxAnswers) {
                answers.put(normalisedQuestion, answer);
            }
        }

        private boolean fresh(long currentRevision, Instant now) {
            return revision == currentRevision && now.isBefore(loadedAt.plus(ttl));
        }
    }

    /**
     * The business's snapshot at {@code revision}, loading a new index when there is none, it is of an
     * older revision or it expired. Read the revision before the index, so an index is never labelled
     * with a revision newer than its contents.
     */
    Snapshot snapshot(BusinessId business, long revision, Supplier<KnowledgeIndex> loader) {
        Instant now = clock.instant();
        Snapshot current = snapshots.get(business);
        if (current != null && current.fresh(revision, now)) {
            return current;
        }
        Snapshot loaded = new Snapshot(revision, now, loader.get());
        snapshots.put(business, loaded);
        if (snapshots.size() > maxBusinesses) {
            evict(now);
        }
        return loaded;
    }

    void forget(BusinessId business) {
        snapshots.remove(business);
    }

    int size() {
        return snapshots.size();
    }

    private void evict(Instant now) {
        snapshots.entrySet().removeIf(e -> !now.isBefore(e.getValue().loadedAt.plus(ttl)));
        while (snapshots.size() > maxBusinesses) {
            snapshots.entrySet().stream()
                    .min(Comparator.comparing(e -> e.getValue().loadedAt))
                    .ifPresent(oldest -> snapshots.remove(oldest.getKey(), oldest.getValue()));
        }
    }
}
