package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.Channel;
import dev.frontdesk.assistant.nlu.IntentClassifier;
import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.scheduling.Scheduling;
import dev.frontdesk.scheduling.TimeSlot;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.BusinessSettings;
import dev.frontdesk.tenants.BusinessStatus;
import dev.frontdesk.tenants.ServiceOffering;
import dev.frontdesk.tenants.TimeRange;
import dev.frontdesk.tenants.WeeklyHours;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One offline-brain turn, embeddings included: intent detection (all-MiniLM-L6-v2 + nearest
 * neighbours), time and entity parsing and the dialogue policy, with in-memory tools (no database), so
 * the figure is the brain's own cost. Sample-time mode reports p50/p99.
 *
 * <pre>./mvnw -B -q -Pbenchmarks test-compile exec:exec -Djmh.args="OfflineTurnBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s"</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OfflineTurnBenchmark {

    static final ZoneId ZONE = ZoneId.of("America/New_York");

    @Param({
        "hi I need a drain cleaning tomorrow at 10",
        "what time do you open on saturday",
        "um yeah can somebody look at my water heater like thursday morning"
    })
    public String utterance;

    private OfflineBrain brain;
    private OfflineBrain.Context context;

    /** Tools answering from memory: a free day of half-hour slots, no appointments, no knowledge. */
    static final class InMemoryTools extends AssistantTools {
        InMemoryTools() {
            super(null, null, null, null, null, null, null, null);
        }

        @Override
        List<TimeSlot> checkAvailability(Business business, String service, LocalDate date, boolean emergency) {
            List<TimeSlot> slots = new ArrayList<>();
            for (int h = 8; h < 17; h++) {
                Instant start = date.atTime(h, 0).atZone(ZONE).toInstant();
                slots.add(new TimeSlot(start, start.plus(Duration.ofHours(1))));
            }
            return slots;
        }

        @Override
        List<Appointment> listAppointments(Business business, String callerPhone) {
            return List.of();
        }

        @Override
        Optional<String> searchKnowledge(Business business, String question, String language) {
            return Optional.empty();
        }

        @Override
        boolean namesStaff(Business business, String words) {
            return false;
        }

        @Override
        Scheduling.BookingResult bookAppointment(
                Business b,
                String s,
                Instant st,
                String n,
                String p,
                String e,
                String notes,
                boolean em,
                String c,
                String l) {
            return new Scheduling.Unavailable("taken", List.of());
        }
    }

    @Setup
    public void setUp() {
        brain = new OfflineBrain(new IntentClassifier(new AllMiniLmL6V2EmbeddingModel()), new InMemoryTools());
        context = context();
    }

    /** A plumber open 8 to 5 on weekdays, called by voice on Monday 23 November 2026 at 8 a.m. */
    static OfflineBrain.Context context() {
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.put(day, List.of(new TimeRange(LocalTime.of(8, 0), LocalTime.of(17, 0))));
        }
        var business = new Business(
                BusinessId.random(),
                "Bench Plumbing",
                ZONE,
                List.of(new PhoneNumber("+16175550100")),
                new PhoneNumber("+16175550142"),
                null,
                List.of(
                        new ServiceOffering("Drain cleaning", 60, null, List.of("blocked drain")),
                        new ServiceOffering("Water heater repair", 120, null, List.of("water heater"))),
                new WeeklyHours(hours),
                Set.of(),
                null,
                "en",
                List.of("burst pipe"),
                BusinessStatus.ACTIVE,
                BusinessSettings.defaults(),
                Instant.EPOCH,
                Instant.EPOCH);
        return new OfflineBrain.Context(
                business,
                ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZONE),
                Channel.VOICE,
                "+16175550123",
                UUID.randomUUID());
    }

    @Benchmark
    public OfflineBrain.Output oneTurn() {
        return brain.respond(context, new Dialogue(), utterance, 0.9, 0.4);
    }
}
