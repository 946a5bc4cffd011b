package io.github.proxmoxlxc.hardware.conf;

import io.github.proxmoxlxc.core.spec.InvalidValuesException;
import io.github.proxmoxlxc.core.spec.Violation;
import java.util.List;

/**
 * A container config file edit has a key, value or raw line that is malformed or could break the file.
 *
 * <p>It carries every violation found, not just the first, so a user can fix them all at once.
 */
public class InvalidConfigFileException extends InvalidValuesException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param violations every violation found; must not be empty
     */
    public InvalidConfigFileException(List<Violation> violations) {
        super(violations);
    }
}
