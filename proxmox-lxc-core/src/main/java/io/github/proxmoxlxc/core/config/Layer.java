package io.github.proxmoxlxc.core.config;

import java.util.Locale;

/**
 * A configuration layer, lowest precedence first: a value from a later layer replaces one from an
 * earlier layer (except the app-profile floors, see {@link ConfigResolver}).
 *
 * <p>{@link #id()} is the stable name used in {@code explain()} output and in the CLI's JSON.
 */
public enum Layer {
    /** The defaults built into {@code build.func} ({@code base_settings()}). */
    BUILTIN("builtin"),
    /** The global {@code default.vars} file. */
    DEFAULTS("defaults"),
    /** The app profile: a {@code .vars}-format file of what an app needs; sets floors. */
    APP_PROFILE("app-profile"),
    /** The app's saved defaults, {@code <app>.vars}. */
    APP_VARS("app-vars"),
    /** {@code var_*} environment values, passed in as a map. */
    ENV("env"),
    /** Values set in code or with {@code --set}. */
    EXPLICIT("explicit");

    private final String id;

    Layer(String id) {
        this.id = id;
    }

    /**
     * The layer's stable name: {@code builtin}, {@code defaults}, {@code app-profile},
     * {@code app-vars}, {@code env} or {@code explicit}.
     *
     * @return the name
     */
    public String id() {
        return id;
    }

    /**
     * Whether values of this layer come from a saved {@code .vars} file, which may not undercut
     * an app profile's floors.
     *
     * @return true for {@link #DEFAULTS} and {@link #APP_VARS}
     */
    public boolean isSavedFile() {
        return this == DEFAULTS || this == APP_VARS;
    }

    /**
     * Finds a layer by its {@link #id()}.
     *
     * @param id a name such as {@code app-vars} (case-insensitive)
     * @return the layer
     * @throws IllegalArgumentException if no layer has that name
     */
    public static Layer fromId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        for (Layer l : values()) {
            if (l.id.equals(wanted)) {
                return l;
            }
        }
        throw new IllegalArgumentException("layer='" + id
                + "': must be one of builtin, defaults, app-profile, app-vars, env, explicit");
    }
}
