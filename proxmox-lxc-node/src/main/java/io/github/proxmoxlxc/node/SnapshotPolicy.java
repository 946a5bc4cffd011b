package io.github.proxmoxlxc.node;

/**
 * Whether {@link ContainerUpdate} takes a snapshot before it changes anything, so that a failed
 * update can be rolled back.
 */
public enum SnapshotPolicy {
    /**
     * Take a snapshot first; when the container's storage cannot snapshot it (a directory or NFS
     * storage, thick LVM), refuse the update before anything changes. The default.
     */
    REQUIRED,
    /**
     * Take a snapshot when the storage can; otherwise update without a way back, and say so in a
     * progress event and in the result.
     */
    IF_SUPPORTED,
    /** Update without a snapshot (no rollback on failure). */
    NONE
}
