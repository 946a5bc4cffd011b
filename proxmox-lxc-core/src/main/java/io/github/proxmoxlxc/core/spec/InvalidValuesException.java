package io.github.proxmoxlxc.core.spec;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.internal.SerialForm;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Values broke one or more rules; the common parent of {@link InvalidSpecException} (a container
 * spec or configuration), {@code InvalidNodePatchException} (a node patch),
 * {@code InvalidIdMapException} (an id map) and {@code InvalidConfigFileException} (a node config
 * file). Catch this type to report any of them field by field.
 *
 * <p>It carries every violation found, not just the first, so a user can fix them all at once.
 */
public class InvalidValuesException extends ProxmoxException {
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
    protected InvalidValuesException(List<Violation> violations) {
        super(render(violations));
        this.violations = List.copyOf(violations);
        this.parts = SerialForm.flatten(this.violations, 4,
                v -> new String[] {v.field(), v.value(), v.rule(), v.source()});
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
        violations = SerialForm.unflatten("violations", parts, 4, p -> new Violation(p[0], p[1], p[2], p[3]));
        if (violations.isEmpty()) {
            throw new InvalidObjectException("violations: must not be empty");
        }
    }

    private static String render(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("violations must not be empty");
        }
        return violations.size() + " invalid value" + (violations.size() == 1 ? "" : "s") + ":\n  "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("\n  "));
    }
}
