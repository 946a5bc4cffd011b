package io.github.proxmoxlxc.core;

import org.jspecify.annotations.Nullable;

/**
 * The one unchecked root of every error this library throws.
 *
 * <p>Subclasses exist only where a caller would branch on them: an invalid spec or configuration
 * (found locally, before any request), and the API and transport failures of the client. Messages
 * never contain a secret (token secret, password, ticket or CSRF token).
 */
public class ProxmoxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, naming the field, request or step concerned
     */
    public ProxmoxException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ProxmoxException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
