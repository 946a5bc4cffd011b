package io.github.proxmoxlxc.core.client;

/**
 * Authentication failed (HTTP 401): bad or expired token or ticket, missing or invalid CSRF token, or a failed login. The reason phrase carries the only text, since the body is usually empty.
 */
public class AuthenticationException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception from the response detail.
     *
     * @param error what the server said
     */
    public AuthenticationException(ApiError error) {
        super(error);
    }
}
