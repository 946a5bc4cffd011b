package io.github.proxmoxlxc.core.spec;

import java.util.List;

/**
 * A spec or configuration broke one or more rules; thrown before any request is sent.
 *
 * <p>It carries every violation found, not just the first, so a user can fix them all at once.
 */
public class InvalidSpecException extends InvalidValuesException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param violations every violation found; must not be empty
     */
    public InvalidSpecException(List<Violation> violations) {
        super(violations);
    }
}
