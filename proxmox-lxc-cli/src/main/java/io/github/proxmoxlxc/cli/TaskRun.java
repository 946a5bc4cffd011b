package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.client.TaskResult;
import io.github.proxmoxlxc.core.client.Upid;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A finished task as the day-two commands report it: the wait, the outcome, a JSON document. */
final class TaskRun {
    final Upid upid;
    final TaskResult result;
    final long millis;

    private TaskRun(Upid upid, TaskResult result, long millis) {
        this.upid = upid;
        this.result = result;
        this.millis = millis;
    }

    /** Waits for the task (failures propagate and are rendered like every task failure). */
    static TaskRun await(Connection c, Upid upid, Duration timeout) {
        long start = System.nanoTime();
        TaskResult r = c.client().tasks().await(upid, timeout);
        return new TaskRun(upid, r, Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    /** Waits for the task, printing each new log line to stderr as progress. */
    static TaskRun awaitWithProgress(Connection c, Upid upid, Duration timeout, Out out) {
        long start = System.nanoTime();
        TaskResult r = c.client().tasks().await(upid, io.github.proxmoxlxc.core.client.TaskWait.builder()
                .timeout(timeout).logListener(l -> out.note("  " + l.text())).build());
        return new TaskRun(upid, r, Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    /** " (1.2s)" or " (1.2s), 2 warning(s)". */
    String suffix() {
        return " (" + Durations.format(millis) + ")" + (result.warnings() > 0 ? ", " + result.warnings()
                + " warning(s)" : "");
    }

    /** The common fields: vmid, node, then the caller's, then task, exitStatus, durationMs. */
    Map<String, Object> document(int vmid, String node, Map<String, Object> fields) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("vmid", vmid);
        doc.put("node", node);
        doc.putAll(fields);
        doc.put("task", upid.toString());
        doc.put("exitStatus", result.exitStatus());
        doc.put("durationMs", millis);
        return doc;
    }
}
