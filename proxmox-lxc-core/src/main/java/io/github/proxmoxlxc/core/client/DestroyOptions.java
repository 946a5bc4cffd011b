package io.github.proxmoxlxc.core.client;

import java.util.Objects;

/**
 * Options of destroying a container ({@code DELETE /nodes/{node}/lxc/{vmid}}).
 *
 * <pre>{@code
 * container.destroy(DestroyOptions.builder().purge(true).force(true).build());
 * }</pre>
 */
public final class DestroyOptions {
    private final boolean purge;
    private final boolean destroyUnreferencedDisks;
    private final boolean force;

    private DestroyOptions(Builder b) {
        this.purge = b.purge;
        this.destroyUnreferencedDisks = b.destroyUnreferencedDisks;
        this.force = b.force;
    }

    /**
     * Starts options with nothing set (what {@link #plain()} gives).
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these options.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder().purge(purge).destroyUnreferencedDisks(destroyUnreferencedDisks).force(force);
    }

    /**
     * No options: a stopped container is destroyed, nothing else.
     *
     * @return the plain options
     */
    public static DestroyOptions plain() {
        return builder().build();
    }

    /**
     * Everything removed: purge and unreferenced disks, not forced.
     *
     * @return the purge options
     */
    public static DestroyOptions purgeAll() {
        return builder().purge(true).destroyUnreferencedDisks(true).build();
    }

    /** {@return whether the container is also removed from backup jobs, replication and HA ({@code purge=1})} */
    public boolean purge() {
        return purge;
    }

    /**
     * {@return whether disks of this VMID not referenced by the config are destroyed too
     * ({@code destroy-unreferenced-disks=1})}
     */
    public boolean destroyUnreferencedDisks() {
        return destroyUnreferencedDisks;
    }

    /** {@return whether a running container is destroyed too ({@code force=1}; Proxmox stops it first)} */
    public boolean force() {
        return force;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DestroyOptions && purge == ((DestroyOptions) o).purge
                && destroyUnreferencedDisks == ((DestroyOptions) o).destroyUnreferencedDisks
                && force == ((DestroyOptions) o).force;
    }

    @Override
    public int hashCode() {
        return Objects.hash(purge, destroyUnreferencedDisks, force);
    }

    @Override
    public String toString() {
        return "DestroyOptions[purge=" + purge + ", destroyUnreferencedDisks=" + destroyUnreferencedDisks
                + ", force=" + force + "]";
    }

    /** Builds {@link DestroyOptions}; every option defaults to false. */
    public static final class Builder {
        private boolean purge;
        private boolean destroyUnreferencedDisks;
        private boolean force;

        private Builder() {
        }

        /**
         * Also removes the container from backup jobs, replication and HA ({@code purge=1}).
         *
         * @param purge true to purge
         * @return this builder
         */
        public Builder purge(boolean purge) {
            this.purge = purge;
            return this;
        }

        /**
         * Also destroys disks of this VMID the config does not reference ({@code destroy-unreferenced-disks=1}).
         *
         * @param destroy true to destroy them
         * @return this builder
         */
        public Builder destroyUnreferencedDisks(boolean destroy) {
            this.destroyUnreferencedDisks = destroy;
            return this;
        }

        /**
         * Destroys even a running container ({@code force=1}); Proxmox stops it first.
         *
         * @param force true to force
         * @return this builder
         */
        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public DestroyOptions build() {
            return new DestroyOptions(this);
        }
    }
}
