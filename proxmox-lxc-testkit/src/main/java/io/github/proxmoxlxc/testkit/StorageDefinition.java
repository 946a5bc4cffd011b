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

    /** A new builder (type {@code dir}, 100 GiB, enabled and active). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder with this definition's values. */
    public Builder toBuilder() {
        Builder b = new Builder().id(id).type(type).content(content).totalBytes(totalBytes).usedBytes(usedBytes)
                .shared(shared).enabled(enabled);
        return b.active(active);
    }

    /** Storage id, e.g. {@code local-lvm}. */
    public String id() {
        return id;
    }

    /** Plugin type: {@code dir}, {@code lvmthin}, {@code zfspool}, {@code nfs}, ... */
    public String type() {
        return type;
    }

    /** Content types, e.g. {@code rootdir}, {@code vztmpl}, {@code images}. */
    public Set<String> content() {
        return content;
    }

    /** Total size in bytes. */
    public long totalBytes() {
        return totalBytes;
    }

    /** Bytes already used by things other than simulated volumes. */
    public long usedBytes() {
        return usedBytes;
    }

    /** Whether the storage is shared (the same on every node). */
    public boolean shared() {
        return shared;
    }

    /** Whether the storage is enabled in {@code storage.cfg}. */
    public boolean enabled() {
        return enabled;
    }

    /** Whether the storage is active (mounted / reachable). */
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

        /** Storage id (required; pve-storage-id format). */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /** Plugin type (default {@code dir}). */
        public Builder type(String type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /** Replaces the content types (default {@code rootdir}). */
        public Builder content(Set<String> content) {
            this.content = new LinkedHashSet<>(Objects.requireNonNull(content, "content"));
            return this;
        }

        /** Total size in bytes (default 100 GiB). */
        public Builder totalBytes(long totalBytes) {
            this.totalBytes = totalBytes;
            return this;
        }

        /** Bytes used outside the simulation (default 0). */
        public Builder usedBytes(long usedBytes) {
            this.usedBytes = usedBytes;
            return this;
        }

        /** Whether shared by all nodes (default false). */
        public Builder shared(boolean shared) {
            this.shared = shared;
            return this;
        }

        /** Whether enabled (default true). */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /** Whether active (default true). */
        public Builder active(boolean active) {
            this.active = active;
            return this;
        }

        /**
         * Builds the definition.
         *
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
