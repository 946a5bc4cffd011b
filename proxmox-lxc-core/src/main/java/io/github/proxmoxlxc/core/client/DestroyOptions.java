package io.github.proxmoxlxc.core.client;

/**
 * Options of destroying a container ({@code DELETE /nodes/{node}/lxc/{vmid}}).
 *
 * @param purge also remove the container from backup jobs, replication and HA ({@code purge=1})
 * @param destroyUnreferencedDisks also destroy disks of this VMID not referenced by the config
 *        ({@code destroy-unreferenced-disks=1})
 * @param force destroy even if running ({@code force=1}); Proxmox stops it first
 */
public record DestroyOptions(boolean purge, boolean destroyUnreferencedDisks, boolean force) {

    /**
     * No options: a stopped container is destroyed, nothing else.
     *
     * @return the plain options
     */
    public static DestroyOptions plain() {
        return new DestroyOptions(false, false, false);
    }

    /**
     * Everything removed: purge and unreferenced disks, not forced.
     *
     * @return the purge options
     */
    public static DestroyOptions purgeAll() {
        return new DestroyOptions(true, true, false);
    }
}
