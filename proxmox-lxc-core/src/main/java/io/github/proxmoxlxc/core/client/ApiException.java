package io.github.proxmoxlxc.core.client;

import io.github.proxmoxlxc.core.ProxmoxException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Proxmox VE answered a request with an error status.
 *
 * <p>Subclasses mark the errors a caller acts on (parameters, authentication, permission, not
 * found, already exists, locked); this class itself covers the rest (for example 500 with an
 * unrecognised message, or 502/503/504). The full response detail is in {@link #error()}.
 */
public class ApiException extends ProxmoxException {
    private static final long serialVersionUID = 1L;

    /** The response detail; a record of strings and a map, all serializable. */
    @SuppressWarnings("serial")
    private final ApiError error;

    /**
     * Creates the exception from the response detail.
     *
     * @param error what the server said
     */
    public ApiException(ApiError error) {
        super(Objects.requireNonNull(error, "error").describe());
        this.error = error;
    }

    /**
     * Creates the exception with a message of its own, for a refusal that did not come over HTTP
     * but has the same meaning (a node-side config lock).
     *
     * @param error what Proxmox would have answered
     * @param message the message
     */
    protected ApiException(ApiError error, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.error = Objects.requireNonNull(error, "error");
    }

    /**
     * Everything the server said about the error.
     *
     * @return the response detail
     */
    public ApiError error() {
        return error;
    }

    /**
     * The HTTP status code.
     *
     * @return the status
     */
    public int status() {
        return error.status();
    }

    /**
     * The HTTP reason phrase (the only error text on 401s and older servers).
     *
     * @return the reason phrase, possibly empty
     */
    public String reasonPhrase() {
        return error.reasonPhrase();
    }

    /**
     * The body's {@code message}, if any.
     *
     * @return the message
     */
    public Optional<String> bodyMessage() {
        return error.bodyMessage();
    }

    /**
     * The parameter errors of the body.
     *
     * @return parameter name to problem, possibly empty
     */
    public Map<String, String> errors() {
        return error.errors();
    }
}
