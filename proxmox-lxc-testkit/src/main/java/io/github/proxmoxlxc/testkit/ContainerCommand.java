package io.github.proxmoxlxc.testkit;

import java.util.List;
import java.util.Map;

/**
 * A command the node simulator ran inside a container ({@code pct exec <vmid> -- ...}), for
 * assertions: where, what, with which environment ({@code env K=V} words in front of the command),
 * how much input, and how it ended.
 */
public final class ContainerCommand {
    private final String node;
    private final int vmid;
    private final List<String> command;
    private final Map<String, String> environment;
    private final int stdinBytes;
    private final int exitStatus;

    ContainerCommand(String node, int vmid, List<String> command, Map<String, String> environment, int stdinBytes,
            int exitStatus) {
        this.node = node;
        this.vmid = vmid;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.stdinBytes = stdinBytes;
        this.exitStatus = exitStatus;
    }

    /** {@return the node whose SSH server ran {@code pct exec}, the node the container is on} */
    public String node() {
        return node;
    }

    /** {@return the container id given to {@code pct exec}} */
    public int vmid() {
        return vmid;
    }

    /**
     * {@return the command words after {@code --}, without the leading {@code env K=V} words, e.g.
     * {@code [sh, -c, ..., sh, Europe/Berlin]}}
     */
    public List<String> command() {
        return command;
    }

    /**
     * {@return the command words joined by single spaces} This is the text the patterns of
     * {@link NodeSimulator.Builder#onContainerCommand(String, ContainerReply)} are searched in.
     */
    public String line() {
        return String.join(" ", command);
    }

    /** {@return the environment given with {@code env K=V} words in front of the command; empty if none} */
    public Map<String, String> environment() {
        return environment;
    }

    /** {@return how many bytes the client sent on the command's stdin (e.g. a script piped in)} */
    public int stdinBytes() {
        return stdinBytes;
    }

    /** {@return the exit status the simulator answered with, from the matching {@link ContainerReply}} */
    public int exitStatus() {
        return exitStatus;
    }

    @Override
    public String toString() {
        return "ContainerCommand[" + node + "/" + vmid + ": " + line() + " -> " + exitStatus + "]";
    }
}
