package io.github.proxmoxlxc.core.client;

import io.github.proxmoxlxc.core.ProxmoxException;

/**
 * A success response whose {@code data} does not have the shape Proxmox documents, such as a
 * string where a list is expected. Reading it as empty would hide a broken proxy or a hostile
 * server, so the call fails instead.
 */
public class UnexpectedResponseException extends ProxmoxException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was expected and what came
     */
    public UnexpectedResponseException(String message) {
        super(message);
    }
}
