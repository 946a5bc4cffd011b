package io.github.proxmoxlxc.core.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a configuration value came from.
 *
 * @param layer the layer that supplied it
 * @param file the file, for the file layers; empty otherwise
 * @param line the 1-based line in {@code file}, or 0 when not from a file
 */
public record Provenance(Layer layer, Optional<Path> file, int line) {
    /**
     * Checks the components.
     *
     * @param layer the layer that supplied it
     * @param file the file, for the file layers; empty otherwise
     * @param line the 1-based line in {@code file}, or 0 when not from a file
     */
    public Provenance {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(file, "file");
        if (line < 0) {
            throw new IllegalArgumentException("line=" + line + ": must be 0 or more");
        }
    }

    /**
     * A value from a file.
     *
     * @param layer the layer
     * @param file the file
     * @param line the 1-based line
     * @return the provenance
     */
    public static Provenance of(Layer layer, Path file, int line) {
        return new Provenance(layer, Optional.of(file), line);
    }

    /**
     * A value not from a file (built-in, environment, explicit).
     *
     * @param layer the layer
     * @return the provenance
     */
    public static Provenance of(Layer layer) {
        return new Provenance(layer, Optional.empty(), 0);
    }

    /**
     * The location in words: {@code file:line} (just the name for line 0, e.g.
     * {@code catalogue: jellyfin}), {@code environment}, {@code explicit} or {@code builtin}.
     *
     * @return the location
     */
    public String location() {
        if (file.isPresent()) {
            // line 0: a named source without lines, e.g. "catalogue: jellyfin"
            return line == 0 ? file.get().toString() : file.get() + ":" + line;
        }
        switch (layer) {
            case ENV:
                return "environment";
            case EXPLICIT:
                return "explicit";
            default:
                return layer.id();
        }
    }

    @Override
    public String toString() {
        if (file.isPresent() && line == 0) {
            return layer.id() + " (" + file.get() + ")";
        }
        return layer.id() + " " + location();
    }
}
