package io.github.proxmoxlxc.core.client;

/**
 * The addressed object does not exist: HTTP 404, a missing guest configuration (`Configuration file ... does not exist`) or an unknown task (`no such task`).
 */
public class NotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception from the response detail.
     *
     * @param error what the server said
     */
    public NotFoundException(ApiError error) {
        super(error);
    }
}
