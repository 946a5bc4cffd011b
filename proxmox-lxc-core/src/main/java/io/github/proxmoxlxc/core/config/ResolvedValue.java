package io.github.proxmoxlxc.core.config;

import java.util.List;
import java.util.Objects;

/**
 * The value a key resolved to, with its provenance and the lower-precedence values it replaced.
 *
 * @param key the key, e.g. {@code var_cpu}
 * @param value the resolved value
 * @param provenance where the value came from; for a value raised to an app-profile floor, the
 *     profile's line
 * @param overridden the values of lower layers (and, for a raised value, the undercutting one),
 *     lowest precedence first
 * @param note why the value is what it is when precedence alone does not explain it (a floor, a
 *     derived default), or empty text
 */
public record ResolvedValue(String key, String value, Provenance provenance,
        List<Setting> overridden, String note) {
    /**
     * Checks and copies the components.
     *
     * @param key the key, e.g. {@code var_cpu}
     * @param value the resolved value
     * @param provenance where the value came from; for a value raised to an app-profile floor, the profile's line
     * @param overridden the values of lower layers (and, for a raised value, the undercutting one), lowest
     *     precedence first
     * @param note why the value is what it is when precedence alone does not explain it (a floor, a derived
     *     default), or empty text
     */
    public ResolvedValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(provenance, "provenance");
        overridden = List.copyOf(overridden);
        Objects.requireNonNull(note, "note");
    }

    /**
     * The layer that supplied the value.
     *
     * @return the layer
     */
    public Layer layer() {
        return provenance.layer();
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
