package io.github.proxmoxlxc.core.client;

import io.github.proxmoxlxc.core.ProxmoxException;
import org.jspecify.annotations.Nullable;

/**
 * The request did not get a usable answer: connection refused or reset, I/O timeout, TLS failure,
 * or a proxy error inside the cluster ({@link NodeProxyException}).
 *
 * <p>The request may or may not have been executed by the server; a non-idempotent call (a create)
 * is never re-sent by the client, so the caller should check whether the effect happened.
 */
public class TransportException extends ProxmoxException {
    private static final long serialVersionUID = 1L;

    /** The HTTP method. */
    private final String method;
    /** The API path. */
    private final String path;

    /**
     * Creates the exception.
     *
     * @param method the HTTP method of the request
     * @param path the API path, without query string
     * @param message what went wrong
     * @param cause the underlying I/O failure, if any
     */
    public TransportException(String method, String path, String message, @Nullable Throwable cause) {
        super(method + " " + path + ": " + message, cause);
        this.method = method;
        this.path = path;
    }

    /**
     * The HTTP method of the failed request.
     *
     * @return the method
     */
    public String method() {
        return method;
    }

    /**
     * The API path of the failed request, without query string.
     *
     * @return the path
     */
    public String path() {
        return path;
    }
}
