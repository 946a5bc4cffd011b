package io.github.proxmoxlxc.core.spec;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One parameter whose wanted value differs from a container's actual configuration, as found by
 * {@link ContainerSpec#differencesFrom(ContainerSpec)}.
 *
 * @param key the parameter, e.g. {@code memory} or {@code net0}
 * @param expected the wanted value in wire form, or {@code null} when the spec does not have it
 * @param actual the actual value in wire form, or {@code null} when the container does not have it
 */
public record SpecDifference(String key, @Nullable String expected, @Nullable String actual) {
    /**
     * Checks the key.
     *
     * @param key the parameter
     * @param expected the wanted value, or null
     * @param actual the actual value, or null
     */
    public SpecDifference {
        Objects.requireNonNull(key, "key");
    }

    /**
     * The wanted value.
     *
     * @return the value, or empty when the container has a parameter the spec does not
     */
    public Optional<String> expectedValue() {
        return Optional.ofNullable(expected);
    }

    /**
     * The actual value.
     *
     * @return the value, or empty when the container lacks the parameter
     */
    public Optional<String> actualValue() {
        return Optional.ofNullable(actual);
    }

    @Override
    public String toString() {
        return key + ": expected " + (expected == null ? "(unset)" : "'" + expected + "'") + ", actual "
                + (actual == null ? "(unset)" : "'" + actual + "'");
    }
}
