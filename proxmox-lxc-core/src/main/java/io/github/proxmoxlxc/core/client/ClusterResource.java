package io.github.proxmoxlxc.core.client;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code GET /cluster/resources}: a guest, storage, node, pool or SDN zone.
 * Fields that do not apply to the entry's type are empty, 0 or false.
 *
 * <p>Built by the client (no public constructor): fields Proxmox adds become new accessors
 * without breaking callers.
 */
public final class ClusterResource {
    private final String id;
    private final String type;
    private final Optional<String> node;
    private final OptionalInt vmid;
    private final Optional<String> name;
    private final Optional<String> status;
    private final Optional<String> storage;
    private final Optional<String> lock;
    private final boolean template;
    private final Optional<String> pool;
    private final List<String> tags;
    private final double cpu;
    private final int maxCpu;
    private final long mem;
    private final long maxMem;
    private final long disk;
    private final long maxDisk;
    private final Duration uptime;
    private final Set<String> content;
    private final Optional<String> pluginType;
    private final boolean shared;

    ClusterResource(String id, String type, Optional<String> node, OptionalInt vmid, Optional<String> name,
                    Optional<String> status, Optional<String> storage, Optional<String> lock, boolean template,
                    Optional<String> pool, List<String> tags, double cpu, int maxCpu, long mem, long maxMem, long disk,
                    long maxDisk, Duration uptime, Set<String> content, Optional<String> pluginType, boolean shared) {
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
     * {@return the node the resource is on, if it is on one}
     */
    public Optional<String> node() {
        return node;
    }

    /**
     * {@return the guest id; empty for non-guests}
     */
    public OptionalInt vmid() {
        return vmid;
    }

    /**
     * {@return the guest name, if it has one}
     */
    public Optional<String> name() {
        return name;
    }

    /**
     * {@return a guest's state: {@link ContainerState#RUNNING} or {@link ContainerState#STOPPED};
     * {@link ContainerState#UNKNOWN} for other resource types and for a status this version does not
     * know (see {@link #rawStatus()})}
     */
    public ContainerState state() {
        boolean guest = type.equals("lxc") || type.equals("qemu");
        return guest ? status.map(ContainerState::of).orElse(ContainerState.UNKNOWN) : ContainerState.UNKNOWN;
    }

    /**
     * {@return the status as sent, e.g. {@code running}, {@code stopped}, {@code available},
     * {@code online}; empty if none was sent}
     */
    public Optional<String> rawStatus() {
        return status;
    }

    /**
     * {@return the storage id of a storage entry}
     */
    public Optional<String> storage() {
        return storage;
    }

    /**
     * {@return the guest's config lock, if it is locked}
     */
    public Optional<String> lock() {
        return lock;
    }

    /**
     * {@return whether the guest is a template}
     */
    public boolean template() {
        return template;
    }

    /**
     * {@return the pool, if the guest or storage is in one}
     */
    public Optional<String> pool() {
        return pool;
    }

    /**
     * {@return the guest tags in the order sent (Proxmox separates them by {@code ;}, {@code ,} or
     * spaces); empty when there are none}
     */
    public List<String> tags() {
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
     * {@return how long the guest or node has been up (zero when stopped or not applicable), to the
     * second}
     */
    public Duration uptime() {
        return uptime;
    }

    /**
     * {@return a storage's content types (e.g. {@code vztmpl}, {@code rootdir}); empty for other
     * types}
     */
    public Set<String> content() {
        return content;
    }

    /**
     * {@return a storage's type, e.g. {@code dir}, {@code lvmthin}}
     */
    public Optional<String> pluginType() {
        return pluginType;
    }

    /**
     * {@return whether a storage is shared}
     */
    public boolean shared() {
        return shared;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ClusterResource)) {
            return false;
        }
        ClusterResource o = (ClusterResource) other;
        return id.equals(o.id) && type.equals(o.type) && node.equals(o.node) && vmid.equals(o.vmid)
                && name.equals(o.name) && status.equals(o.status) && storage.equals(o.storage) && lock.equals(o.lock)
                && template == o.template && pool.equals(o.pool) && tags.equals(o.tags)
                && Double.compare(cpu, o.cpu) == 0 && maxCpu == o.maxCpu && mem == o.mem && maxMem == o.maxMem
                && disk == o.disk && maxDisk == o.maxDisk && uptime.equals(o.uptime) && content.equals(o.content)
                && pluginType.equals(o.pluginType) && shared == o.shared;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, type, node, vmid, name, status, storage, lock, template, pool, tags, cpu, maxCpu,
                mem, maxMem, disk, maxDisk, uptime, content, pluginType, shared);
    }

    @Override
    public String toString() {
        return "ClusterResource[" + "id=" + id + ", type=" + type + ", node=" + node.orElse(null)
                + ", vmid=" + (vmid.isPresent() ? vmid.getAsInt() : null) + ", name=" + name.orElse(null)
                + ", status=" + status.orElse(null) + ", storage=" + storage.orElse(null)
                + ", lock=" + lock.orElse(null) + ", template=" + template + ", pool=" + pool.orElse(null)
                + ", tags=" + tags + ", cpu=" + cpu + ", maxCpu=" + maxCpu + ", mem=" + mem + ", maxMem=" + maxMem
                + ", disk=" + disk + ", maxDisk=" + maxDisk + ", uptime=" + uptime + ", content=" + content
                + ", pluginType=" + pluginType.orElse(null) + ", shared=" + shared + "]";
    }
}
