package io.github.proxmoxlxc.core.client;

import java.util.Objects;

/**
 * One entry of {@code GET /cluster/resources}: a guest, storage, node, pool or SDN zone.
 * Fields that do not apply to the entry's type are null, 0 or false.
 *
 * <p>Built by the client (no public constructor): fields Proxmox adds become new accessors
 * without breaking callers.
 */
public final class ClusterResource {
    private final String id;
    private final String type;
    private final String node;
    private final Integer vmid;
    private final String name;
    private final String status;
    private final String storage;
    private final String lock;
    private final boolean template;
    private final String pool;
    private final String tags;
    private final double cpu;
    private final int maxCpu;
    private final long mem;
    private final long maxMem;
    private final long disk;
    private final long maxDisk;
    private final long uptime;
    private final String content;
    private final String pluginType;
    private final boolean shared;

    ClusterResource(String id, String type, String node, Integer vmid, String name, String status, String storage,
                    String lock, boolean template, String pool, String tags, double cpu, int maxCpu, long mem,
                    long maxMem, long disk, long maxDisk, long uptime, String content, String pluginType,
                    boolean shared) {
        this.id = id;
        this.type = type;
        this.node = node;
        this.vmid = vmid;
        this.name = name;
        this.status = status;
        this.storage = storage;
        this.lock = lock;
        this.template = template;
        this.pool = pool;
        this.tags = tags;
        this.cpu = cpu;
        this.maxCpu = maxCpu;
        this.mem = mem;
        this.maxMem = maxMem;
        this.disk = disk;
        this.maxDisk = maxDisk;
        this.uptime = uptime;
        this.content = content;
        this.pluginType = pluginType;
        this.shared = shared;
    }

    /**
     * {@return the resource id, e.g. {@code lxc/100}, {@code storage/pve1/local}, {@code node/pve1}}
     */
    public String id() {
        return id;
    }

    /**
     * {@return {@code lxc}, {@code qemu}, {@code storage}, {@code node}, {@code pool}, {@code sdn}, ...}
     */
    public String type() {
        return type;
    }

    /**
     * {@return the node the resource is on, or null}
     */
    public String node() {
        return node;
    }

    /**
     * {@return the guest id, or null for non-guests}
     */
    public Integer vmid() {
        return vmid;
    }

    /**
     * {@return the guest name, or null}
     */
    public String name() {
        return name;
    }

    /**
     * {@return the status, e.g. {@code running}, {@code stopped}, {@code available}, {@code online}}
     */
    public String status() {
        return status;
    }

    /**
     * {@return the storage id, or null}
     */
    public String storage() {
        return storage;
    }

    /**
     * {@return the guest's config lock, or null}
     */
    public String lock() {
        return lock;
    }

    /**
     * {@return whether the guest is a template}
     */
    public boolean template() {
        return template;
    }

    /**
     * {@return the pool, or null}
     */
    public String pool() {
        return pool;
    }

    /**
     * {@return the guest tags as sent ({@code ;}-separated), or null}
     */
    public String tags() {
        return tags;
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
     * {@return memory limit in bytes}
     */
    public long maxMem() {
        return maxMem;
    }

    /**
     * {@return used disk in bytes}
     */
    public long disk() {
        return disk;
    }

    /**
     * {@return disk size in bytes}
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
     * {@return a storage's content types ({@code ,}-separated), or null}
     */
    public String content() {
        return content;
    }

    /**
     * {@return a storage's type, e.g. {@code dir}, {@code lvmthin}, or null}
     */
    public String pluginType() {
        return pluginType;
    }

    /**
     * {@return whether a storage is shared}
     */
    public boolean shared() {
        return shared;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ClusterResource)) {
            return false;
        }
        ClusterResource o = (ClusterResource) other;
        return Objects.equals(id, o.id) && Objects.equals(type, o.type) && Objects.equals(node, o.node)
                && Objects.equals(vmid, o.vmid) && Objects.equals(name, o.name) && Objects.equals(status, o.status)
                && Objects.equals(storage, o.storage) && Objects.equals(lock, o.lock) && template == o.template
                && Objects.equals(pool, o.pool) && Objects.equals(tags, o.tags) && Double.compare(cpu, o.cpu) == 0
                && maxCpu == o.maxCpu && mem == o.mem && maxMem == o.maxMem && disk == o.disk && maxDisk == o.maxDisk
                && uptime == o.uptime && Objects.equals(content, o.content)
                && Objects.equals(pluginType, o.pluginType) && shared == o.shared;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, type, node, vmid, name, status, storage, lock, template, pool, tags, cpu, maxCpu,
                mem, maxMem, disk, maxDisk, uptime, content, pluginType, shared);
    }

    @Override
    public String toString() {
        return "ClusterResource[" + "id=" + id + ", type=" + type + ", node=" + node + ", vmid=" + vmid
                + ", name=" + name + ", status=" + status + ", storage=" + storage + ", lock=" + lock
                + ", template=" + template + ", pool=" + pool + ", tags=" + tags + ", cpu=" + cpu
                + ", maxCpu=" + maxCpu + ", mem=" + mem + ", maxMem=" + maxMem + ", disk=" + disk
                + ", maxDisk=" + maxDisk + ", uptime=" + uptime + ", content=" + content
                + ", pluginType=" + pluginType + ", shared=" + shared + "]";
    }
}
