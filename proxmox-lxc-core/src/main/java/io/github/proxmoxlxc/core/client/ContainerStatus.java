package io.github.proxmoxlxc.core.client;

import java.util.Objects;

/**
 * A container's current status ({@code GET /nodes/{node}/lxc/{vmid}/status/current}).
 *
 * <p>Built by the client (no public constructor): fields Proxmox adds become new accessors
 * without breaking callers.
 */
public final class ContainerStatus {
    private final int vmid;
    private final String name;
    private final String status;
    private final String lock;
    private final long uptime;
    private final double cpu;
    private final double cpus;
    private final long mem;
    private final long maxMem;
    private final long disk;
    private final long maxDisk;
    private final long netIn;
    private final long netOut;
    private final Integer pid;
    private final String haState;

    ContainerStatus(int vmid, String name, String status, String lock, long uptime, double cpu, double cpus,
                    long mem, long maxMem, long disk, long maxDisk, long netIn, long netOut, Integer pid,
                    String haState) {
        this.vmid = vmid;
        this.name = name;
        this.status = status;
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
     * {@return the host name, or null}
     */
    public String name() {
        return name;
    }

    /**
     * {@return {@code running} or {@code stopped}}
     */
    public String status() {
        return status;
    }

    /**
     * {@return the config lock (e.g. {@code create}, {@code backup}), or null}
     */
    public String lock() {
        return lock;
    }

    /**
     * {@return uptime in seconds}
     */
    public long uptime() {
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
     * {@return the init process id on the host, or null when stopped}
     */
    public Integer pid() {
        return pid;
    }

    /**
     * {@return the HA state, or null when not HA-managed}
     */
    public String haState() {
        return haState;
    }

    /**
     * Whether the container is running.
     *
     * @return true if status is {@code running}
     */
    public boolean running() {
        return "running".equals(status);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ContainerStatus)) {
            return false;
        }
        ContainerStatus o = (ContainerStatus) other;
        return vmid == o.vmid && Objects.equals(name, o.name) && Objects.equals(status, o.status)
                && Objects.equals(lock, o.lock) && uptime == o.uptime && Double.compare(cpu, o.cpu) == 0
                && Double.compare(cpus, o.cpus) == 0 && mem == o.mem && maxMem == o.maxMem && disk == o.disk
                && maxDisk == o.maxDisk && netIn == o.netIn && netOut == o.netOut && Objects.equals(pid, o.pid)
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
