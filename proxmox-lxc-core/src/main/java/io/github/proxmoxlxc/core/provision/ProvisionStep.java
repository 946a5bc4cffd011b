package io.github.proxmoxlxc.core.provision;

/** The steps of a provisioning run, in the order they happen. */
public enum ProvisionStep {
    /** Reachability, version, permissions, root@pam needs, storages: before any change. */
    PREFLIGHT,
    /** Choosing the node and the rootfs and template storages. */
    PLACEMENT,
    /** Finding the template in storage, or downloading it from {@code aplinfo}. */
    TEMPLATE,
    /** Picking a free VMID (explicit, {@code /cluster/nextid} or a configured range). */
    VMID,
    /** {@code POST /nodes/{node}/lxc} and waiting for the {@code vzcreate} task. */
    CREATE,
    /** Applying the node-side patch ({@code lxc.*} lines, {@code /etc/subuid}, {@code /etc/subgid}). */
    NODE_PATCH,
    /** {@code POST .../status/start} and waiting for the {@code vzstart} task. */
    START,
    /** Waiting until {@code status/current} reports {@code running}. */
    WAIT_RUNNING,
    /** Waiting until {@code .../interfaces} reports an address. */
    WAIT_IP,
    /** Running the {@link ContainerSetup} steps (bootstrap, install script, hook) in the new container. */
    CONTAINER_SETUP,
    /** Undoing a failed run: stop, destroy with purge, wait. */
    ROLLBACK
}
