package io.github.proxmoxlxc.core.client;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Tasks (workers) of any node: status, log, and waiting. Obtained from {@link ProxmoxClient#tasks()}.
 * Every call goes to the node named in the UPID.
 *
 * <pre>{@code
 * Upid upid = pve.node("pve1").container(120).start();
 * TaskResult done = pve.tasks().await(upid, Duration.ofMinutes(2));   // or awaitAsync(...)
 * }</pre>
 */
public final class Tasks {
    private final TaskWaiter waiter;

    Tasks(TaskWaiter waiter) {
        this.waiter = waiter;
    }

    /**
     * Reads a task's status once ({@code GET /nodes/{node}/tasks/{upid}/status}).
     *
     * @param upid the task
     * @return running or stopped with exit status
     */
    public TaskStatus status(Upid upid) {
        return waiter.status(Objects.requireNonNull(upid, "upid"));
    }

    /**
     * Reads task log lines ({@code GET .../log?start=&limit=}).
     *
     * @param upid the task
     * @param start how many lines to skip (0 for the beginning)
     * @param limit the most lines to return, positive
     * @return the lines, numbered from 1
     */
    public List<TaskLogLine> log(Upid upid, int start, int limit) {
        if (start < 0) {
            throw new IllegalArgumentException("start: " + start + " must not be negative");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit: " + limit + " must be positive");
        }
        return waiter.log(Objects.requireNonNull(upid, "upid"), start, limit).lines();
    }

    /**
     * Waits until the task stops, polling by the client's schedule.
     *
     * @param upid the task
     * @param timeout the deadline
     * @return the result for {@code OK} or {@code WARNINGS: n}
     * @throws TaskFailedException if the task ended with an error (UPID, exit status, log tail)
     * @throws ProxmoxTimeoutException if the deadline passed first (the task keeps running)
     * @throws NotFoundException if the task stayed invisible beyond {@link PollSchedule#notVisibleGrace()}
     */
    public TaskResult await(Upid upid, Duration timeout) {
        return await(upid, TaskWait.timeout(timeout));
    }

    /**
     * Waits until the task stops, with listeners and schedule from the options. Interrupting the
     * waiting thread stops the wait (not the task) with a {@code ProxmoxException}.
     *
     * @param upid the task
     * @param wait deadline, listeners, schedule
     * @return the result for {@code OK} or {@code WARNINGS: n}
     * @throws TaskFailedException if the task ended with an error
     * @throws ProxmoxTimeoutException if the deadline passed first
     */
    public TaskResult await(Upid upid, TaskWait wait) {
        return waiter.await(upid, wait);
    }

    /**
     * Waits without blocking the caller. The future fails with the same exceptions as
     * {@link #await(Upid, TaskWait)}; cancelling it stops polling (the task keeps running).
     *
     * @param upid the task
     * @param wait deadline, listeners, schedule
     * @return the future result
     */
    public CompletableFuture<TaskResult> awaitAsync(Upid upid, TaskWait wait) {
        return waiter.awaitAsync(upid, wait);
    }
}
