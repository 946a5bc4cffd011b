package io.github.proxmoxlxc.core.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * The argument checks the public builders share, so that the same rule reads the same everywhere:
 * {@code <field>: <value> must ...}.
 */
public final class Args {
    private Args() {
    }

    /**
     * Checks that a duration is set and above zero.
     *
     * @param field the field named in the error
     * @param d the duration
     * @return {@code d}
     * @throws NullPointerException naming the field if {@code d} is null
     * @throws IllegalArgumentException naming the field, the value and the rule otherwise
     */
    public static Duration positive(String field, Duration d) {
        Objects.requireNonNull(d, field);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + ": " + d + " must be positive");
        }
        return d;
    }

    /**
     * Checks that a duration is set and not below zero.
     *
     * @param field the field named in the error
     * @param d the duration
     * @return {@code d}
     * @throws NullPointerException naming the field if {@code d} is null
     * @throws IllegalArgumentException naming the field, the value and the rule otherwise
     */
    public static Duration notNegative(String field, Duration d) {
        Objects.requireNonNull(d, field);
        if (d.isNegative()) {
            throw new IllegalArgumentException(field + ": " + d + " must not be negative");
        }
        return d;
    }

    /**
     * Checks a backoff growth factor.
     *
     * @param multiplier the factor
     * @return {@code multiplier}
     * @throws IllegalArgumentException unless it is a finite number of at least 1
     */
    public static double multiplier(double multiplier) {
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier: " + multiplier + " must be a finite number >= 1");
        }
        return multiplier;
    }
}
