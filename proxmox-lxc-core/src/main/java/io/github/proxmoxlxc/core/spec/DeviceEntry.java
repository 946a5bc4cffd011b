package io.github.proxmoxlxc.core.spec;

import io.github.proxmoxlxc.core.internal.spec.DevCodec;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A device passed into a container: one {@code dev[n]} entry (Proxmox VE 8.1+).
 *
 * <p>{@code uid} and {@code gid} are ids <em>inside</em> the container; Proxmox maps them through the
 * container's idmap. Unset values take Proxmox's defaults (uid 0, gid 0, mode {@code 0660}).
 * Setting a {@code dev[n]} entry through the API needs a {@code root@pam} ticket: API tokens are
 * refused.
 *
 * <pre>{@code
 * DeviceEntry render = DeviceEntry.builder().path("/dev/dri/renderD128").gid(104).mode("0660").build();
 * render.encode();   // "/dev/dri/renderD128,gid=104,mode=0660"
 * }</pre>
 *
 * <p>Values are checked by {@link #encode()}, {@link #parse(String)} and the spec's
 * {@code build()}: the path must start with {@code /dev/} and contain no {@code .}/{@code ..}
 * segments or property-string separators.
 */
public final class DeviceEntry {
    private final String path;
    private final Integer uid;
    private final Integer gid;
    private final String mode;
    private final boolean denyWrite;

    private DeviceEntry(Builder b) {
        this.path = Objects.requireNonNull(b.path, "path");
        this.uid = b.uid;
        this.gid = b.gid;
        this.mode = b.mode;
        this.denyWrite = b.denyWrite;
    }

    /**
     * Starts a new entry.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Decodes a {@code dev[n]} value as {@code GET .../config} returns it
     * ({@code [path=]/dev/x[,deny-write=1][,gid=N][,mode=0NNN][,uid=N]}).
     *
     * @param value the property string
     * @return the entry
     * @throws InvalidSpecException naming {@code dev} and the sub-key on any syntax or format error
     */
    public static DeviceEntry parse(String value) {
        return DevCodec.parse("dev", value);
    }

    /**
     * Encodes as Proxmox expects it (path first without {@code path=}, then the other keys sorted).
     *
     * @return the property string
     * @throws InvalidSpecException if a value breaks a rule
     */
    public String encode() {
        return DevCodec.encode("dev", this);
    }

    /**
     * A builder holding this entry's values.
     *
     * @return a builder to derive a changed copy
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.path = path;
        b.uid = uid;
        b.gid = gid;
        b.mode = mode;
        b.denyWrite = denyWrite;
        return b;
    }

    /**
     * The device node on the host, under {@code /dev/}.
     *
     * @return the path
     */
    public String path() {
        return path;
    }

    /**
     * The owner inside the container, if set.
     *
     * @return the uid, or empty for Proxmox's default 0
     */
    public OptionalInt uid() {
        return uid == null ? OptionalInt.empty() : OptionalInt.of(uid);
    }

    /**
     * The group inside the container, if set.
     *
     * @return the gid, or empty for Proxmox's default 0
     */
    public OptionalInt gid() {
        return gid == null ? OptionalInt.empty() : OptionalInt.of(gid);
    }

    /**
     * The access mode, four octal digits such as {@code 0660}, if set.
     *
     * @return the mode, or empty for Proxmox's default {@code 0660}
     */
    public Optional<String> mode() {
        return Optional.ofNullable(mode);
    }

    /**
     * Whether the container gets the device read-only ({@code deny-write=1}, PVE 8.3+).
     *
     * @return true when writes are denied
     */
    public boolean denyWrite() {
        return denyWrite;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DeviceEntry)) {
            return false;
        }
        DeviceEntry d = (DeviceEntry) o;
        return denyWrite == d.denyWrite && path.equals(d.path) && Objects.equals(uid, d.uid)
                && Objects.equals(gid, d.gid) && Objects.equals(mode, d.mode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, uid, gid, mode, denyWrite);
    }

    @Override
    public String toString() {
        return "DeviceEntry[path=" + path + ", uid=" + uid + ", gid=" + gid + ", mode=" + mode
                + ", denyWrite=" + denyWrite + "]";
    }

    /** Builds a {@link DeviceEntry}. */
    public static final class Builder {
        private String path;
        private Integer uid;
        private Integer gid;
        private String mode;
        private boolean denyWrite;

        private Builder() {
        }

        /**
         * Sets the host device path (required), e.g. {@code /dev/dri/renderD128}.
         *
         * @param path the path under {@code /dev/}
         * @return this builder
         */
        public Builder path(String path) {
            this.path = Objects.requireNonNull(path, "path");
            return this;
        }

        /**
         * Sets the owner inside the container.
         *
         * @param uid a uid, 0 or more
         * @return this builder
         */
        public Builder uid(int uid) {
            this.uid = uid;
            return this;
        }

        /**
         * Sets the group inside the container.
         *
         * @param gid a gid, 0 or more
         * @return this builder
         */
        public Builder gid(int gid) {
            this.gid = gid;
            return this;
        }

        /**
         * Sets the access mode.
         *
         * @param mode four octal digits starting with 0, e.g. {@code 0660}
         * @return this builder
         */
        public Builder mode(String mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Denies writes to the device.
         *
         * @param denyWrite true for read-only access
         * @return this builder
         */
        public Builder denyWrite(boolean denyWrite) {
            this.denyWrite = denyWrite;
            return this;
        }

        /**
         * Builds the entry.
         *
         * @return the entry
         * @throws NullPointerException if no path was set
         */
        public DeviceEntry build() {
            return new DeviceEntry(this);
        }
    }
}
