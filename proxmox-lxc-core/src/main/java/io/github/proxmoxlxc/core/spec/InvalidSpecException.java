package io.github.proxmoxlxc.core.spec;

import io.github.proxmoxlxc.core.ProxmoxException;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A spec or configuration broke one or more rules; thrown before any request is sent.
 *
 * <p>It carries every violation found, not just the first, so a user can fix them all at once.
 */
public class InvalidSpecException extends ProxmoxException {
    private static final long serialVersionUID = 1L;

    /** Rebuilt from {@link #parts} after deserialization ({@link Violation} is not serializable). */
    private transient List<Violation> violations;

    /** The serialized form: field, value, rule and source of each violation, in order. */
    private final String[] parts;

    /**
     * Creates the exception.
     *
     * @param violations every violation found; must not be empty
     */
    public InvalidSpecException(List<Violation> violations) {
        super(render(violations));
        this.violations = List.copyOf(violations);
        this.parts = this.violations.stream()
                .flatMap(v -> Stream.of(v.field(), v.value(), v.rule(), v.source()))
                .toArray(String[]::new);
    }

    /**
     * Every violation found, in the order found.
     *
     * @return an unmodifiable list, never empty
     */
    public List<Violation> violations() {
        return violations;
    }

    /**
     * Rebuilds the violations from their serialized form.
     *
     * @param in the stream
     * @throws IOException if reading fails or the form is broken
     * @throws ClassNotFoundException if a class is missing
     */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (parts == null || parts.length == 0 || parts.length % 4 != 0) {
            throw new InvalidObjectException("violations: expected groups of field, value, rule and source");
        }
        List<Violation> read = new ArrayList<>(parts.length / 4);
        try {
            for (int i = 0; i < parts.length; i += 4) {
                read.add(new Violation(parts[i], parts[i + 1], parts[i + 2], parts[i + 3]));
            }
        } catch (NullPointerException e) {
            throw new InvalidObjectException("violations: " + e.getMessage() + " is missing");
        }
        violations = List.copyOf(read);
    }

    private static String render(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("violations must not be empty");
        }
        return violations.size() + " invalid value" + (violations.size() == 1 ? "" : "s") + ":\n  "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("\n  "));
    }
}
