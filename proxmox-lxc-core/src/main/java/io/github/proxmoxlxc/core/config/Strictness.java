package io.github.proxmoxlxc.core.config;

/**
 * How invalid values in configuration sources are treated.
 */
public enum Strictness {
    /** An invalid value or malformed line is an error; all of them are reported at once. */
    STRICT,
    /**
     * An invalid value or malformed line is skipped with a warning, as {@code build.func} does
     * ({@code msg_warn "... ignoring"}); the next lower layer then provides the value.
     */
    LENIENT
}
