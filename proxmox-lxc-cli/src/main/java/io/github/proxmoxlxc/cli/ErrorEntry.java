package io.github.proxmoxlxc.cli;

import java.util.Objects;

/**
 * One entry of the {@code {"errors": [...]}} document.
 *
 * @param key the key, field or subject, e.g. {@code var_vlan}
 * @param value the offending value (never a secret), or empty
 * @param rule what went wrong or what the value must satisfy
 * @param source where the value came from ({@code file:line}, {@code environment}, a request), or empty
 */
record ErrorEntry(String key, String value, String rule, String source) {
    ErrorEntry {
        Objects.requireNonNull(key, "key");
        value = value == null ? "" : value;
        Objects.requireNonNull(rule, "rule");
        source = source == null ? "" : source;
    }

    /** The entry in one human line. */
    String describe() {
        StringBuilder b = new StringBuilder(key);
        if (!value.isEmpty()) {
            b.append("='").append(value).append('\'');
        }
        b.append(": ").append(rule);
        if (!source.isEmpty()) {
            b.append(" (").append(source).append(')');
        }
        return b.toString();
    }
}
