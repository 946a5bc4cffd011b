package io.github.proxmoxlxc.node;

import io.github.proxmoxlxc.core.ProxmoxException;

/**
 * The SSH channel to a node failed: it could not connect, authenticate, or open a channel. The
 * message names the target ({@code user@host:port}) and what to check; it never contains a
 * password or key material.
 */
public class NodeChannelException extends ProxmoxException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message what failed and how to fix it
     */
    NodeChannelException(String message) {
        super(message);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message what failed and how to fix it
     * @param cause the underlying failure
     */
    NodeChannelException(String message, Throwable cause) {
        super(message, cause);
    }
}
