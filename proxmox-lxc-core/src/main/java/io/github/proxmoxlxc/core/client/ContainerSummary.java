package io.github.proxmoxlxc.core.client;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A container as listed by {@code GET /nodes/{node}/lxc}.
 *
 * <p>Built by the client (no public constructor): fields Proxmox adds become new accessors
 * without breaking callers.
 */
public final class ContainerSummary {
    private final int vmid;
    private final Optional<String> name;
    private final String status;
    private final ContainerState state;
    private final Optional<String> lock;
    private final boolean template;
    private final List<String> tags;
    private final double cpus;
    private final double cpu;
    private final long mem;
    private final long maxMem;
    private final long disk;
    private final long maxDisk;
    private final Duration uptime;

    ContainerSummary(int vmid, Optional<String> name, String status, Optional<String> lock, boolean template,
                     List<String> tags, double cpus, double cpu, long mem, long maxMem, long disk, long maxDisk,
                     Duration uptime) {
        this.vmid = vmid;
        this.name = name;
        this.status = status;
        this.state = ContainerState.of(status);
        this.lock = lock;
        this.template = template;
        this.tags = tags;
        this.cpus = cpus;
        this.cpu = cpu;
        this.mem = mem;
        this.maxMem = maxMem;
        this.disk = disk;
        this.maxDisk = maxDisk;
        this.uptime = uptime;
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
     * {@return the config lock (e.g. {@code backup}), if the container is locked}
     */
    public Optional<String> lock() {
        return lock;
    }

    /**
     * {@return whether it is a template}
     */
    public boolean template() {
        return template;
    }

    /**
     * {@return the tags in the order sent (Proxmox separates them by {@code ;}, {@code ,} or
     * spaces); empty when there are none}
     */
    public List<String> tags() {
        return tags;
    }

    /**
     * {@return the CPU limit}
     */
    public double cpus() {
        return cpus;
    }

    /**
     * {@return CPU usage, 0..1}
     */
    public double cpu() {
        return cpu;
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
     * {@return how long the container has been running (zero when stopped), to the second}
     */
    public Duration uptime() {
        return uptime;
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
        if (!(other instanceof ContainerSummary)) {
            return false;
        }
        ContainerSummary o = (ContainerSummary) other;
        return vmid == o.vmid && Objects.equals(name, o.name) && Objects.equals(status, o.status)
                && Objects.equals(lock, o.lock) && template == o.template && Objects.equals(tags, o.tags)
                && Double.compare(cpus, o.cpus) == 0 && Double.compare(cpu, o.cpu) == 0 && mem == o.mem
                && maxMem == o.maxMem && disk == o.disk && maxDisk == o.maxDisk && uptime.equals(o.uptime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(vmid, name, status, lock, template, tags, cpus, cpu, mem, maxMem, disk, maxDisk, uptime);
    }

    @Override
    public String toString() {
        return "ContainerSummary[" + "vmid=" + vmid + ", name=" + name + ", status=" + status + ", lock=" + lock
                + ", template=" + template + ", tags=" + tags + ", cpus=" + cpus + ", cpu=" + cpu + ", mem=" + mem
                + ", maxMem=" + maxMem + ", disk=" + disk + ", maxDisk=" + maxDisk + ", uptime=" + uptime + "]";
    }
}
