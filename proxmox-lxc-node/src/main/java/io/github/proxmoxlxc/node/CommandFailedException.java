package io.github.proxmoxlxc.node;

import java.util.List;

/**
 * A command on the node ended with a non-zero exit status (or a signal) where success was
 * required. The message and {@link #outputTail()} carry the last lines of its output.
 */
public final class CommandFailedException extends NodeChannelException {
    private static final long serialVersionUID = 1L;
    private final int exitStatus;
    private final List<String> outputTail;

    /**
     * An exception for a failed command.
     *
     * @param message what ran and how it ended, with the output tail
     * @param exitStatus the exit status, -1 when killed by a signal or unknown
     * @param outputTail the last lines of stdout and stderr
     */
    CommandFailedException(String message, int exitStatus, List<String> outputTail) {
        super(message);
        this.exitStatus = exitStatus;
        this.outputTail = List.copyOf(outputTail);
    }

    /**
     * The exit status.
     *
     * @return the status, -1 when killed by a signal or unknown
     */
    public int exitStatus() {
        return exitStatus;
    }

    /**
     * The last lines of the command's output (stdout then stderr).
     *
     * @return an unmodifiable list
     */
    public List<String> outputTail() {
        return outputTail;
    }
}
