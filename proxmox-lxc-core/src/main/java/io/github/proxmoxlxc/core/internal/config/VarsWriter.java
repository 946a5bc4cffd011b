package io.github.proxmoxlxc.core.internal.config;

import java.util.Optional;

/**
 * Renders {@code key=value} lines that build.func's parser (and {@link VarsParser}) read back as
 * exactly the same value.
 */
public final class VarsWriter {
    private VarsWriter() {
    }

    /**
     * Why a value cannot be written so that it reads back unchanged.
     *
     * @param value the value
     * @return the rule broken, or empty when the value can be written
     */
    public static Optional<String> unwritable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\t') {
                return Optional.of("no control characters or line breaks");
            }
        }
        if (!value.isEmpty() && VarsParser.isSpace(value.charAt(value.length() - 1))) {
            return Optional.of("no trailing whitespace (build.func trims it when reading)");
        }
        return Optional.empty();
    }

    /**
     * One line {@code key=value}; the value is double-quoted when it holds a {@code #} or starts
     * with a quote, so that it is not cut as a comment nor stripped.
     *
     * @param key the key
     * @param value a writable value (see {@link #unwritable(String)})
     * @return the line, without a line break
     * @throws IllegalArgumentException if the value cannot be written
     */
    public static String line(String key, String value) {
        Optional<String> why = unwritable(value);
        if (why.isPresent()) {
            throw new IllegalArgumentException(key + "='" + VarsParser.mask(key, value)
                    + "': cannot be written to a .vars file: " + why.get());
        }
        boolean quote = value.indexOf('#') >= 0 || value.startsWith("\"") || value.startsWith("'");
        return key + "=" + (quote ? "\"" + value + "\"" : value);
    }
}
