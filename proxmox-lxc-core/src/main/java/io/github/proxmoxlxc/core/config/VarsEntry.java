package io.github.proxmoxlxc.core.config;

import java.util.Objects;

/**
 * One {@code key=value} line of a {@code .vars} file, after comment and quote handling.
 *
 * <p>The value is kept literally: {@code $(...)}, backticks and {@code $VAR} are never executed
 * or expanded.
 *
 * @param key the whitelisted key, e.g. {@code var_cpu}
 * @param value the value, possibly empty (empty means "not set here", as build.func's
 *     {@code ${var:-default}} treats it)
 * @param line the 1-based line number
 */
public record VarsEntry(String key, String value, int line) {
    /**
     * Checks the components.
     *
     * @param key the whitelisted key, e.g. {@code var_cpu}
     * @param value the value, possibly empty (empty means "not set here", as build.func's {@code
     *     ${var:-default}} treats it)
     * @param line the 1-based line number
     */
    public VarsEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (line < 1) {
            throw new IllegalArgumentException("line=" + line + ": must be 1 or more");
        }
    }

    @Override
    public String toString() {
        return key + "=" + (VarsKeys.isSecret(key) && !value.isEmpty() ? "***" : value)
                + " (line " + line + ")";
    }
}
