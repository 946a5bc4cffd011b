package io.github.proxmoxlxc.core.client;

import java.util.Objects;

/**
 * A container as listed by {@code GET /nodes/{node}/lxc}.
 *
 * <p>Built by the client (no public constructor): fields Proxmox adds become new accessors
 * without breaking callers.
 */
public final class ContainerSummary {
    private final int vmid;
    private final String name;
    private final String status;
    private final String lock;
    private final boolean template;
    private final String tags;
    private final double cpus;
    private final double cpu;
    private final long mem;
    private final long maxMem;
    private final long disk;
    private final long maxDisk;
    private final long uptime;

    ContainerSummary(int vmid, String name, String status, String lock, boolean template, String tags, double cpus,
                     double cpu, long mem, long maxMem, long disk, long maxDisk, long uptime) {
        this.vmid = vmid;
        this.name = name;
        this.status = status;
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
     * {@return the config lock, or null}
     */
    public String lock() {
        return lock;
    }

    /**
     * {@return whether it is a template}
     */
    public boolean template() {
        return template;
    }

    /**
     * {@return the tags ({@code ;}-separated), or null}
     */
    public String tags() {
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
     * {@return uptime in seconds}
     */
    public long uptime() {
        return uptime;
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
        if (!(other instanceof ContainerSummary)) {
            return false;
        }
        ContainerSummary o = (ContainerSummary) other;
        return vmid == o.vmid && Objects.equals(name, o.name) && Objects.equals(status, o.status)
                && Objects.equals(lock, o.lock) && template == o.template && Objects.equals(tags, o.tags)
                && Double.compare(cpus, o.cpus) == 0 && Double.compare(cpu, o.cpu) == 0 && mem == o.mem
                && maxMem == o.maxMem && disk == o.disk && maxDisk == o.maxDisk && uptime == o.uptime;
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
