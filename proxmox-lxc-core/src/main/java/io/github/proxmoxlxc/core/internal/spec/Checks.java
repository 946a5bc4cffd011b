package io.github.proxmoxlxc.core.internal.spec;

import io.github.proxmoxlxc.core.spec.InvalidSpecException;
import io.github.proxmoxlxc.core.spec.Violation;
import java.util.ArrayList;
import java.util.List;

/** Collects violations so that validation can report all of them at once. */
public final class Checks {
    private final List<Violation> violations = new ArrayList<>();

    /**
     * Records a violation.
     *
     * @param field the field
     * @param value the offending value (callers pass {@code ***} for secrets)
     * @param rule the rule broken
     */
    public void add(String field, String value, String rule) {
        violations.add(Violation.of(field, String.valueOf(value), rule));
    }

    /**
     * Records the violations of a nested failure.
     *
     * @param e the failure
     */
    public void addAll(InvalidSpecException e) {
        violations.addAll(e.violations());
    }

    /**
     * Whether nothing was recorded.
     *
     * @return true when valid
     */
    public boolean isEmpty() {
        return violations.isEmpty();
    }

    /**
     * The recorded violations.
     *
     * @return a copy
     */
    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    /** Throws {@link InvalidSpecException} with everything recorded, if anything was. */
    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new InvalidSpecException(violations);
        }
    }
}
