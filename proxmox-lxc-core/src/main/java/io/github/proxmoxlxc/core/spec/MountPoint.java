package io.github.proxmoxlxc.core.spec;

import io.github.proxmoxlxc.core.internal.spec.Formats;
import io.github.proxmoxlxc.core.internal.spec.MountCodec;
import java.util.Objects;
import java.util.Optional;

/**
 * An extra mount point of a container: the value of a {@code mp[n]} parameter
 * ({@code local-lvm:8,mp=/data,backup=1}). Besides the options of every {@link Mount}, it has a path
 * inside the container and the {@code backup} and {@code keepattrs} flags.
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
public final class MountPoint extends Mount {
    private final String path;
    private final Boolean backup;
    private final boolean keepAttrs;

    private MountPoint(Builder b) {
        super(b);
        this.path = b.path;
        this.backup = b.backup;
        this.keepAttrs = b.keepAttrs;
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
    @Override
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
        b.copyVolumeOptions(this);
        b.path = path;
        b.backup = backup;
        b.keepAttrs = keepAttrs;
        return b;
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

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MountPoint)) {
            return false;
        }
        MountPoint m = (MountPoint) o;
        return sameVolumeOptions(m) && keepAttrs == m.keepAttrs && Objects.equals(path, m.path)
                && Objects.equals(backup, m.backup);
    }

    @Override
    public int hashCode() {
        return 31 * volumeOptionsHash() + Objects.hash(path, backup, keepAttrs);
    }

    @Override
    public String toString() {
        return "MountPoint[" + Formats.printable(MountCodec.printUnchecked(this)) + "]";
    }

    /** Builds a {@link MountPoint}; besides the setters of every {@link Mount.Builder}, it sets the path and flags. */
    public static final class Builder extends Mount.Builder<Builder> {
        private String path;
        private Boolean backup;
        private boolean keepAttrs;

        private Builder() {
        }

        @Override
        Builder self() {
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

        @Override
        public MountPoint build() {
            return new MountPoint(this);
        }
    }
}
