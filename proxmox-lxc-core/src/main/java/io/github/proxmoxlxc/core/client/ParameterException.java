package io.github.proxmoxlxc.core.client;

/**
 * The server rejected parameters (HTTP 400, usually `Parameter verification failed.`); {@link #errors()} names each field and its problem.
 */
public class ParameterException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception from the response detail.
     *
     * @param error what the server said
     */
    public ParameterException(ApiError error) {
        super(error);
    }
}
