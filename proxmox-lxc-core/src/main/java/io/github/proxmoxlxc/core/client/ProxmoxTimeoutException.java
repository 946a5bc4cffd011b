package io.github.proxmoxlxc.core.client;

import io.github.proxmoxlxc.core.ProxmoxException;
import org.jspecify.annotations.Nullable;

/**
 * A deadline set on the client side passed: waiting for a task, or for a free slot in the
 * per-node concurrency limit. The operation itself may still be running on the server.
 * (An I/O read timeout is a {@link TransportException}.)
 */
public class ProxmoxTimeoutException extends ProxmoxException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was waited for and how long
     */
    public ProxmoxTimeoutException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was waited for and how long
     * @param cause the underlying failure
     */
    public ProxmoxTimeoutException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
