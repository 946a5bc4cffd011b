package io.github.proxmoxlxc.core.spec;

import io.github.proxmoxlxc.core.internal.spec.Formats;
import io.github.proxmoxlxc.core.internal.spec.MountCodec;

/**
 * The container's root file system: the value of the {@code rootfs} parameter
 * ({@code local-lvm:8,mountoptions=noatime}). Its options are those of every {@link Mount}.
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
public final class RootFs extends Mount {
    private RootFs(Builder b) {
        super(b);
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

    @Override
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
        b.copyVolumeOptions(this);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof RootFs && sameVolumeOptions((RootFs) o);
    }

    @Override
    public int hashCode() {
        return volumeOptionsHash();
    }

    @Override
    public String toString() {
        return "RootFs[" + Formats.printable(MountCodec.printUnchecked(this)) + "]";
    }

    /** Builds a {@link RootFs}; the setters are those of every {@link Mount.Builder}. */
    public static final class Builder extends Mount.Builder<Builder> {
        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        public RootFs build() {
            return new RootFs(this);
        }
    }
}
