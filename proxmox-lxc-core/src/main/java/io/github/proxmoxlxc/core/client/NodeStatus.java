package io.github.proxmoxlxc.core.client;

import java.util.List;

/**
 * A node's current status ({@code GET /nodes/{node}/status}).
 *
 * @param cpu CPU usage, 0..1
 * @param cpus number of logical CPUs
 * @param memoryTotal total memory in bytes
 * @param memoryUsed used memory in bytes
 * @param memoryFree free memory in bytes
 * @param rootfsTotal root file system size in bytes
 * @param rootfsUsed root file system usage in bytes
 * @param uptime uptime in seconds
 * @param loadAverage the 1, 5 and 15 minute load averages as printed by the node
 * @param pveVersion the pve-manager version string
 * @param kernelVersion the kernel version string
 */
public record NodeStatus(double cpu, int cpus, long memoryTotal, long memoryUsed, long memoryFree, long rootfsTotal,
                         long rootfsUsed, long uptime, List<String> loadAverage, String pveVersion,
                         String kernelVersion) {

    /**
     * Copies the load averages.
     *
     * @param cpu CPU usage, 0..1
     * @param cpus number of logical CPUs
     * @param memoryTotal total memory in bytes
     * @param memoryUsed used memory in bytes
     * @param memoryFree free memory in bytes
     * @param rootfsTotal root file system size in bytes
     * @param rootfsUsed root file system usage in bytes
     * @param uptime uptime in seconds
     * @param loadAverage the 1, 5 and 15 minute load averages as printed by the node
     * @param pveVersion the pve-manager version string
     * @param kernelVersion the kernel version string
     */
    public NodeStatus {
        loadAverage = List.copyOf(loadAverage);
    }
}
