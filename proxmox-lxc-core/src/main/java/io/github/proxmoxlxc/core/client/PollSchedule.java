package io.github.proxmoxlxc.core.client;

import io.github.proxmoxlxc.core.internal.Args;
import java.time.Duration;

/**
 * When the client polls a task's status while waiting for it: fast at first, so a short task is
 * noticed quickly, then backing off so a long task does not flood the node.
 *
 * <p>The first poll comes {@link #firstDelay()} after waiting starts; the wait before each next poll
 * starts at {@link #initialInterval()} and grows by {@link #multiplier()} up to
 * {@link #maxInterval()}. A task that is not visible yet (a fresh UPID answers {@code no such task}
 * for a moment) is polled again until {@link #notVisibleGrace()} has passed. Defaults: 50 ms,
 * 100 ms, x1.5, 2 s, 10 s; i.e. polls at about 0.05, 0.15, 0.3, 0.5, 0.85, 1.35, 2.1, 3.25 s, then
 * every 2 s.
 *
 * <p>{@link #delayBefore(int)} exposes the schedule, so benchmarks can relate polls to lag.
 */
public final class PollSchedule {
    private final Duration firstDelay;
    private final Duration initialInterval;
    private final double multiplier;
    private final Duration maxInterval;
    private final Duration notVisibleGrace;

    private PollSchedule(Builder b) {
        this.firstDelay = b.firstDelay;
        this.initialInterval = b.initialInterval;
        this.multiplier = b.multiplier;
        this.maxInterval = b.maxInterval;
        this.notVisibleGrace = b.notVisibleGrace;
        if (maxInterval.compareTo(initialInterval) < 0) {
            throw new IllegalArgumentException("maxInterval: " + maxInterval + " must not be less than "
                    + "initialInterval " + initialInterval);
        }
    }

    /**
     * The default schedule (see the class description).
     *
     * @return the defaults
     */
    public static PollSchedule defaults() {
        return builder().build();
    }

    /**
     * Starts a builder with the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this schedule's values.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder().firstDelay(firstDelay).initialInterval(initialInterval).multiplier(multiplier)
                .maxInterval(maxInterval).notVisibleGrace(notVisibleGrace);
    }

    /**
     * The wait before poll number {@code n}.
     *
     * @param n the poll number, starting at 1
     * @return {@link #firstDelay()} for 1; for n &gt; 1 the interval
     *         {@code min(maxInterval, initialInterval * multiplier^(n-2))}
     */
    public Duration delayBefore(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n: " + n + " must be at least 1");
        }
        if (n == 1) {
            return firstDelay;
        }
        double nanos = initialInterval.toNanos() * Math.pow(multiplier, n - 2.0);
        return nanos >= maxInterval.toNanos() ? maxInterval : Duration.ofNanos((long) nanos);
    }

    /**
     * The wait before the first poll.
     *
     * @return the first delay; zero polls at once
     */
    public Duration firstDelay() {
        return firstDelay;
    }

    /**
     * The wait between the first and second poll.
     *
     * @return the initial interval
     */
    public Duration initialInterval() {
        return initialInterval;
    }

    /**
     * The growth factor of the interval.
     *
     * @return the multiplier, at least 1
     */
    public double multiplier() {
        return multiplier;
    }

    /**
     * The longest interval between polls.
     *
     * @return the cap
     */
    public Duration maxInterval() {
        return maxInterval;
    }

    /**
     * How long a task may answer {@code no such task} before waiting fails with a not-found error.
     *
     * @return the grace period
     */
    public Duration notVisibleGrace() {
        return notVisibleGrace;
    }

    @Override
    public String toString() {
        return "PollSchedule[firstDelay=" + firstDelay + ", initialInterval=" + initialInterval + ", multiplier="
                + multiplier + ", maxInterval=" + maxInterval + ", notVisibleGrace=" + notVisibleGrace + "]";
    }

    /** Builds a {@link PollSchedule}. */
    public static final class Builder {
        private Duration firstDelay = Duration.ofMillis(50);
        private Duration initialInterval = Duration.ofMillis(100);
        private double multiplier = 1.5;
        private Duration maxInterval = Duration.ofSeconds(2);
        private Duration notVisibleGrace = Duration.ofSeconds(10);

        private Builder() {
        }

        /**
         * Sets the wait before the first poll (default 50 ms).
         *
         * @param firstDelay zero or positive
         * @return this builder
         */
        public Builder firstDelay(Duration firstDelay) {
            this.firstDelay = Args.notNegative("firstDelay", firstDelay);
            return this;
        }

        /**
         * Sets the wait between the first and the second poll (default 100 ms).
         *
         * @param initialInterval a positive duration
         * @return this builder
         */
        public Builder initialInterval(Duration initialInterval) {
            this.initialInterval = Args.positive("initialInterval", initialInterval);
            return this;
        }

        /**
         * Sets the growth factor of the interval (default 1.5; 1 polls at a fixed rate).
         *
         * @param multiplier at least 1
         * @return this builder
         */
        public Builder multiplier(double multiplier) {
            this.multiplier = Args.multiplier(multiplier);
            return this;
        }

        /**
         * Sets the longest interval (default 2 s).
         *
         * @param maxInterval a positive duration, not less than the initial interval
         * @return this builder
         */
        public Builder maxInterval(Duration maxInterval) {
            this.maxInterval = Args.positive("maxInterval", maxInterval);
            return this;
        }

        /**
         * Sets how long a fresh task may be invisible (default 10 s).
         *
         * @param notVisibleGrace zero or positive; zero fails on the first {@code no such task}
         * @return this builder
         */
        public Builder notVisibleGrace(Duration notVisibleGrace) {
            this.notVisibleGrace = Args.notNegative("notVisibleGrace", notVisibleGrace);
            return this;
        }

        /**
         * Builds the schedule.
         *
         * @return the schedule
         * @throws IllegalArgumentException if maxInterval is less than initialInterval
         */
        public PollSchedule build() {
            return new PollSchedule(this);
        }
    }
}
