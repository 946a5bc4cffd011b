package io.github.proxmoxlxc.hardware.conf;

import io.github.proxmoxlxc.core.ProxmoxException;

/**
 * A container config has a {@code lock:} (backup, migrate, snapshot, create, ...): Proxmox is
 * working on the container and a write now could be lost or corrupt the operation.
 */
public class ConfigLockedException extends ProxmoxException {
    private static final long serialVersionUID = 1L;

    /** The lock value, e.g. {@code backup}. */
    private final String lock;

    /**
     * Creates the exception.
     *
     * @param file the config file
     * @param lock the lock value, e.g. {@code backup}
     */
    public ConfigLockedException(String file, String lock) {
        super(file + " is locked (lock: " + lock + "); refusing to write until the lock is gone");
        this.lock = lock;
    }

    /**
     * The lock value.
     *
     * @return e.g. {@code backup}
     */
    public String lock() {
        return lock;
    }
}
