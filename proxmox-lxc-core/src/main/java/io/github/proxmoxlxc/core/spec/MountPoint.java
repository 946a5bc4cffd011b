package io.github.proxmoxlxc.core.spec;

import io.github.proxmoxlxc.core.internal.spec.Formats;
import io.github.proxmoxlxc.core.internal.spec.MountCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An extra mount point of a container: the value of a {@code mp[n]} parameter
 * ({@code local-lvm:8,mp=/data,backup=1}).
 *
 * <p>On create, a volume {@code STORAGE:SIZE} (size in GiB) allocates a new volume; a config read
 * back names the allocated volume. A volume that is an absolute host path is a bind mount
 * ({@code /dev/...}: a device mount), which only {@code root@pam} may set. The path inside the
 * container ({@code mp}) is required, absolute, and may not contain {@code .} or {@code ..}
 * segments.
 *
 * <pre>{@code
 * MountPoint data = MountPoint.builder().volume("local-lvm", 32).path("/data").backup(true).build();
 * data.encode();   // "local-lvm:32,mp=/data,backup=1"
 * MountPoint media = MountPoint.builder().volume("/mnt/media").path("/media").readOnly(true).build();
 * }</pre>
 */
public final class MountPoint {
    private final String volume;
    private final String path;
    private final Boolean backup;
    private final boolean keepAttrs;
    private final Boolean acl;
    private final List<String> mountOptions;
    private final boolean quota;
    private final boolean replicate;
    private final boolean readOnly;
    private final boolean shared;
    private final String size;

    private MountPoint(Builder b) {
        this.volume = b.volume;
        this.path = b.path;
        this.backup = b.backup;
        this.keepAttrs = b.keepAttrs;
        this.acl = b.acl;
        this.mountOptions = List.copyOf(b.mountOptions);
        this.quota = b.quota;
        this.replicate = b.replicate;
        this.readOnly = b.readOnly;
        this.shared = b.shared;
        this.size = b.size;
    }

    /**
     * Starts a new mount point.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Decodes a {@code mp[n]} value as {@code GET .../config} returns it.
     *
     * @param value the property string
     * @return the mount point
     * @throws InvalidSpecException naming {@code mp[n]} and the sub-key on any syntax or format error
     */
    public static MountPoint parse(String value) {
        return MountCodec.parseMountPoint("mp", value);
    }

    /**
     * Encodes as Proxmox expects it (volume first, then {@code mp}, then the other keys sorted).
     *
     * @return the property string
     * @throws InvalidSpecException if a value breaks a rule
     */
    public String encode() {
        return MountCodec.encode("mp", this);
    }

    /**
     * A builder holding these values.
     *
     * @return a builder to derive a changed copy
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.volume = volume;
        b.path = path;
        b.backup = backup;
        b.keepAttrs = keepAttrs;
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
     * The path inside the container ({@code mp}, required), e.g. {@code /data}.
     *
     * @return the path, or empty when not set (a violation)
     */
    public Optional<String> path() {
        return Optional.ofNullable(path);
    }

    /**
     * Whether the volume is included in backups, when set explicitly.
     *
     * @return the setting, or empty for Proxmox's default (volume mount points are not backed up)
     */
    public Optional<Boolean> backup() {
        return Optional.ofNullable(backup);
    }

    /**
     * Whether ownership and mode are inherited from an existing mount point directory.
     *
     * @return true for {@code keepattrs=1}
     */
    public boolean keepAttrs() {
        return keepAttrs;
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
        if (!(o instanceof MountPoint)) {
            return false;
        }
        MountPoint r = (MountPoint) o;
        return quota == r.quota && replicate == r.replicate && readOnly == r.readOnly && shared == r.shared
                && keepAttrs == r.keepAttrs && Objects.equals(path, r.path) && Objects.equals(backup, r.backup)
                && Objects.equals(volume, r.volume) && Objects.equals(acl, r.acl)
                && mountOptions.equals(r.mountOptions) && Objects.equals(size, r.size);
    }

    @Override
    public int hashCode() {
        return Objects.hash(volume, path, backup, keepAttrs, acl, mountOptions, quota, replicate, readOnly, shared,
                size);
    }

    @Override
    public String toString() {
        return "MountPoint[" + Formats.printable(MountCodec.printUnchecked(this)) + "]";
    }

    /** Builds a {@link MountPoint}. */
    public static final class Builder {
        private String volume;
        private String path;
        private Boolean backup;
        private boolean keepAttrs;
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
         * Sets the path inside the container (required).
         *
         * @param path an absolute path such as {@code /data}, without {@code .}/{@code ..} segments
         * @return this builder
         */
        public Builder path(String path) {
            this.path = Objects.requireNonNull(path, "path");
            return this;
        }

        /**
         * Includes or excludes the volume from backups explicitly.
         *
         * @param backup true for {@code backup=1}
         * @return this builder
         */
        public Builder backup(boolean backup) {
            this.backup = backup;
            return this;
        }

        /**
         * Inherits ownership and mode from an existing mount point directory.
         *
         * @param keepAttrs true for {@code keepattrs=1}
         * @return this builder
         */
        public Builder keepAttrs(boolean keepAttrs) {
            this.keepAttrs = keepAttrs;
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
         * Builds the value; values are checked by {@link MountPoint#encode()} and by
         * {@link ContainerSpec.Builder#build()}.
         *
         * @return the value
         */
        public MountPoint build() {
            return new MountPoint(this);
        }
    }
}
