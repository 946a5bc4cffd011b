package io.github.proxmoxlxc.core.client;

import io.github.proxmoxlxc.core.ProxmoxException;
import java.util.List;
import java.util.Objects;

/**
 * A Proxmox task (worker) ended with an error exit status, such as
 * {@code unable to create CT 100 - ...} or {@code CT is locked (backup)}.
 *
 * <p>Keeps the UPID, the exit status and the last lines of the task log.
 */
public class TaskFailedException extends ProxmoxException {
    private static final long serialVersionUID = 1L;

    /** The failed task. */
    private final Upid upid;
    /** The last log lines; an unmodifiable list of strings. */
    @SuppressWarnings("serial")
    private final List<String> logTail;
    /** The exit status. */
    private final String exitStatus;

    /**
     * Creates the exception.
     *
     * @param upid the failed task
     * @param exitStatus the task's exit status (the error text)
     * @param logTail the last lines of the task log, oldest first
     */
    public TaskFailedException(Upid upid, String exitStatus, List<String> logTail) {
        super("task " + Objects.requireNonNull(upid, "upid") + " failed: " + exitStatus
                + (logTail.isEmpty() ? "" : "\nlog tail:\n  " + String.join("\n  ", logTail)));
        this.upid = upid;
        this.exitStatus = Objects.requireNonNull(exitStatus, "exitStatus");
        this.logTail = List.copyOf(logTail);
    }

    /**
     * The failed task.
     *
     * @return its UPID
     */
    public Upid upid() {
        return upid;
    }

    /**
     * The exit status, which is the error text of the task.
     *
     * @return the exit status
     */
    public String exitStatus() {
        return exitStatus;
    }

    /**
     * The last lines of the task log, oldest first.
     *
     * @return the lines, possibly empty
     */
    public List<String> logTail() {
        return logTail;
    }
}
