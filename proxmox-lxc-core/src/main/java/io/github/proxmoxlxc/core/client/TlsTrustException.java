package io.github.proxmoxlxc.core.client;

import org.jspecify.annotations.Nullable;

/**
 * The server's certificate was not trusted: not signed by a trusted CA, wrong host name, or its
 * SHA-256 fingerprint matched none of the pins. Raised during the handshake, before any request
 * (and so any credential) is sent. Never retried.
 */
public class TlsTrustException extends TransportException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param method the HTTP method of the request
     * @param path the API path
     * @param message what was refused
     * @param cause the TLS failure
     */
    public TlsTrustException(String method, String path, String message, @Nullable Throwable cause) {
        super(method, path, message, cause);
    }
}
