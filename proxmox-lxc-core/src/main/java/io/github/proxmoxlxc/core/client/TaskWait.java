package io.github.proxmoxlxc.core.client;

import io.github.proxmoxlxc.core.internal.Args;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How to wait for a task: the deadline, an optional log listener that receives log lines as they
 * appear, an optional poll listener, and the poll schedule (the client's default unless set).
 *
 * <pre>{@code
 * TaskWait wait = TaskWait.builder().timeout(Duration.ofMinutes(5)).logListener(l -> log.info(l.text())).build();
 * TaskResult r = pve.tasks().await(upid, wait);
 * }</pre>
 */
public final class TaskWait {
    private final Duration timeout;
    private final @Nullable Consumer<TaskLogLine> logListener;
    private final @Nullable Consumer<TaskPoll> pollListener;
    private final @Nullable PollSchedule schedule;
    private final int logTailLines;

    private TaskWait(Builder b) {
        this.timeout = b.timeout;
        this.logListener = b.logListener;
        this.pollListener = b.pollListener;
        this.schedule = b.schedule;
        this.logTailLines = b.logTailLines;
    }

    /**
     * Waits up to a timeout, with no listeners and the client's schedule.
     *
     * @param timeout the deadline, positive
     * @return the options
     */
    public static TaskWait timeout(Duration timeout) {
        return builder().timeout(timeout).build();
    }

    /**
     * Starts a builder with the defaults (10 minutes, no listeners, client schedule, 20 tail lines).
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these options.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().timeout(timeout).logTailLines(logTailLines);
        b.logListener = logListener;
        b.pollListener = pollListener;
        b.schedule = schedule;
        return b;
    }

    /**
     * How long to wait before failing with {@link ProxmoxTimeoutException}.
     *
     * @return the deadline
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Receives each new task log line once, in order, while waiting.
     *
     * @return the listener; empty if none was set
     */
    public Optional<Consumer<TaskLogLine>> logListener() {
        return Optional.ofNullable(logListener);
    }

    /**
     * Receives each status poll.
     *
     * @return the listener; empty if none was set
     */
    public Optional<Consumer<TaskPoll>> pollListener() {
        return Optional.ofNullable(pollListener);
    }

    /**
     * The poll schedule of this wait.
     *
     * @return the schedule; empty for the client's default
     */
    public Optional<PollSchedule> schedule() {
        return Optional.ofNullable(schedule);
    }

    /**
     * How many last log lines a {@link TaskFailedException} carries.
     *
     * @return the count
     */
    public int logTailLines() {
        return logTailLines;
    }

    /** Builds {@link TaskWait} options. */
    public static final class Builder {
        private Duration timeout = Duration.ofMinutes(10);
        private @Nullable Consumer<TaskLogLine> logListener;
        private @Nullable Consumer<TaskPoll> pollListener;
        private @Nullable PollSchedule schedule;
        private int logTailLines = 20;

        private Builder() {
        }

        /**
         * Sets the deadline (default 10 minutes).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Args.positive("timeout", timeout);
            return this;
        }

        /**
         * Streams log lines to a listener while waiting (costs one log request per poll).
         *
         * @param logListener the listener
         * @return this builder
         */
        public Builder logListener(Consumer<TaskLogLine> logListener) {
            this.logListener = Objects.requireNonNull(logListener, "logListener");
            return this;
        }

        /**
         * Reports every status poll to a listener (for progress display and measurements).
         *
         * @param pollListener the listener
         * @return this builder
         */
        public Builder pollListener(Consumer<TaskPoll> pollListener) {
            this.pollListener = Objects.requireNonNull(pollListener, "pollListener");
            return this;
        }

        /**
         * Overrides the client's poll schedule for this wait.
         *
         * @param schedule the schedule
         * @return this builder
         */
        public Builder schedule(PollSchedule schedule) {
            this.schedule = Objects.requireNonNull(schedule, "schedule");
            return this;
        }

        /**
         * Sets how many last log lines a failure carries (default 20).
         *
         * @param logTailLines 0..1000
         * @return this builder
         */
        public Builder logTailLines(int logTailLines) {
            if (logTailLines < 0 || logTailLines > 1000) {
                throw new IllegalArgumentException("logTailLines: " + logTailLines + " must be in 0..1000");
            }
            this.logTailLines = logTailLines;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public TaskWait build() {
            return new TaskWait(this);
        }
    }
}
