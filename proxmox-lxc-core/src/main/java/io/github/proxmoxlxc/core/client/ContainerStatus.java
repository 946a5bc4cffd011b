package io.github.proxmoxlxc.core.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A container's current status ({@code GET /nodes/{node}/lxc/{vmid}/status/current}).
 *
 * <p>Built by the client (no public constructor): fields Proxmox adds become new accessors
 * without breaking callers.
 */
public final class ContainerStatus {
    private final int vmid;
    private final Optional<String> name;
    private final String status;
    private final ContainerState state;
    private final Optional<String> lock;
    private final Duration uptime;
    private final double cpu;
    private final double cpus;
    private final long mem;
    private final long maxMem;
    private final long disk;
    private final long maxDisk;
    private final long netIn;
    private final long netOut;
    private final OptionalInt pid;
    private final Optional<String> haState;

    ContainerStatus(int vmid, Optional<String> name, String status, Optional<String> lock, Duration uptime,
                    double cpu, double cpus, long mem, long maxMem, long disk, long maxDisk, long netIn, long netOut,
                    OptionalInt pid, Optional<String> haState) {
        this.vmid = vmid;
        this.name = name;
        this.status = status;
        this.state = ContainerState.of(status);
        this.lock = lock;
        this.uptime = uptime;
        this.cpu = cpu;
        this.cpus = cpus;
        this.mem = mem;
        this.maxMem = maxMem;
        this.disk = disk;
        this.maxDisk = maxDisk;
        this.netIn = netIn;
        this.netOut = netOut;
        this.pid = pid;
        this.haState = haState;
    }

    /**
     * {@return the container id}
     */
    public int vmid() {
        return vmid;
    }

    /**
     * {@return the host name, if Proxmox sent one}
     */
    public Optional<String> name() {
        return name;
    }

    /**
     * {@return whether the container runs; {@link ContainerState#UNKNOWN} for a status this version
     * does not know (see {@link #rawStatus()})}
     */
    public ContainerState state() {
        return state;
    }

    /**
     * {@return the status as sent, e.g. {@code running}; empty if none was sent}
     */
    public String rawStatus() {
        return status;
    }

    /**
     * {@return the config lock (e.g. {@code create}, {@code backup}), if the container is locked}
     */
    public Optional<String> lock() {
        return lock;
    }

    /**
     * {@return how long the container has been running (zero when stopped), to the second}
     */
    public Duration uptime() {
        return uptime;
    }

    /**
     * {@return CPU usage, 0..1}
     */
    public double cpu() {
        return cpu;
    }

    /**
     * {@return the CPU limit}
     */
    public double cpus() {
        return cpus;
    }

    /**
     * {@return used memory in bytes}
     */
    public long mem() {
        return mem;
    }

    /**
     * {@return memory limit in bytes}
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
     * {@return bytes received}
     */
    public long netIn() {
        return netIn;
    }

    /**
     * {@return bytes sent}
     */
    public long netOut() {
        return netOut;
    }

    /**
     * {@return the init process id on the host; empty when stopped}
     */
    public OptionalInt pid() {
        return pid;
    }

    /**
     * {@return the HA state (e.g. {@code started}); empty when not HA-managed}
     */
    public Optional<String> haState() {
        return haState;
    }

    /**
     * Whether the container is running.
     *
     * @return true if {@link #state()} is {@link ContainerState#RUNNING}
     */
    public boolean running() {
        return state == ContainerState.RUNNING;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ContainerStatus)) {
            return false;
        }
        ContainerStatus o = (ContainerStatus) other;
        return vmid == o.vmid && Objects.equals(name, o.name) && Objects.equals(status, o.status)
                && Objects.equals(lock, o.lock) && uptime.equals(o.uptime) && Double.compare(cpu, o.cpu) == 0
                && Double.compare(cpus, o.cpus) == 0 && mem == o.mem && maxMem == o.maxMem && disk == o.disk
                && maxDisk == o.maxDisk && netIn == o.netIn && netOut == o.netOut && pid.equals(o.pid)
                && Objects.equals(haState, o.haState);
    }

    @Override
    public int hashCode() {
        return Objects.hash(vmid, name, status, lock, uptime, cpu, cpus, mem, maxMem, disk, maxDisk, netIn, netOut,
                pid, haState);
    }

    @Override
    public String toString() {
        return "ContainerStatus[" + "vmid=" + vmid + ", name=" + name + ", status=" + status + ", lock=" + lock
                + ", uptime=" + uptime + ", cpu=" + cpu + ", cpus=" + cpus + ", mem=" + mem + ", maxMem=" + maxMem
                + ", disk=" + disk + ", maxDisk=" + maxDisk + ", netIn=" + netIn + ", netOut=" + netOut
                + ", pid=" + pid + ", haState=" + haState + "]";
    }
}
