package io.github.proxmoxlxc.core.client;

import java.util.Map;
import java.util.Set;

/**
 * Response values for tests outside this package, whose constructors are package-private (the
 * client builds them from Proxmox's answers; tests elsewhere read them through the simulator or use
 * these factories).
 */
public final class TestResponses {
    private TestResponses() {
    }

    /**
     * Effective permissions as {@code GET /access/permissions} would list them.
     *
     * @param byPath ACL path to granted privileges
     * @return the permissions
     */
    public static Permissions permissions(Map<String, Set<String>> byPath) {
        return new Permissions(byPath);
    }
}
