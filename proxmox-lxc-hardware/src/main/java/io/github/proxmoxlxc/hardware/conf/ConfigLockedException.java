package io.github.proxmoxlxc.hardware.conf;

import io.github.proxmoxlxc.core.client.ApiError;
import io.github.proxmoxlxc.core.client.LockedException;
import java.util.Map;

/**
 * A container config has a {@code lock:} (backup, migrate, snapshot, create, ...): Proxmox is
 * working on the container and a write now could be lost or corrupt the operation.
 *
 * <p>It is a {@link LockedException}, as the API's {@code CT is locked (backup)} answer is, and
 * {@linkplain #isTransient() transient}: the lock goes away when the operation holding it ends, so
 * the provisioner retries a node patch that meets it (paced by the client's
 * {@link io.github.proxmoxlxc.core.client.RetryPolicy}). {@link #error()} describes the refusal as
 * Proxmox answers a config update of a locked container: method {@code WRITE}, the file as path,
 * status 500, {@code CT is locked (<lock>)}.
 */
public class ConfigLockedException extends LockedException {
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
        super(new ApiError("WRITE", file, 500, "", "CT is locked (" + lock + ")", Map.of()),
                file + " is locked (lock: " + lock + "); refusing to write until the lock is gone");
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

    /**
     * Always true: a config lock lasts only as long as the operation that set it.
     *
     * @return true
     */
    @Override
    public boolean isTransient() {
        return true;
    }
}
