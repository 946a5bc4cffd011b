package io.github.proxmoxlxc.core.client;

/** The HTTP methods the Proxmox VE API uses. */
public enum HttpMethod {
    /** Read; parameters in the query string; retried on transient failures. */
    GET,
    /** Create or act; form-encoded body; never re-sent by the client. */
    POST,
    /** Update; form-encoded body; retried on transient failures. */
    PUT,
    /** Remove; parameters in the query string; retried on transient failures. */
    DELETE;

    /**
     * Whether a request with this method may be re-sent after a transient failure.
     *
     * @return true for GET, PUT and DELETE
     */
    public boolean idempotent() {
        return this != POST;
    }
}
