package io.github.proxmoxlxc.core.spec;

import io.github.proxmoxlxc.core.internal.spec.Formats;
import io.github.proxmoxlxc.core.internal.spec.FeaturesCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Advanced container features: the value of the {@code features} parameter
 * ({@code nesting=1,keyctl=1,mount=nfs;cifs}).
 *
 * <p>Only {@code nesting} on an unprivileged container may be set by users other than
 * {@code root@pam}; see {@link ContainerSpec#requiresRootAtPam()}. {@code keyctl}, {@code mknod}
 * and {@code force_rw_sys} only mean something for unprivileged containers, so a privileged spec
 * that sets them is rejected.
 *
 * <pre>{@code
 * Features f = Features.builder().nesting(true).keyctl(true).build();
 * f.encode();   // "keyctl=1,nesting=1"
 * }</pre>
 */
public final class Features {
    private static final Features NONE = builder().build();

    private final boolean nesting;
    private final boolean keyctl;
    private final boolean fuse;
    private final boolean mknod;
    private final boolean forceRwSys;
    private final List<String> mount;

    private Features(Builder b) {
        this.nesting = b.nesting;
        this.keyctl = b.keyctl;
        this.fuse = b.fuse;
        this.mknod = b.mknod;
        this.forceRwSys = b.forceRwSys;
        this.mount = List.copyOf(b.mount);
    }

    /**
     * Starts a new feature set, all off.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * No features enabled.
     *
     * @return the empty feature set
     */
    public static Features none() {
        return NONE;
    }

    /**
     * Only {@code nesting=1}, the common case (systemd services, Docker in unprivileged containers).
     *
     * @return the feature set
     */
    public static Features nestingOnly() {
        return builder().nesting(true).build();
    }

    /**
     * Decodes a {@code features} value as {@code GET .../config} returns it; explicit {@code =0}
     * flags decode to "off".
     *
     * @param value the property string
     * @return the features
     * @throws InvalidSpecException naming {@code features} and the sub-key on any error
     */
    public static Features parse(String value) {
        return FeaturesCodec.parse("features", value);
    }

    /**
     * Encodes as Proxmox expects it (enabled flags only, keys sorted); empty when nothing is enabled.
     *
     * @return the property string
     * @throws InvalidSpecException if a mount file system type breaks the pattern
     */
    public String encode() {
        return FeaturesCodec.encode("features", this);
    }

    /**
     * A builder holding these values.
     *
     * @return a builder to derive a changed copy
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.nesting = nesting;
        b.keyctl = keyctl;
        b.fuse = fuse;
        b.mknod = mknod;
        b.forceRwSys = forceRwSys;
        b.mount.addAll(mount);
        return b;
    }

    /**
     * Whether nesting is allowed.
     *
     * @return true for {@code nesting=1}
     */
    public boolean nesting() {
        return nesting;
    }

    /**
     * Whether the keyctl() system call is allowed (unprivileged only).
     *
     * @return true for {@code keyctl=1}
     */
    public boolean keyctl() {
        return keyctl;
    }

    /**
     * Whether FUSE file systems are allowed.
     *
     * @return true for {@code fuse=1}
     */
    public boolean fuse() {
        return fuse;
    }

    /**
     * Whether mknod() of certain device nodes is allowed (unprivileged only, experimental).
     *
     * @return true for {@code mknod=1}
     */
    public boolean mknod() {
        return mknod;
    }

    /**
     * Whether /sys is mounted read-write in an unprivileged container.
     *
     * @return true for {@code force_rw_sys=1}
     */
    public boolean forceRwSys() {
        return forceRwSys;
    }

    /**
     * File system types the container may mount ({@code mount}, sent {@code ;}-joined).
     *
     * @return an unmodifiable list
     */
    public List<String> mount() {
        return mount;
    }

    /**
     * Whether nothing is enabled.
     *
     * @return true when the encoded form is empty
     */
    public boolean isEmpty() {
        return equals(NONE);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Features)) {
            return false;
        }
        Features f = (Features) o;
        return nesting == f.nesting && keyctl == f.keyctl && fuse == f.fuse && mknod == f.mknod
                && forceRwSys == f.forceRwSys && mount.equals(f.mount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nesting, keyctl, fuse, mknod, forceRwSys, mount);
    }

    @Override
    public String toString() {
        return "Features[" + Formats.printable(FeaturesCodec.printUnchecked(this)) + "]";
    }

    /** Builds {@link Features}. */
    public static final class Builder {
        private boolean nesting;
        private boolean keyctl;
        private boolean fuse;
        private boolean mknod;
        private boolean forceRwSys;
        private final List<String> mount = new ArrayList<>();

        private Builder() {
        }

        /**
         * Allows nesting.
         *
         * @param nesting true for {@code nesting=1}
         * @return this builder
         */
        public Builder nesting(boolean nesting) {
            this.nesting = nesting;
            return this;
        }

        /**
         * Allows keyctl() (unprivileged containers only; needed by Docker).
         *
         * @param keyctl true for {@code keyctl=1}
         * @return this builder
         */
        public Builder keyctl(boolean keyctl) {
            this.keyctl = keyctl;
            return this;
        }

        /**
         * Allows FUSE file systems.
         *
         * @param fuse true for {@code fuse=1}
         * @return this builder
         */
        public Builder fuse(boolean fuse) {
            this.fuse = fuse;
            return this;
        }

        /**
         * Allows mknod() (unprivileged containers only).
         *
         * @param mknod true for {@code mknod=1}
         * @return this builder
         */
        public Builder mknod(boolean mknod) {
            this.mknod = mknod;
            return this;
        }

        /**
         * Mounts /sys read-write in an unprivileged container.
         *
         * @param forceRwSys true for {@code force_rw_sys=1}
         * @return this builder
         */
        public Builder forceRwSys(boolean forceRwSys) {
            this.forceRwSys = forceRwSys;
            return this;
        }

        /**
         * Replaces the mountable file system types.
         *
         * @param fsTypes e.g. {@code nfs}, {@code cifs}
         * @return this builder
         */
        public Builder mount(List<String> fsTypes) {
            this.mount.clear();
            fsTypes.forEach(this::addMount);
            return this;
        }

        /**
         * Adds one mountable file system type.
         *
         * @param fsType letters, digits and {@code _}, e.g. {@code nfs}
         * @return this builder
         */
        public Builder addMount(String fsType) {
            this.mount.add(Objects.requireNonNull(fsType, "fsType"));
            return this;
        }

        /**
         * Builds the feature set; values are checked by {@link Features#encode()} and by
         * {@link ContainerSpec.Builder#build()}.
         *
         * @return the features
         */
        public Features build() {
            return new Features(this);
        }
    }
}
