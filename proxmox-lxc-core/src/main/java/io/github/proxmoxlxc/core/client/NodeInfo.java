package io.github.proxmoxlxc.core.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A cluster node as listed by {@code GET /nodes}.
 *
 * <p>Built by the client (no public constructor): fields Proxmox adds become new accessors
 * without breaking callers.
 */
public final class NodeInfo {
    private final String node;
    private final String status;
    private final double cpu;
    private final int maxCpu;
    private final long mem;
    private final long maxMem;
    private final long disk;
    private final long maxDisk;
    private final Duration uptime;
    private final Optional<String> sslFingerprint;

    NodeInfo(String node, String status, double cpu, int maxCpu, long mem, long maxMem, long disk, long maxDisk,
             Duration uptime, Optional<String> sslFingerprint) {
        this.node = node;
        this.status = status;
        this.cpu = cpu;
        this.maxCpu = maxCpu;
        this.mem = mem;
        this.maxMem = maxMem;
        this.disk = disk;
        this.maxDisk = maxDisk;
        this.uptime = uptime;
        this.sslFingerprint = sslFingerprint;
    }

    /**
     * {@return the node name}
     */
    public String node() {
        return node;
    }

    /**
     * {@return whether the node is online, offline or unknown; {@link NodeState#UNKNOWN} also for a status
     * this version does not know (see {@link #rawStatus()})}
     */
    public NodeState state() {
        return NodeState.of(status);
    }

    /**
     * {@return the status as Proxmox sent it ({@code online}, {@code offline}, {@code unknown}, or a newer value)}
     */
    public String rawStatus() {
        return status;
    }

    /**
     * {@return CPU usage, 0..1}
     */
    public double cpu() {
        return cpu;
    }

    /**
     * {@return number of CPUs}
     */
    public int maxCpu() {
        return maxCpu;
    }

    /**
     * {@return used memory in bytes}
     */
    public long mem() {
        return mem;
    }

    /**
     * {@return total memory in bytes}
     */
    public long maxMem() {
        return maxMem;
    }

    /**
     * {@return used root disk in bytes}
     */
    public long disk() {
        return disk;
    }

    /**
     * {@return root disk size in bytes}
     */
    public long maxDisk() {
        return maxDisk;
    }

    /**
     * {@return how long it has been up, to the second}
     */
    public Duration uptime() {
        return uptime;
    }

    /**
     * {@return the SHA-256 fingerprint of the node certificate, if sent}
     */
    public Optional<String> sslFingerprint() {
        return sslFingerprint;
    }

    /**
     * Whether the node is online.
     *
     * @return true if {@link #state()} is {@link NodeState#ONLINE}
     */
    public boolean online() {
        return state() == NodeState.ONLINE;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof NodeInfo)) {
            return false;
        }
        NodeInfo o = (NodeInfo) other;
        return Objects.equals(node, o.node) && Objects.equals(status, o.status) && Double.compare(cpu, o.cpu) == 0
                && maxCpu == o.maxCpu && mem == o.mem && maxMem == o.maxMem && disk == o.disk && maxDisk == o.maxDisk
                && uptime.equals(o.uptime) && Objects.equals(sslFingerprint, o.sslFingerprint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(node, status, cpu, maxCpu, mem, maxMem, disk, maxDisk, uptime, sslFingerprint);
    }

    @Override
    public String toString() {
        return "NodeInfo[" + "node=" + node + ", status=" + status + ", cpu=" + cpu + ", maxCpu=" + maxCpu
                + ", mem=" + mem + ", maxMem=" + maxMem + ", disk=" + disk + ", maxDisk=" + maxDisk
                + ", uptime=" + uptime + ", sslFingerprint=" + sslFingerprint + "]";
    }
}
