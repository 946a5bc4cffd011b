package io.github.proxmoxlxc.core.internal.spec;

import io.github.proxmoxlxc.core.spec.ContainerSpec;
import java.util.Objects;

/**
 * Table-driven access to a spec's values for this package's encoder, decoder, diff and validator,
 * without a public generic getter or setter on {@link ContainerSpec}: the spec installs its bridge
 * when its class initialises (any spec or builder passed here has done so).
 */
public final class SpecAccess {
    /** What the spec package provides. */
    public interface Bridge {
        /**
         * A value: the typed value, an unmodifiable list, map or sorted map by index.
         *
         * @param s the spec
         * @param o the option
         * @return the value, or null when unset
         */
        Object get(ContainerSpec s, LxcOption o);

        /**
         * Sets a value as the typed setters do (an empty collection or feature set unsets it).
         *
         * @param b the builder
         * @param o the option
         * @param index the index of an indexed option's entry, ignored otherwise
         * @param value the typed value
         */
        void set(ContainerSpec.Builder b, LxcOption o, int index, Object value);
    }

    private static volatile Bridge bridge;

    private SpecAccess() {
    }

    /**
     * Installs the bridge; called once by {@link ContainerSpec}.
     *
     * @param b the bridge
     */
    public static void install(Bridge b) {
        if (bridge != null) {
            throw new IllegalStateException("the spec bridge is already installed");
        }
        bridge = Objects.requireNonNull(b, "b");
    }

    static Object get(ContainerSpec s, LxcOption o) {
        return bridge.get(s, o);
    }

    static void set(ContainerSpec.Builder b, LxcOption o, int index, Object value) {
        bridge.set(b, o, index, value);
    }
}
