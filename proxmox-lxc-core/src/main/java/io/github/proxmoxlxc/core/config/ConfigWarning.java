package io.github.proxmoxlxc.core.config;

import java.util.Objects;

/**
 * Something worth telling the user that did not stop resolution: an unknown key, a value raised to
 * an app-profile floor, an invalid value skipped in lenient mode.
 *
 * @param key the key concerned, e.g. {@code var_cpu}, or {@code line} for a malformed line
 * @param message what happened, in words (secrets are shown as {@code ***})
 * @param source where it happened ({@code file:line}, {@code environment}, {@code explicit}), or
 *     empty when it concerns the resolution as a whole
 */
public record ConfigWarning(String key, String message, String source) {
    /**
     * Checks that no component is null.
     *
     * @param key the key concerned, e.g. {@code var_cpu}, or {@code line} for a malformed line
     * @param message what happened, in words (secrets are shown as {@code ***})
     * @param source where it happened ({@code file:line}, {@code environment}, {@code explicit}), or empty when
     *     it concerns the resolution as a whole
     */
    public ConfigWarning {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String toString() {
        return key + ": " + message + (source.isEmpty() ? "" : " (" + source + ")");
    }
}
