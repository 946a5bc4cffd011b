package io.github.proxmoxlxc.core.client;

import java.util.regex.Pattern;

/**
 * A task's status ({@code GET /nodes/{node}/tasks/{upid}/status}).
 *
 * @param upid the task
 * @param running whether the worker is still running
 * @param exitStatus when stopped: {@code OK}, {@code WARNINGS: n} or the error text; null while running
 */
public record TaskStatus(Upid upid, boolean running, String exitStatus) {
    private static final Pattern WARNINGS = Pattern.compile("^WARNINGS: (\\d+)$");

    /**
     * Whether the task stopped successfully ({@code OK} or {@code WARNINGS: n}).
     *
     * @return true when stopped with success
     */
    public boolean succeeded() {
        return !running && exitStatus != null && (exitStatus.equals("OK") || WARNINGS.matcher(exitStatus).matches());
    }

    /**
     * The number of warnings of a task that ended with {@code WARNINGS: n}.
     *
     * @return n, or 0 for any other status
     */
    public int warnings() {
        if (exitStatus == null) {
            return 0;
        }
        var m = WARNINGS.matcher(exitStatus);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }
}
