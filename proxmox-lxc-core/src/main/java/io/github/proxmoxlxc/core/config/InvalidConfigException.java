package io.github.proxmoxlxc.core.config;

import io.github.proxmoxlxc.core.spec.InvalidSpecException;
import io.github.proxmoxlxc.core.spec.Violation;
import java.util.List;

/**
 * A configuration source holds invalid values or malformed lines. Each {@link Violation} names the
 * key, the value (secrets as {@code ***}), the rule and the source ({@code file:line},
 * {@code environment} or {@code explicit}). All violations of all layers are reported at once.
 */
public class InvalidConfigException extends InvalidSpecException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param violations every violation found; must not be empty
     */
    public InvalidConfigException(List<Violation> violations) {
        super(violations);
    }
}
