package io.github.proxmoxlxc.core.client;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A task's status ({@code GET /nodes/{node}/tasks/{upid}/status}).
 *
 * <p>Built by the client (no public constructor): fields Proxmox adds become new accessors
 * without breaking callers.
 */
public final class TaskStatus {
    private static final Pattern WARNINGS = Pattern.compile("^WARNINGS: (\\d+)$");

    private final Upid upid;
    private final String status;
    private final TaskState state;
    private final Optional<String> exitStatus;

    TaskStatus(Upid upid, String status, Optional<String> exitStatus) {
        this.upid = Objects.requireNonNull(upid, "upid");
        this.status = Objects.requireNonNull(status, "status");
        this.state = TaskState.of(status);
        this.exitStatus = state == TaskState.RUNNING ? Optional.empty() : exitStatus;
    }

    /**
     * {@return the task}
     */
    public Upid upid() {
        return upid;
    }

    /**
     * {@return whether the task runs; {@link TaskState#UNKNOWN} for a status this version does not
     * know (see {@link #rawStatus()})}
     */
    public TaskState state() {
        return state;
    }

    /**
     * {@return the status as sent, e.g. {@code running}; empty if none was sent}
     */
    public String rawStatus() {
        return status;
    }

    /**
     * Whether the worker is still running.
     *
     * @return true if {@link #state()} is {@link TaskState#RUNNING}
     */
    public boolean running() {
        return state == TaskState.RUNNING;
    }

    /**
     * The exit status of a task that is no longer running: {@code OK}, {@code WARNINGS: n} or the
     * error text.
     *
     * @return the exit status; empty while running or if the server sent none
     */
    public Optional<String> exitStatus() {
        return exitStatus;
    }

    /**
     * Whether the task stopped successfully ({@code OK} or {@code WARNINGS: n}).
     *
     * @return true when stopped with success
     */
    public boolean succeeded() {
        return !running() && exitStatus.filter(e -> e.equals("OK") || WARNINGS.matcher(e).matches()).isPresent();
    }

    /**
     * The number of warnings of a task that ended with {@code WARNINGS: n}.
     *
     * @return n, or 0 for any other status
     */
    public int warnings() {
        if (exitStatus.isEmpty()) {
            return 0;
        }
        var m = WARNINGS.matcher(exitStatus.get());
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof TaskStatus)) {
            return false;
        }
        TaskStatus o = (TaskStatus) other;
        return upid.equals(o.upid) && status.equals(o.status) && exitStatus.equals(o.exitStatus);
    }

    @Override
    public int hashCode() {
        return Objects.hash(upid, status, exitStatus);
    }

    @Override
    public String toString() {
        return "TaskStatus[upid=" + upid + ", status=" + status + ", exitStatus=" + exitStatus.orElse("") + "]";
    }
}
