package io.github.proxmoxlxc.core.provision;

import java.util.Objects;

/**
 * A node a {@link PlacementStrategy} may choose: online, with a rootfs storage that has room for
 * the container and a template storage.
 *
 * @param node the node name
 * @param memoryFreeBytes free memory (total minus used)
 * @param memoryTotalBytes total memory
 * @param cpuLoad CPU load 0..1 (per node, not per core)
 * @param cpus number of CPUs
 * @param inFlight provisions this provisioner is running on the node right now
 */
public record NodeCandidate(String node, long memoryFreeBytes, long memoryTotalBytes, double cpuLoad, int cpus,
                            int inFlight) {

    /**
     * Checks the node name.
     *
     * @param node the node name
     * @param memoryFreeBytes free memory (total minus used)
     * @param memoryTotalBytes total memory
     * @param cpuLoad CPU load 0..1 (per node, not per core)
     * @param cpus number of CPUs
     * @param inFlight provisions this provisioner is running on the node right now
     */
    public NodeCandidate {
        Objects.requireNonNull(node, "node");
    }
}
