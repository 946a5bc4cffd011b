package io.github.proxmoxlxc.core.client;

/** How vzdump keeps a running container consistent while it is backed up. */
public enum BackupMode {
    /** A storage snapshot of the running container (falls back to suspend where the storage has none). */
    SNAPSHOT("snapshot"),
    /** Copies, then suspends the container briefly for a final sync. */
    SUSPEND("suspend"),
    /** Stops the container for the backup and starts it again afterwards. */
    STOP("stop");

    private final String wire;

    BackupMode(String wire) {
        this.wire = wire;
    }

    /**
     * The value Proxmox expects for {@code mode}.
     *
     * @return e.g. {@code snapshot}
     */
    public String wire() {
        return wire;
    }
}
