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

    /** The node the container is on. */
    public String node() {
        return node;
    }

    /** The container. */
    public int vmid() {
        return vmid;
    }

    /** The command words, e.g. {@code [sh, -c, ..., sh, Europe/Berlin]}. */
    public List<String> command() {
        return command;
    }

    /** The words joined by single spaces (what reply patterns are matched against). */
    public String line() {
        return String.join(" ", command);
    }

    /** The environment given with {@code env K=V} in front of the command. */
    public Map<String, String> environment() {
        return environment;
    }

    /** How many bytes the client sent on stdin. */
    public int stdinBytes() {
        return stdinBytes;
    }

    /** The exit status the simulator answered with. */
    public int exitStatus() {
        return exitStatus;
    }

    @Override
    public String toString() {
        return "ContainerCommand[" + node + "/" + vmid + ": " + line() + " -> " + exitStatus + "]";
    }
}
