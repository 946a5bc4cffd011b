package io.github.proxmoxlxc.core.spec;

import java.util.Objects;

/**
 * One broken rule found while validating a spec or a configuration source.
 *
 * @param field the field or key concerned, e.g. {@code net0.bridge} or {@code var_vlan}
 * @param value the offending value as given (never a secret: secrets are shown as {@code ***})
 * @param rule what the value must satisfy, in words
 * @param source where the value came from ({@code file:line}, {@code environment}, {@code builder}),
 *     or empty when unknown
 */
public record Violation(String field, String value, String rule, String source) {
    /**
     * Checks that no component is null.
     *
     * @param field the field or key concerned, e.g. {@code net0.bridge} or {@code var_vlan}
     * @param value the offending value as given (never a secret: secrets are shown as {@code ***})
     * @param rule what the value must satisfy, in words
     * @param source where the value came from ({@code file:line}, {@code environment}, {@code builder}), or
     *     empty when unknown
     */
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(source, "source");
    }

    /**
     * A violation without a known source.
     *
     * @param field the field or key
     * @param value the offending value
     * @param rule the rule broken
     * @return the violation
     */
    public static Violation of(String field, String value, String rule) {
        return new Violation(field, value, rule, "");
    }

    @Override
    public String toString() {
        return field + "='" + value + "': " + rule + (source.isEmpty() ? "" : " (" + source + ")");
    }
}
