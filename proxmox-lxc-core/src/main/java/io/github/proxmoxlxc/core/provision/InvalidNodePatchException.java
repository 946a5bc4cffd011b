package io.github.proxmoxlxc.core.provision;

import io.github.proxmoxlxc.core.spec.InvalidValuesException;
import io.github.proxmoxlxc.core.spec.Violation;
import java.util.List;

/**
 * A node patch has a malformed key, line or entry, or one that could break the node's files.
 *
 * <p>It carries every violation found, not just the first, so a user can fix them all at once.
 */
public class InvalidNodePatchException extends InvalidValuesException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param violations every violation found; must not be empty
     */
    public InvalidNodePatchException(List<Violation> violations) {
        super(violations);
    }
}
