package io.github.proxmoxlxc.core.client;

/**
 * The server sent more than the client's response cap (after decompression); the rest was not
 * read. No Proxmox answer comes near the default cap, so this points at a broken or hostile server
 * or proxy. Never retried.
 */
public class ResponseTooLargeException extends TransportException {
    private static final long serialVersionUID = 1L;

    private final long limit;

    /**
     * Creates the exception.
     *
     * @param method the HTTP method
     * @param path the API path
     * @param limit the cap in bytes that was exceeded
     */
    public ResponseTooLargeException(String method, String path, long limit) {
        super(method, path, "response larger than " + limit + " bytes (after decompression); stopped reading. "
                + "Raise ProxmoxClient.Builder.maxResponseBytes only if the server is trusted", null);
        this.limit = limit;
    }

    /**
     * The cap that was exceeded.
     *
     * @return the limit in bytes
     */
    public long limit() {
        return limit;
    }
}
