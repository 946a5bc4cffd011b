package io.github.proxmoxlxc.testkit.internal.model;

import java.util.Map;

/** An API error as the handler would raise it: status, message and optional per-field errors. */
public final class PveError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, String> errors;

    /** An error with a status and message (a plain {@code die} is 500). */
    public PveError(int status, String message) {
        this(status, message, Map.of());
    }

    /** An error with per-field errors (400 parameter exceptions). */
    public PveError(int status, String message, Map<String, String> errors) {
        super(message, null, false, false);
        this.status = status;
        this.errors = Map.copyOf(errors);
    }

    /** A 400 {@code Parameter verification failed.} with field errors. */
    public static PveError params(Map<String, String> errors) {
        return new PveError(400, "Parameter verification failed.", errors);
    }

    /** A 500 with the given text. */
    public static PveError die(String message) {
        return new PveError(500, message);
    }

    /** A 403 {@code Permission check failed (detail)}. */
    public static PveError perm(String detail) {
        return new PveError(403, "Permission check failed (" + detail + ")");
    }

    /** HTTP status. */
    public int status() {
        return status;
    }

    /** Per-field errors (may be empty). */
    public Map<String, String> errors() {
        return errors;
    }
}
