package io.github.proxmoxlxc.core.internal;

import java.io.InvalidObjectException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The serialized form of an exception's list of small all-text records (violations, preflight
 * problems, spec differences), which are not {@link java.io.Serializable} themselves: their
 * components flattened into one {@code String[]}, rebuilt through the record's constructor.
 */
public final class SerialForm {
    private SerialForm() {
    }

    /**
     * Flattens records into their components.
     *
     * @param <T> the record type
     * @param items the records
     * @param width how many components each record has
     * @param parts the components of one record, {@code width} of them
     * @return the components of all records, in order
     */
    public static <T> String[] flatten(List<T> items, int width, Function<T, String[]> parts) {
        String[] out = new String[items.size() * width];
        for (int i = 0; i < items.size(); i++) {
            System.arraycopy(parts.apply(items.get(i)), 0, out, i * width, width);
        }
        return out;
    }

    /**
     * Rebuilds records from their flattened components.
     *
     * @param <T> the record type
     * @param field the exception's field, named in errors
     * @param flat the components, as {@link #flatten} made them
     * @param width how many components each record has
     * @param make builds one record from {@code width} components
     * @return an unmodifiable list
     * @throws InvalidObjectException if the form is broken or a record rejects its components
     */
    public static <T> List<T> unflatten(String field, String[] flat, int width, Function<String[], T> make)
            throws InvalidObjectException {
        if (flat == null || flat.length % width != 0) {
            throw new InvalidObjectException(field + ": expected groups of " + width + " components");
        }
        List<T> out = new ArrayList<>(flat.length / width);
        try {
            for (int i = 0; i < flat.length; i += width) {
                String[] one = new String[width];
                System.arraycopy(flat, i, one, 0, width);
                out.add(make.apply(one));
            }
        } catch (RuntimeException e) {
            InvalidObjectException broken = new InvalidObjectException(field + ": " + e.getMessage());
            broken.initCause(e);
            throw broken;
        }
        return List.copyOf(out);
    }
}
