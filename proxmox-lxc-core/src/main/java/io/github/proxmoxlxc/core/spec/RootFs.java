package io.github.proxmoxlxc.core.spec;

import io.github.proxmoxlxc.core.internal.spec.Formats;
import io.github.proxmoxlxc.core.internal.spec.MountCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The container's root file system: the value of the {@code rootfs} parameter
 * ({@code local-lvm:8,mountoptions=noatime}).
 *
 * <p>On create, a volume {@code STORAGE:SIZE} (size in GiB) allocates a new volume; a config read
 * back names the allocated volume ({@code local-lvm:vm-100-disk-0,size=8G}). A volume that is an
 * absolute path is a bind or device mount, which only {@code root@pam} may set.
 *
 * <pre>{@code
 * RootFs root = RootFs.builder().volume("local-lvm", 16).addMountOption("noatime").build();
 * root.encode();   // "local-lvm:16,mountoptions=noatime"
 * }</pre>
 */
public final class RootFs {
    private final String volume;
    private final Boolean acl;
    private final List<String> mountOptions;
    private final boolean quota;
    private final boolean replicate;
    private final boolean readOnly;
    private final boolean shared;
    private final String size;

    private RootFs(Builder b) {
        this.volume = b.volume;
        this.acl = b.acl;
        this.mountOptions = List.copyOf(b.mountOptions);
        this.quota = b.quota;
        this.replicate = b.replicate;
        this.readOnly = b.readOnly;
        this.shared = b.shared;
        this.size = b.size;
    }

    /**
     * Starts a new root file system.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Decodes a {@code rootfs} value as {@code GET .../config} returns it.
     *
     * @param value the property string
     * @return the root file system
     * @throws InvalidSpecException naming {@code rootfs} and the sub-key on any syntax or format error
     */
    public static RootFs parse(String value) {
        return MountCodec.parseRootFs("rootfs", value);
    }

    /**
     * Encodes as Proxmox expects it (volume first, then the other keys sorted).
     *
     * @return the property string
     * @throws InvalidSpecException if a value breaks a rule
     */
    public String encode() {
        return MountCodec.encode("rootfs", this);
    }

    /**
     * A builder holding these values.
     *
     * @return a builder to derive a changed copy
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.volume = volume;
        b.acl = acl;
        b.mountOptions.addAll(mountOptions);
        b.quota = quota;
        b.replicate = replicate;
        b.readOnly = readOnly;
        b.shared = shared;
        b.size = size;
        return b;
    }

    /**
     * The volume: {@code STORAGE:SIZE_GiB} to allocate, {@code storage:volname} for an existing
     * volume, or an absolute host path (bind/device mount).
     *
     * @return the volume, or empty when not set (a violation)
     */
    public Optional<String> volume() {
        return Optional.ofNullable(volume);
    }

    /**
     * ACL support, when explicitly enabled or disabled.
     *
     * @return the setting, or empty for the file system's default
     */
    public Optional<Boolean> acl() {
        return Optional.ofNullable(acl);
    }

    /**
     * Extra mount options ({@code discard}, {@code lazytime}, {@code noatime}, {@code nodev},
     * {@code noexec}, {@code nosuid}), sent {@code ;}-joined.
     *
     * @return an unmodifiable list
     */
    public List<String> mountOptions() {
        return mountOptions;
    }

    /**
     * Whether user quotas are enabled.
     *
     * @return true for {@code quota=1}
     */
    public boolean quota() {
        return quota;
    }

    /**
     * Whether the volume is included in replication jobs (default true).
     *
     * @return false for {@code replicate=0}
     */
    public boolean replicate() {
        return replicate;
    }

    /**
     * Whether the mount is read-only.
     *
     * @return true for {@code ro=1}
     */
    public boolean readOnly() {
        return readOnly;
    }

    /**
     * Whether a non-volume mount is marked as available on all nodes.
     *
     * @return true for {@code shared=1}
     */
    public boolean shared() {
        return shared;
    }

    /**
     * The size Proxmox reports for an existing volume (read-only), e.g. {@code 8G}.
     *
     * @return the size, if present
     */
    public Optional<String> size() {
        return Optional.ofNullable(size);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RootFs)) {
            return false;
        }
        RootFs r = (RootFs) o;
        return quota == r.quota && replicate == r.replicate && readOnly == r.readOnly && shared == r.shared
                && Objects.equals(volume, r.volume) && Objects.equals(acl, r.acl)
                && mountOptions.equals(r.mountOptions) && Objects.equals(size, r.size);
    }

    @Override
    public int hashCode() {
        return Objects.hash(volume, acl, mountOptions, quota, replicate, readOnly, shared, size);
    }

    @Override
    public String toString() {
        return "RootFs[" + Formats.printable(MountCodec.printUnchecked(this)) + "]";
    }

    /** Builds a {@link RootFs}. */
    public static final class Builder {
        private String volume;
        private Boolean acl;
        private final List<String> mountOptions = new ArrayList<>();
        private boolean quota;
        private boolean replicate = true;
        private boolean readOnly;
        private boolean shared;
        private String size;

        private Builder() {
        }

        /**
         * Sets the volume as Proxmox spells it (required).
         *
         * @param volume {@code STORAGE:SIZE_GiB}, {@code storage:volname} or an absolute path
         * @return this builder
         */
        public Builder volume(String volume) {
            this.volume = Objects.requireNonNull(volume, "volume");
            return this;
        }

        /**
         * Allocates a new volume of the given size on a storage ({@code STORAGE:SIZE}).
         *
         * @param storage a storage id, e.g. {@code local-lvm}
         * @param sizeGiB the size in GiB, 1 or more
         * @return this builder
         */
        public Builder volume(String storage, int sizeGiB) {
            Objects.requireNonNull(storage, "storage");
            this.volume = storage + ":" + sizeGiB;
            return this;
        }

        /**
         * Enables or disables ACL support explicitly.
         *
         * @param acl the setting
         * @return this builder
         */
        public Builder acl(boolean acl) {
            this.acl = acl;
            return this;
        }

        /**
         * Replaces the mount options.
         *
         * @param options e.g. {@code noatime}, {@code nodev}
         * @return this builder
         */
        public Builder mountOptions(List<String> options) {
            this.mountOptions.clear();
            options.forEach(this::addMountOption);
            return this;
        }

        /**
         * Adds one mount option.
         *
         * @param option one of discard, lazytime, noatime, nodev, noexec, nosuid
         * @return this builder
         */
        public Builder addMountOption(String option) {
            this.mountOptions.add(Objects.requireNonNull(option, "option"));
            return this;
        }

        /**
         * Enables user quotas.
         *
         * @param quota true for {@code quota=1}
         * @return this builder
         */
        public Builder quota(boolean quota) {
            this.quota = quota;
            return this;
        }

        /**
         * Includes the volume in replication jobs (default true).
         *
         * @param replicate false for {@code replicate=0}
         * @return this builder
         */
        public Builder replicate(boolean replicate) {
            this.replicate = replicate;
            return this;
        }

        /**
         * Mounts read-only.
         *
         * @param readOnly true for {@code ro=1}
         * @return this builder
         */
        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        /**
         * Marks a non-volume mount as available on all nodes.
         *
         * @param shared true for {@code shared=1}
         * @return this builder
         */
        public Builder shared(boolean shared) {
            this.shared = shared;
            return this;
        }

        /**
         * Records the size Proxmox reports for an existing volume (it is read-only on the server).
         *
         * @param size e.g. {@code 8G}
         * @return this builder
         */
        public Builder size(String size) {
            this.size = Objects.requireNonNull(size, "size");
            return this;
        }

        /**
         * Builds the value; values are checked by {@link RootFs#encode()} and by
         * {@link ContainerSpec.Builder#build()}.
         *
         * @return the value
         */
        public RootFs build() {
            return new RootFs(this);
        }
    }
}
