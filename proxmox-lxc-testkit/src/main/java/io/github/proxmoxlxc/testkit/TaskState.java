package io.github.proxmoxlxc.testkit;

import java.util.List;
import java.util.Optional;

/**
 * A snapshot of one simulated worker task.
 *
 * @param upid the task's UPID, {@code UPID:node:pid:pstart:starttime:type:id:user:}
 * @param node the node the task runs on
 * @param type worker type, e.g. {@code vzcreate}, {@code vzstart}, {@code download}
 * @param id the task's object id (usually the vmid, the template name for downloads)
 * @param user the user or token id that started it
 * @param running whether the task is still running
 * @param exitStatus {@code OK}, {@code WARNINGS: n} or the error text, once stopped
 * @param log the log lines written so far (the last one is {@code TASK OK} / {@code TASK ERROR: ...} once stopped)
 */
public record TaskState(String upid, String node, String type, String id, String user, boolean running,
        Optional<String> exitStatus, List<String> log) {

    /**
     * Copies the log so the snapshot cannot change.
     *
     * @param upid the task's UPID
     * @param node the node the task runs on
     * @param type the worker type
     * @param id the task's object id
     * @param user the user or token id that started it
     * @param running whether the task is still running
     * @param exitStatus the exit status once stopped, empty while running
     * @param log the log lines written so far
     */
    public TaskState {
        log = List.copyOf(log);
    }

    /**
     * {@return whether the task stopped successfully ({@code OK} or {@code WARNINGS: n})} False while
     * it runs and when it failed; as a client reading {@code GET .../tasks/{upid}/status} judges it.
     */
    public boolean succeeded() {
        return exitStatus.map(s -> s.equals("OK") || s.matches("WARNINGS: \\d+")).orElse(false);
    }
}
