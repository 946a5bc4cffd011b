package io.github.proxmoxlxc.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * How the node simulator answers a command run inside a container: its stdout, stderr, exit status
 * and how long it takes. The default answer is success without output, at once.
 *
 * <pre>{@code
 * NodeSimulator.builder(sim)
 *         .onContainerCommand("apt-get update", ContainerReply.exit(100).withStderr("E: network down"))
 *         .start();
 * }</pre>
 */
public final class ContainerReply {
    private final int exitStatus;
    private final String stdout;
    private final String stderr;
    private final Duration duration;

    private ContainerReply(int exitStatus, String stdout, String stderr, Duration duration) {
        this.exitStatus = exitStatus;
        this.stdout = stdout;
        this.stderr = stderr;
        this.duration = duration;
    }

    /**
     * Success with this output.
     *
     * @param stdout the output (a newline is not added)
     * @return the reply
     */
    public static ContainerReply output(String stdout) {
        return new ContainerReply(0, Objects.requireNonNull(stdout, "stdout"), "", Duration.ZERO);
    }

    /**
     * An exit status without output.
     *
     * @param status 0..255
     * @return the reply
     */
    public static ContainerReply exit(int status) {
        if (status < 0 || status > 255) {
            throw new IllegalArgumentException("exit status must be 0..255: " + status);
        }
        return new ContainerReply(status, "", "", Duration.ZERO);
    }

    /**
     * Success without output, at once: what an unmatched command gets.
     *
     * @return the reply
     */
    public static ContainerReply success() {
        return exit(0);
    }

    /**
     * A copy with this stdout.
     *
     * @param text the output
     * @return the reply
     */
    public ContainerReply withStdout(String text) {
        return new ContainerReply(exitStatus, Objects.requireNonNull(text, "text"), stderr, duration);
    }

    /**
     * A copy with this stderr.
     *
     * @param text the output
     * @return the reply
     */
    public ContainerReply withStderr(String text) {
        return new ContainerReply(exitStatus, stdout, Objects.requireNonNull(text, "text"), duration);
    }

    /**
     * A copy that takes this long before it answers (real time, not scaled by the simulator's time
     * scale), e.g. for a client's command deadline.
     *
     * @param d the duration (at most 10 minutes)
     * @return the reply
     */
    public ContainerReply taking(Duration d) {
        if (d.isNegative() || d.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("duration must be 0..10 minutes: " + d);
        }
        return new ContainerReply(exitStatus, stdout, stderr, d);
    }

    /** {@return the exit status, 0..255, that {@code pct exec} ends with} */
    public int exitStatus() {
        return exitStatus;
    }

    /** {@return the text written to the command's stdout, as UTF-8; empty for none} */
    public String stdout() {
        return stdout;
    }

    /** {@return the text written to the command's stderr, as UTF-8; empty for none} */
    public String stderr() {
        return stderr;
    }

    /** {@return how long the command takes before it answers (real time); zero for at once} */
    public Duration duration() {
        return duration;
    }

    @Override
    public String toString() {
        return "ContainerReply[exit " + exitStatus + ", " + stdout.length() + "+" + stderr.length() + " chars, "
                + duration + "]";
    }
}
