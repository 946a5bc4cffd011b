package io.github.proxmoxlxc.core.client;

import java.util.Objects;

/**
 * A proxy hop inside the cluster failed: pveproxy could not reach pvedaemon or the target node.
 *
 * <p>Status 595 (connection failed), 596 (TLS, sending or header timeout, typically
 * {@code 596 Connection timed out} when a synchronous call exceeds 30 s), 597 or 599; the text is
 * only in the reason phrase. The operation may still have happened on the node.
 */
public class NodeProxyException extends TransportException {
    private static final long serialVersionUID = 1L;

    /** The response detail; a record of strings and a map, all serializable. */
    @SuppressWarnings("serial")
    private final ApiError error;

    /**
     * Creates the exception from the response detail.
     *
     * @param error what the proxy said
     */
    public NodeProxyException(ApiError error) {
        super(Objects.requireNonNull(error, "error").method(), error.path(),
                error.status() + " " + error.text(), null);
        this.error = error;
    }

    /**
     * The response detail (status and reason phrase).
     *
     * @return the detail
     */
    public ApiError error() {
        return error;
    }

    /**
     * The pseudo status code (595, 596, 597 or 599).
     *
     * @return the status
     */
    public int status() {
        return error.status();
    }

    /**
     * Whether a status code is one of AnyEvent::HTTP's proxy pseudo-codes.
     *
     * @param status an HTTP status
     * @return true for 595, 596, 597 and 599
     */
    public static boolean isProxyStatus(int status) {
        return status == 595 || status == 596 || status == 597 || status == 599;
    }
}
