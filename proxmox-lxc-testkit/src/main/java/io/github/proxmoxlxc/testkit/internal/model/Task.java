package io.github.proxmoxlxc.testkit.internal.model;

import java.util.List;

/** A worker task; the outcome is fixed when forked and becomes visible when it stops. */
final class Task {
    final String upid;
    final String node;
    final String type;
    final String id;
    final String user;
    final long pid;
    final long pstart;
    final long starttime;
    final long startNanos;
    final long endNanos;
    final long seq;
    /** Log lines written while running (without the final TASK line). */
    final List<String> lines;
    /** {@code OK}, {@code WARNINGS: n} or the error text. */
    final String exitStatus;
    final Runnable onSuccess;
    final Runnable onFailure;
    boolean stopped;
    long endtime;

    Task(String upid, String node, String type, String id, String user, long pid, long pstart, long starttime,
            long startNanos, long endNanos, long seq, List<String> lines, String exitStatus, Runnable onSuccess,
            Runnable onFailure) {
        this.upid = upid;
        this.node = node;
        this.type = type;
        this.id = id;
        this.user = user;
        this.pid = pid;
        this.pstart = pstart;
        this.starttime = starttime;
        this.startNanos = startNanos;
        this.endNanos = endNanos;
        this.seq = seq;
        this.lines = List.copyOf(lines);
        this.exitStatus = exitStatus;
        this.onSuccess = onSuccess;
        this.onFailure = onFailure;
    }

    boolean ok() {
        return exitStatus.equals("OK") || exitStatus.matches("WARNINGS: \\d+");
    }

    /** The log as it is visible at {@code now}: lines appear proportionally to elapsed time. */
    List<String> visibleLog(long nowNanos) {
        if (stopped) {
            String last = exitStatus.equals("OK") ? "TASK OK"
                    : exitStatus.startsWith("WARNINGS: ") ? "TASK " + exitStatus : "TASK ERROR: " + exitStatus;
            java.util.List<String> all = new java.util.ArrayList<>(lines);
            all.add(last);
            return all;
        }
        long span = Math.max(1, endNanos - startNanos);
        int n = (int) Math.min(lines.size(), (lines.size() * Math.max(0, nowNanos - startNanos)) / span);
        return lines.subList(0, n);
    }
}
