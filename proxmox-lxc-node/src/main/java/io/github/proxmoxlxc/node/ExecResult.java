package io.github.proxmoxlxc.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How a command on the node ended: exit status, captured output (capped; the start is dropped
 * first) and how long it took.
 */
public final class ExecResult {
    private final String command;
    private final int exitStatus;
    private final String stdout;
    private final String stderr;
    private final Duration duration;
    private final boolean truncated;

    ExecResult(String command, int exitStatus, String stdout, String stderr, Duration duration, boolean truncated) {
        this.command = Objects.requireNonNull(command, "command");
        this.exitStatus = exitStatus;
        this.stdout = stdout;
        this.stderr = stderr;
        this.duration = duration;
        this.truncated = truncated;
    }

    /**
     * The command line that ran (as sent; values quoted).
     *
     * @return the command line
     */
    public String command() {
        return command;
    }

    /**
     * The exit status.
     *
     * @return 0..255, or -1 when the command was killed by a signal or the server sent none
     */
    public int exitStatus() {
        return exitStatus;
    }

    /**
     * Whether the exit status is 0.
     *
     * @return true on success
     */
    public boolean success() {
        return exitStatus == 0;
    }

    /**
     * Standard output (UTF-8, capped).
     *
     * @return the text
     */
    public String stdout() {
        return stdout;
    }

    /**
     * Standard error (UTF-8, capped).
     *
     * @return the text
     */
    public String stderr() {
        return stderr;
    }

    /**
     * Wall time from sending the command to its end.
     *
     * @return the duration
     */
    public Duration duration() {
        return duration;
    }

    /**
     * Whether the beginning of the output was dropped because it exceeded the cap.
     *
     * @return true when truncated
     */
    public boolean truncated() {
        return truncated;
    }

    /**
     * The last {@code n} lines of stdout followed by the last {@code n} of stderr.
     *
     * @param n lines per stream
     * @return the lines
     */
    public List<String> tail(int n) {
        List<String> out = new ArrayList<>(lastLines(stdout, n));
        out.addAll(lastLines(stderr, n));
        return out;
    }

    /**
     * Throws unless the command succeeded.
     *
     * @return this result
     * @throws CommandFailedException with the output tail when the exit status is not 0
     */
    public ExecResult requireSuccess() {
        if (exitStatus != 0) {
            List<String> tail = tail(10);
            throw new CommandFailedException("command on the node failed with exit status " + exitStatus + ": "
                    + command + (tail.isEmpty() ? "" : "\n  " + String.join("\n  ", tail)), exitStatus, tail);
        }
        return this;
    }

    private static List<String> lastLines(String s, int n) {
        if (s.isEmpty()) {
            return List.of();
        }
        List<String> lines = Arrays.asList(s.split("\r?\n", -1));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines = lines.subList(0, lines.size() - 1);
        }
        return List.copyOf(lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    @Override
    public String toString() {
        return "ExecResult[exit=" + exitStatus + ", " + duration.toMillis() + " ms, " + command + "]";
    }
}
