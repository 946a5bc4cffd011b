package io.github.proxmoxlxc.core.client;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One status poll made while waiting for a task, reported to a {@link TaskWait#pollListener()}.
 *
 * <p>Built by the client (no public constructor).
 */
public final class TaskPoll {
    private final Upid upid;
    private final int number;
    private final Instant at;
    private final Optional<TaskState> taskState;

    TaskPoll(Upid upid, int number, Instant at, Optional<TaskState> taskState) {
        this.upid = Objects.requireNonNull(upid, "upid");
        this.number = number;
        this.at = Objects.requireNonNull(at, "at");
        this.taskState = Objects.requireNonNull(taskState, "taskState");
    }

    /**
     * {@return the task}
     */
    public Upid upid() {
        return upid;
    }

    /**
     * {@return the poll number, starting at 1}
     */
    public int number() {
        return number;
    }

    /**
     * {@return when the poll's answer arrived (client clock)}
     */
    public Instant at() {
        return at;
    }

    /**
     * {@return the task's state at this poll; empty while a fresh task is not listed by its node yet}
     */
    public Optional<TaskState> taskState() {
        return taskState;
    }

    /**
     * {@return whether the node listed the task at this poll (a fresh UPID may not be visible yet)}
     */
    public boolean visible() {
        return taskState.isPresent();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof TaskPoll)) {
            return false;
        }
        TaskPoll o = (TaskPoll) other;
        return upid.equals(o.upid) && number == o.number && at.equals(o.at) && taskState.equals(o.taskState);
    }

    @Override
    public int hashCode() {
        return Objects.hash(upid, number, at, taskState);
    }

    @Override
    public String toString() {
        return "TaskPoll[upid=" + upid + ", number=" + number + ", at=" + at + ", state="
                + taskState.map(TaskState::wireName).orElse("not-visible") + "]";
    }
}
