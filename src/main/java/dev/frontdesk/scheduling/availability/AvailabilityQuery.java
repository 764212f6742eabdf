package dev.frontdesk.scheduling.availability;

import dev.frontdesk.tenants.WeeklyHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the engine needs to answer "when can this be booked".
 *
 * <p>Nulls: {@code closedDates} means none; {@code staff} means none (the business is a single calendar,
 * blocked by every busy item whoever it belongs to); {@code busy} means nothing is busy; the buffers and
 * {@code minimumNotice} mean zero; {@code maxJobsPerDay} means no cap; {@code morningReserve} means no
 * reserve. Durations are whole milliseconds.
 *
 * @param hours the business's opening hours; staff only work within them
 * @param requestedStaffId when set, only this staff member is considered; must name one of {@code staff}
 * @param duration how long the booking lasts
 * @param bufferBefore kept free before each appointment (e.g. travel)
 * @param bufferAfter kept free after each appointment
 * @param minimumNotice how far ahead of {@code now} a booking must start (emergencies skip it)
 * @param horizonDays bookings may be made up to this many days after today (in {@code zone}); 0 = today
 *     only; at most {@value #MAX_HORIZON_DAYS}
 * @param granularity the step between candidate starts within an opening range; at least one minute
 * @param maxJobsPerDay when set, a day with this many appointments starting on it takes no more
 *     (emergencies bypass the cap)
 * @param emergency an emergency skips the minimum notice, the daily cap and the morning reserve
 */
public record AvailabilityQuery(
        ZoneId zone,
        WeeklyHours hours,
        Set<LocalDate> closedDates,
        List<StaffMember> staff,
        String requestedStaffId,
        BusyIndex busy,
        Duration duration,
        Duration bufferBefore,
        Duration bufferAfter,
        Duration minimumNotice,
        int horizonDays,
        Duration granularity,
        Integer maxJobsPerDay,
        MorningReserve morningReserve,
        boolean emergency,
        Instant now) {

    public static final int MAX_HORIZON_DAYS = 3660;

    public AvailabilityQuery {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(granularity, "granularity");
        closedDates = closedDates == null ? Set.of() : Set.copyOf(closedDates);
        staff = staff == null ? List.of() : List.copyOf(staff);
        busy = busy == null ? BusyIndex.empty() : busy;
        bufferBefore = bufferBefore == null ? Duration.ZERO : bufferBefore;
        bufferAfter = bufferAfter == null ? Duration.ZERO : bufferAfter;
        minimumNotice = minimumNotice == null ? Duration.ZERO : minimumNotice;
        positive(duration, "duration");
        positive(granularity, "granularity");
        if (granularity.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("granularity must be at least one minute");
        }
        notNegative(bufferBefore, "bufferBefore");
        notNegative(bufferAfter, "bufferAfter");
        notNegative(minimumNotice, "minimumNotice");
        if (horizonDays < 0 || horizonDays > MAX_HORIZON_DAYS) {
            throw new IllegalArgumentException("horizonDays must be between 0 and " + MAX_HORIZON_DAYS);
        }
        if (maxJobsPerDay != null && maxJobsPerDay < 0) {
            throw new IllegalArgumentException("maxJobsPerDay must not be negative");
        }
        Set<String> ids = new HashSet<>();
        for (StaffMember member : staff) {
            if (!ids.add(member.id())) {
                throw new IllegalArgumentException("duplicate staff id " + member.id());
            }
        }
        if (requestedStaffId != null && !ids.contains(requestedStaffId)) {
            throw new IllegalArgumentException("requested staff member " + requestedStaffId + " is not on the staff");
        }
    }

    private static void positive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        Times.millis(value, name);
    }

    private static void notNegative(Duration value, String name) {
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        Times.millis(value, name);
    }

    /**
     * A builder with defaults: no closed dates, no staff, nothing busy, a 60-minute booking on a 30-minute
     * grid, no buffers or notice, a 60-day horizon, no cap, no reserve, not an emergency.
     */
    public static Builder builder(ZoneId zone, WeeklyHours hours, Instant now) {
        return new Builder(zone, hours, now);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(zone, hours, now);
        builder.closedDates = closedDates;
        builder.staff = staff;
        builder.requestedStaffId = requestedStaffId;
        builder.busy = busy;
        builder.duration = duration;
        builder.bufferBefore = bufferBefore;
        builder.bufferAfter = bufferAfter;
        builder.minimumNotice = minimumNotice;
        builder.horizonDays = horizonDays;
        builder.granularity = granularity;
        builder.maxJobsPerDay = maxJobsPerDay;
        builder.morningReserve = morningReserve;
        builder.emergency = emergency;
        return builder;
    }

    public AvailabilityQuery withEmergency(boolean emergency) {
        return toBuilder().emergency(emergency).build();
    }

    public AvailabilityQuery withRequestedStaffId(String requestedStaffId) {
        return toBuilder().requestedStaffId(requestedStaffId).build();
    }

    public AvailabilityQuery withBusy(BusyIndex busy) {
        return toBuilder().busy(busy).build();
    }

    public AvailabilityQuery withNow(Instant now) {
        return toBuilder().now(now).build();
    }

    public static final class Builder {
        private ZoneId zone;
        private WeeklyHours hours;
        private Instant now;
        private Set<LocalDate> closedDates = Set.of();
        private List<StaffMember> staff = List.of();
        private String requestedStaffId;
        private BusyIndex busy = BusyIndex.empty();
        private Duration duration = Duration.ofMinutes(60);
        private Duration bufferBefore = Duration.ZERO;
        private Duration bufferAfter = Duration.ZERO;
        private Duration minimumNotice = Duration.ZERO;
        private int horizonDays = 60;
        private Duration granularity = Duration.ofMinutes(30);
        private Integer maxJobsPerDay;
        private MorningReserve morningReserve;
        private boolean emergency;

        private Builder(ZoneId zone, WeeklyHours hours, Instant now) {
            this.zone = zone;
            this.hours = hours;
            this.now = now;
        }

        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        public Builder hours(WeeklyHours hours) {
            this.hours = hours;
            return this;
        }

        public Builder now(Instant now) {
            this.now = now;
            return this;
        }

        public Builder closedDates(Set<LocalDate> closedDates) {
            this.closedDates = closedDates;
            return this;
        }

        public Builder staff(List<StaffMember> staff) {
            this.staff = staff;
            return this;
        }

        public Builder requestedStaffId(String requestedStaffId) {
            this.requestedStaffId = requestedStaffId;
            return this;
        }

        public Builder busy(BusyIndex busy) {
            this.busy = busy;
            return this;
        }

        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        public Builder buffers(Duration before, Duration after) {
            this.bufferBefore = before;
            this.bufferAfter = after;
            return this;
        }

        public Builder bufferBefore(Duration bufferBefore) {
            this.bufferBefore = bufferBefore;
            return this;
        }

        public Builder bufferAfter(Duration bufferAfter) {
            this.bufferAfter = bufferAfter;
            return this;
        }

        public Builder minimumNotice(Duration minimumNotice) {
            this.minimumNotice = minimumNotice;
            return this;
        }

        public Builder horizonDays(int horizonDays) {
            this.horizonDays = horizonDays;
            return this;
        }

        public Builder granularity(Duration granularity) {
            this.granularity = granularity;
            return this;
        }

        public Builder maxJobsPerDay(Integer maxJobsPerDay) {
            this.maxJobsPerDay = maxJobsPerDay;
            return this;
        }

        public Builder morningReserve(MorningReserve morningReserve) {
            this.morningReserve = morningReserve;
            return this;
        }

        public Builder emergency(boolean emergency) {
            this.emergency = emergency;
            return this;
        }

        public AvailabilityQuery build() {
            return new AvailabilityQuery(
                    zone,
                    hours,
                    closedDates,
                    staff,
                    requestedStaffId,
                    busy,
                    duration,
                    bufferBefore,
                    bufferAfter,
                    minimumNotice,
                    horizonDays,
                    granularity,
                    maxJobsPerDay,
                    morningReserve,
                    emergency,
                    now);
        }
    }
}
