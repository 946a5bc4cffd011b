package io.github.proxmoxlxc.core.client;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A node's current status ({@code GET /nodes/{node}/status}).
 *
 * <p>Built by the client (no public constructor): fields Proxmox adds become new accessors
 * without breaking callers.
 */
public final class NodeStatus {
    private final double cpu;
    private final int cpus;
    private final long memoryTotal;
    private final long memoryUsed;
    private final long memoryFree;
    private final long rootfsTotal;
    private final long rootfsUsed;
    private final Duration uptime;
    private final List<String> loadAverage;
    private final String pveVersion;
    private final String kernelVersion;

    NodeStatus(double cpu, int cpus, long memoryTotal, long memoryUsed, long memoryFree, long rootfsTotal,
               long rootfsUsed, Duration uptime, List<String> loadAverage, String pveVersion, String kernelVersion) {
        loadAverage = List.copyOf(loadAverage);
        this.cpu = cpu;
        this.cpus = cpus;
        this.memoryTotal = memoryTotal;
        this.memoryUsed = memoryUsed;
        this.memoryFree = memoryFree;
        this.rootfsTotal = rootfsTotal;
        this.rootfsUsed = rootfsUsed;
        this.uptime = uptime;
        this.loadAverage = loadAverage;
        this.pveVersion = pveVersion;
        this.kernelVersion = kernelVersion;
    }

    /**
     * {@return CPU usage, 0..1}
     */
    public double cpu() {
        return cpu;
    }

    /**
     * {@return number of logical CPUs}
     */
    public int cpus() {
        return cpus;
    }

    /**
     * {@return total memory in bytes}
     */
    public long memoryTotal() {
        return memoryTotal;
    }

    /**
     * {@return used memory in bytes}
     */
    public long memoryUsed() {
        return memoryUsed;
    }

    /**
     * {@return free memory in bytes}
     */
    public long memoryFree() {
        return memoryFree;
    }

    /**
     * {@return root file system size in bytes}
     */
    public long rootfsTotal() {
        return rootfsTotal;
    }

    /**
     * {@return root file system usage in bytes}
     */
    public long rootfsUsed() {
        return rootfsUsed;
    }

    /**
     * {@return how long it has been up, to the second}
     */
    public Duration uptime() {
        return uptime;
    }

    /**
     * {@return the 1, 5 and 15 minute load averages as printed by the node}
     */
    public List<String> loadAverage() {
        return loadAverage;
    }

    /**
     * {@return the pve-manager version string}
     */
    public String pveVersion() {
        return pveVersion;
    }

    /**
     * {@return the kernel version string}
     */
    public String kernelVersion() {
        return kernelVersion;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof NodeStatus)) {
            return false;
        }
        NodeStatus o = (NodeStatus) other;
        return Double.compare(cpu, o.cpu) == 0 && cpus == o.cpus && memoryTotal == o.memoryTotal
                && memoryUsed == o.memoryUsed && memoryFree == o.memoryFree && rootfsTotal == o.rootfsTotal
                && rootfsUsed == o.rootfsUsed && uptime.equals(o.uptime) && Objects.equals(loadAverage, o.loadAverage)
                && Objects.equals(pveVersion, o.pveVersion) && Objects.equals(kernelVersion, o.kernelVersion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cpu, cpus, memoryTotal, memoryUsed, memoryFree, rootfsTotal, rootfsUsed, uptime,
                loadAverage, pveVersion, kernelVersion);
    }

    @Override
    public String toString() {
        return "NodeStatus[" + "cpu=" + cpu + ", cpus=" + cpus + ", memoryTotal=" + memoryTotal
                + ", memoryUsed=" + memoryUsed + ", memoryFree=" + memoryFree + ", rootfsTotal=" + rootfsTotal
                + ", rootfsUsed=" + rootfsUsed + ", uptime=" + uptime + ", loadAverage=" + loadAverage
                + ", pveVersion=" + pveVersion + ", kernelVersion=" + kernelVersion + "]";
    }
}
