package io.github.proxmoxlxc.testkit;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A storage the simulator offers on a node: id, plugin type, content types and space.
 *
 * <pre>{@code
 * StorageDefinition.builder().id("tank").type("zfspool").content(Set.of("rootdir", "images"))
 *     .totalBytes(500L << 30).build();
 * }</pre>
 */
public final class StorageDefinition {

    private final String id;
    private final String type;
    private final Set<String> content;
    private final long totalBytes;
    private final long usedBytes;
    private final boolean shared;
    private final boolean enabled;
    private final boolean active;

    private StorageDefinition(Builder b) {
        this.id = b.id;
        this.type = b.type;
        this.content = Set.copyOf(b.content);
        this.totalBytes = b.totalBytes;
        this.usedBytes = b.usedBytes;
        this.shared = b.shared;
        this.enabled = b.enabled;
        this.active = b.active;
    }

    /**
     * A new builder: type {@code dir}, content {@code rootdir}, 100 GiB, nothing used, not shared,
     * enabled and active. The id has no default.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this definition's values, to derive a variant (e.g. the same storage inactive).
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().id(id).type(type).content(content).totalBytes(totalBytes).usedBytes(usedBytes)
                .shared(shared).enabled(enabled);
        return b.active(active);
    }

    /** {@return the storage id, e.g. {@code local-lvm}, as in {@code storage.cfg} and volume ids} */
    public String id() {
        return id;
    }

    /**
     * {@return the plugin type: {@code dir}, {@code lvmthin}, {@code zfspool}, {@code nfs}, ...} It
     * decides how container volumes are named as their plugin names them ({@code dir}, {@code nfs},
     * {@code cifs}: {@code <id>:<vmid>/vm-<vmid>-disk-N.raw}, or {@code subvol-...} for size 0;
     * {@code zfspool}: {@code <id>:subvol-<vmid>-disk-N}; others {@code <id>:vm-<vmid>-disk-N}),
     * whether snapshots are possible ({@code lvmthin}, {@code zfspool}, {@code rbd}, {@code btrfs},
     * {@code cephfs}) and whether free space is checked on create (thick {@code lvm} only).
     */
    public String type() {
        return type;
    }

    /**
     * {@return the content types, e.g. {@code rootdir}, {@code vztmpl}, {@code images}} Container
     * volumes need {@code rootdir}, template downloads {@code vztmpl}, backups {@code backup}, as on
     * a real node.
     */
    public Set<String> content() {
        return content;
    }

    /** {@return the total size in bytes, reported as {@code total} by the storage status} */
    public long totalBytes() {
        return totalBytes;
    }

    /**
     * {@return the bytes already used by things other than simulated volumes} The storage status
     * reports this plus the sizes of the simulated volumes as {@code used}.
     */
    public long usedBytes() {
        return usedBytes;
    }

    /** {@return whether the storage is shared: one storage, with one pool of space, on every node} */
    public boolean shared() {
        return shared;
    }

    /**
     * {@return whether the storage is enabled in {@code storage.cfg}} A disabled one is listed with
     * {@code enabled 0} and refuses creates and downloads with {@code storage 'ID' is disabled}.
     */
    public boolean enabled() {
        return enabled;
    }

    /**
     * {@return whether the storage is active (mounted / reachable)} An inactive one is listed with
     * {@code active 0} and no sizes, and a create on it fails with {@code storage 'ID' is not online}.
     */
    public boolean active() {
        return active;
    }

    @Override
    public String toString() {
        return "StorageDefinition[" + id + ", " + type + ", " + content + ", " + totalBytes + " bytes]";
    }

    /** Builder of {@link StorageDefinition}. */
    public static final class Builder {
        private String id;
        private String type = "dir";
        private Set<String> content = new LinkedHashSet<>(Set.of("rootdir"));
        private long totalBytes = 100L << 30;
        private long usedBytes;
        private boolean shared;
        private boolean enabled = true;
        private boolean active = true;

        private Builder() {
        }

        /**
         * The storage id (required).
         *
         * @param id pve-storage-id format ({@code [a-z][a-z0-9-_.]*[a-z0-9]}), checked by {@link #build()}
         * @return this builder
         */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * The plugin type (default {@code dir}); see {@link StorageDefinition#type()} for what it changes.
         *
         * @param type a storage plugin type of Proxmox VE, e.g. {@code lvmthin}
         * @return this builder
         */
        public Builder type(String type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * Replaces the content types (default {@code rootdir}).
         *
         * @param content any of {@code rootdir}, {@code images}, {@code vztmpl}, {@code iso},
         *     {@code backup}, {@code snippets}, {@code import}; checked by {@link #build()}
         * @return this builder
         */
        public Builder content(Set<String> content) {
            this.content = new LinkedHashSet<>(Objects.requireNonNull(content, "content"));
            return this;
        }

        /**
         * The total size (default 100 GiB).
         *
         * @param totalBytes bytes, 0 or more; checked by {@link #build()}
         * @return this builder
         */
        public Builder totalBytes(long totalBytes) {
            this.totalBytes = totalBytes;
            return this;
        }

        /**
         * Bytes used outside the simulation (default 0), e.g. to leave little free space.
         *
         * @param usedBytes bytes, 0 up to the total size; checked by {@link #build()}
         * @return this builder
         */
        public Builder usedBytes(long usedBytes) {
            this.usedBytes = usedBytes;
            return this;
        }

        /**
         * Whether the storage is shared by all nodes (default false), like NFS or Ceph.
         *
         * @param shared true for one storage seen by every node
         * @return this builder
         */
        public Builder shared(boolean shared) {
            this.shared = shared;
            return this;
        }

        /**
         * Whether the storage is enabled (default true); see {@link StorageDefinition#enabled()}.
         *
         * @param enabled false for a storage disabled in {@code storage.cfg}
         * @return this builder
         */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /**
         * Whether the storage is active (default true); see {@link StorageDefinition#active()}.
         *
         * @param active false for a storage that is offline (e.g. an unreachable NFS server)
         * @return this builder
         */
        public Builder active(boolean active) {
            this.active = active;
            return this;
        }

        /**
         * Builds the definition.
         *
         * @return the definition
         * @throws IllegalArgumentException naming the field, value and rule when invalid
         */
        public StorageDefinition build() {
            if (id == null || !id.matches("(?i)[a-z][a-z0-9\\-_.]*[a-z0-9]")) {
                throw new IllegalArgumentException("storage id '" + id
                        + "' must match [a-z][a-z0-9-_.]*[a-z0-9] (pve-storage-id)");
            }
            if (totalBytes < 0 || usedBytes < 0 || usedBytes > totalBytes) {
                throw new IllegalArgumentException("storage '" + id + "': usedBytes " + usedBytes
                        + " must be between 0 and totalBytes " + totalBytes);
            }
            Set<String> known = Set.of("rootdir", "images", "vztmpl", "iso", "backup", "snippets", "import");
            for (String c : content) {
                if (!known.contains(c)) {
                    throw new IllegalArgumentException("storage '" + id + "': content '" + c + "' must be one of "
                            + known);
                }
            }
            return new StorageDefinition(this);
        }
    }
}
