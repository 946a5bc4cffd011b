package io.github.proxmoxlxc.core.config;

import java.util.Objects;

/**
 * A value one layer supplied for a key, whether or not it won.
 *
 * @param key the key, e.g. {@code var_cpu}
 * @param value the value as given
 * @param provenance where it came from
 */
public record Setting(String key, String value, Provenance provenance) {
    /**
     * Checks that no component is null.
     *
     * @param key the key, e.g. {@code var_cpu}
     * @param value the value as given
     * @param provenance where it came from
     */
    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(provenance, "provenance");
    }

    /**
     * The value for display: {@code ***} for a secret.
     *
     * @return the printable value
     */
    public String displayValue() {
        return VarsKeys.isSecret(key) ? "***" : value;
    }

    @Override
    public String toString() {
        return key + "=" + displayValue() + " (" + provenance + ")";
    }
}
