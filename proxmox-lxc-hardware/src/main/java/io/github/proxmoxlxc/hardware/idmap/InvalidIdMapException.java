package io.github.proxmoxlxc.hardware.idmap;

import io.github.proxmoxlxc.core.spec.InvalidValuesException;
import io.github.proxmoxlxc.core.spec.Violation;
import java.util.List;

/**
 * An id map ({@code lxc.idmap}) is malformed, overlaps, or is not delegated to root by {@code /etc/subuid} and {@code /etc/subgid}.
 *
 * <p>It carries every violation found, not just the first, so a user can fix them all at once.
 */
public class InvalidIdMapException extends InvalidValuesException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param violations every violation found; must not be empty
     */
    public InvalidIdMapException(List<Violation> violations) {
        super(violations);
    }
}
