package io.github.proxmoxlxc.core.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A task that ended successfully, as noticed by waiting for it.
 *
 * <p>Built by the client (no public constructor).
 */
public final class TaskResult {
    private final Upid upid;
    private final String exitStatus;
    private final int warnings;
    private final int polls;
    private final Duration waited;
    private final Instant noticedAt;

    TaskResult(Upid upid, String exitStatus, int warnings, int polls, Duration waited, Instant noticedAt) {
        this.upid = Objects.requireNonNull(upid, "upid");
        this.exitStatus = Objects.requireNonNull(exitStatus, "exitStatus");
        this.warnings = warnings;
        this.polls = polls;
        this.waited = Objects.requireNonNull(waited, "waited");
        this.noticedAt = Objects.requireNonNull(noticedAt, "noticedAt");
    }

    /**
     * {@return the task}
     */
    public Upid upid() {
        return upid;
    }

    /**
     * {@return {@code OK} or {@code WARNINGS: n}}
     */
    public String exitStatus() {
        return exitStatus;
    }

    /**
     * {@return the number of warnings (0 for {@code OK})}
     */
    public int warnings() {
        return warnings;
    }

    /**
     * {@return how many status polls the wait made}
     */
    public int polls() {
        return polls;
    }

    /**
     * {@return how long the wait took}
     */
    public Duration waited() {
        return waited;
    }

    /**
     * {@return when the client saw the task stopped (from the client's clock)}
     */
    public Instant noticedAt() {
        return noticedAt;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof TaskResult)) {
            return false;
        }
        TaskResult o = (TaskResult) other;
        return upid.equals(o.upid) && exitStatus.equals(o.exitStatus) && warnings == o.warnings && polls == o.polls
                && waited.equals(o.waited) && noticedAt.equals(o.noticedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(upid, exitStatus, warnings, polls, waited, noticedAt);
    }

    @Override
    public String toString() {
        return "TaskResult[upid=" + upid + ", exitStatus=" + exitStatus + ", warnings=" + warnings + ", polls="
                + polls + ", waited=" + waited + ", noticedAt=" + noticedAt + "]";
    }
}
