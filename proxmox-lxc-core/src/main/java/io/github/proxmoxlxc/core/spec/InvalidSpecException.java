package io.github.proxmoxlxc.core.spec;

import io.github.proxmoxlxc.core.ProxmoxException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A spec or configuration broke one or more rules; thrown before any request is sent.
 *
 * <p>It carries every violation found, not just the first, so a user can fix them all at once.
 */
public class InvalidSpecException extends ProxmoxException {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    /**
     * Creates the exception.
     *
     * @param violations every violation found; must not be empty
     */
    public InvalidSpecException(List<Violation> violations) {
        super(render(violations));
        this.violations = List.copyOf(violations);
    }

    /**
     * Every violation found, in the order found.
     *
     * @return an unmodifiable list, never empty
     */
    public List<Violation> violations() {
        return violations;
    }

    private static String render(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("violations must not be empty");
        }
        return violations.size() + " invalid value" + (violations.size() == 1 ? "" : "s") + ":\n  "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("\n  "));
    }
}
