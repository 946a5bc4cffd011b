package io.github.proxmoxlxc.core.client;

import java.util.Objects;
import java.util.Set;

/**
 * A storage as seen from one node ({@code GET /nodes/{node}/storage}).
 *
 * <p>Built by the client (no public constructor): fields Proxmox adds become new accessors
 * without breaking callers.
 */
public final class StorageInfo {
    private final String storage;
    private final String type;
    private final Set<String> content;
    private final boolean active;
    private final boolean enabled;
    private final boolean shared;
    private final long total;
    private final long used;
    private final long available;

    StorageInfo(String storage, String type, Set<String> content, boolean active, boolean enabled, boolean shared,
                long total, long used, long available) {
        content = Set.copyOf(content);
        this.storage = storage;
        this.type = type;
        this.content = content;
        this.active = active;
        this.enabled = enabled;
        this.shared = shared;
        this.total = total;
        this.used = used;
        this.available = available;
    }

    /**
     * {@return the storage id}
     */
    public String storage() {
        return storage;
    }

    /**
     * {@return the storage type, e.g. {@code dir}, {@code lvmthin}, {@code zfspool}}
     */
    public String type() {
        return type;
    }

    /**
     * {@return what it may hold, e.g. {@code rootdir}, {@code vztmpl}, {@code images}}
     */
    public Set<String> content() {
        return content;
    }

    /**
     * {@return whether it is active on the node}
     */
    public boolean active() {
        return active;
    }

    /**
     * {@return whether it is enabled}
     */
    public boolean enabled() {
        return enabled;
    }

    /**
     * {@return whether it is shared between nodes}
     */
    public boolean shared() {
        return shared;
    }

    /**
     * {@return size in bytes}
     */
    public long total() {
        return total;
    }

    /**
     * {@return used bytes}
     */
    public long used() {
        return used;
    }

    /**
     * {@return available bytes}
     */
    public long available() {
        return available;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof StorageInfo)) {
            return false;
        }
        StorageInfo o = (StorageInfo) other;
        return Objects.equals(storage, o.storage) && Objects.equals(type, o.type)
                && Objects.equals(content, o.content) && active == o.active && enabled == o.enabled
                && shared == o.shared && total == o.total && used == o.used && available == o.available;
    }

    @Override
    public int hashCode() {
        return Objects.hash(storage, type, content, active, enabled, shared, total, used, available);
    }

    @Override
    public String toString() {
        return "StorageInfo[" + "storage=" + storage + ", type=" + type + ", content=" + content
                + ", active=" + active + ", enabled=" + enabled + ", shared=" + shared + ", total=" + total
                + ", used=" + used + ", available=" + available + "]";
    }
}
