package io.github.proxmoxlxc.core.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A volume mounted into a container: the root file system ({@link RootFs}, {@code rootfs}) or an
 * extra mount point ({@link MountPoint}, {@code mp[n]}). Proxmox gives both the same volume options
 * ({@code volume}, {@code acl}, {@code idmap}, {@code mountoptions}, {@code quota}, {@code replicate},
 * {@code ro}, {@code shared}, {@code size}); this type holds them, so code that looks at every volume
 * of a container (e.g. the storages it uses) can treat both alike.
 *
 * <pre>{@code
 * List<Mount> volumes = new ArrayList<>();
 * spec.rootFs().ifPresent(volumes::add);
 * volumes.addAll(spec.mountPoints().values());
 * }</pre>
 */
public abstract sealed class Mount permits RootFs, MountPoint {
    private final String volume;
    private final Boolean acl;
    private final String idmap;
    private final List<String> mountOptions;
    private final boolean quota;
    private final boolean replicate;
    private final boolean readOnly;
    private final boolean shared;
    private final String size;

    Mount(Builder<?> b) {
        this.volume = b.volume;
        this.acl = b.acl;
        this.idmap = b.idmap;
        this.mountOptions = List.copyOf(b.mountOptions);
        this.quota = b.quota;
        this.replicate = b.replicate;
        this.readOnly = b.readOnly;
        this.shared = b.shared;
        this.size = b.size;
    }

    /**
     * Encodes as Proxmox expects it (volume first, then the other keys sorted).
     *
     * @return the property string
     * @throws InvalidSpecException if a value breaks a rule
     */
    public abstract String encode();

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
     * The UID/GID mapping of this mount ({@code idmap}): {@code passthrough}, or {@code ;}-joined
     * entries {@code type:container:disk:range-size} where {@code type} is {@code u} (uids) or
     * {@code g} (gids), {@code container} the first id as seen inside the container, {@code disk} the
     * first id as stored on the volume and {@code range-size} how many consecutive ids (1 or more),
     * e.g. {@code u:1005:1005:1;g:1005:1005:1} to show files of the host's uid and gid 1005 as
     * 1005 inside the container. Ids it does not map fall back to the container's {@code lxc.idmap};
     * {@code passthrough} maps every id to itself. Proxmox applies it to unprivileged containers
     * only (a privileged one ignores it with a warning at start).
     *
     * <p>Needs a node with pve-container 6.1.6 or newer (May 2026, commit 241925b "implement
     * per-mountpoint uid/gid mapping"): PVE 9.1 shipped pve-container 6.0.18, and a node whose
     * pve-container is older refuses the key ({@code property is not defined in schema}).
     *
     * @return the mapping, or empty for the container's own mapping
     */
    public Optional<String> idmap() {
        return Optional.ofNullable(idmap);
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

    /** Whether the volume options equal those of another mount (the subclasses compare the rest). */
    final boolean sameVolumeOptions(Mount m) {
        return quota == m.quota && replicate == m.replicate && readOnly == m.readOnly && shared == m.shared
                && Objects.equals(volume, m.volume) && Objects.equals(acl, m.acl) && Objects.equals(idmap, m.idmap)
                && mountOptions.equals(m.mountOptions) && Objects.equals(size, m.size);
    }

    /** A hash of the volume options. */
    final int volumeOptionsHash() {
        return Objects.hash(volume, acl, idmap, mountOptions, quota, replicate, readOnly, shared, size);
    }

    /**
     * The setters {@link RootFs.Builder} and {@link MountPoint.Builder} share.
     *
     * @param <B> the concrete builder
     */
    public abstract static sealed class Builder<B extends Builder<B>> permits RootFs.Builder, MountPoint.Builder {
        private String volume;
        private Boolean acl;
        private String idmap;
        private final List<String> mountOptions = new ArrayList<>();
        private boolean quota;
        private boolean replicate = true;
        private boolean readOnly;
        private boolean shared;
        private String size;

        Builder() {
        }

        /** Copies the volume options of a value into this builder. */
        final void copyVolumeOptions(Mount m) {
            volume = m.volume;
            acl = m.acl;
            idmap = m.idmap;
            mountOptions.addAll(m.mountOptions);
            quota = m.quota;
            replicate = m.replicate;
            readOnly = m.readOnly;
            shared = m.shared;
            size = m.size;
        }

        abstract B self();

        /**
         * Sets the volume as Proxmox spells it (required).
         *
         * @param volume {@code STORAGE:SIZE_GiB}, {@code storage:volname} or an absolute path
         * @return this builder
         */
        public B volume(String volume) {
            this.volume = Objects.requireNonNull(volume, "volume");
            return self();
        }

        /**
         * Allocates a new volume of the given size on a storage ({@code STORAGE:SIZE}).
         *
         * @param storage a storage id, e.g. {@code local-lvm}
         * @param sizeGiB the size in GiB, 1 or more
         * @return this builder
         */
        public B volume(String storage, int sizeGiB) {
            Objects.requireNonNull(storage, "storage");
            this.volume = storage + ":" + sizeGiB;
            return self();
        }

        /**
         * Enables or disables ACL support explicitly.
         *
         * @param acl the setting
         * @return this builder
         */
        public B acl(boolean acl) {
            this.acl = acl;
            return self();
        }

        /**
         * Sets the UID/GID mapping of this mount ({@code idmap}); see {@link Mount#idmap()}. Checked
         * by {@code build()} of the spec: the format Proxmox accepts, no two entries of one type
         * overlapping inside the container or on the disk (pve-container's {@code validate_id_maps}),
         * ids below 2<sup>32</sup>-1, and an unprivileged container. Needs pve-container 6.1.6 or
         * newer on the node; a PVE 9.1 node refuses it.
         *
         * <pre>{@code
         * MountPoint.builder().volume("/tank/media").path("/media").idmap("u:1005:1005:1;g:1005:1005:1").build();
         * }</pre>
         *
         * @param idmap {@code passthrough} or {@code type:container:disk:range-size[;...]}
         * @return this builder
         */
        public B idmap(String idmap) {
            this.idmap = Objects.requireNonNull(idmap, "idmap");
            return self();
        }

        /**
         * Replaces the mount options.
         *
         * @param options e.g. {@code noatime}, {@code nodev}
         * @return this builder
         */
        public B mountOptions(List<String> options) {
            this.mountOptions.clear();
            options.forEach(this::addMountOption);
            return self();
        }

        /**
         * Adds one mount option.
         *
         * @param option one of discard, lazytime, noatime, nodev, noexec, nosuid
         * @return this builder
         */
        public B addMountOption(String option) {
            this.mountOptions.add(Objects.requireNonNull(option, "option"));
            return self();
        }

        /**
         * Enables user quotas.
         *
         * @param quota true for {@code quota=1}
         * @return this builder
         */
        public B quota(boolean quota) {
            this.quota = quota;
            return self();
        }

        /**
         * Includes the volume in replication jobs (default true).
         *
         * @param replicate false for {@code replicate=0}
         * @return this builder
         */
        public B replicate(boolean replicate) {
            this.replicate = replicate;
            return self();
        }

        /**
         * Mounts read-only.
         *
         * @param readOnly true for {@code ro=1}
         * @return this builder
         */
        public B readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return self();
        }

        /**
         * Marks a non-volume mount as available on all nodes.
         *
         * @param shared true for {@code shared=1}
         * @return this builder
         */
        public B shared(boolean shared) {
            this.shared = shared;
            return self();
        }

        /**
         * Records the size Proxmox reports for an existing volume (it is read-only on the server).
         *
         * @param size e.g. {@code 8G}
         * @return this builder
         */
        public B size(String size) {
            this.size = Objects.requireNonNull(size, "size");
            return self();
        }

        /**
         * Builds the value; values are checked by {@link Mount#encode()} and by
         * {@link ContainerSpec.Builder#build()}.
         *
         * @return the value
         */
        public abstract Mount build();
    }
}
