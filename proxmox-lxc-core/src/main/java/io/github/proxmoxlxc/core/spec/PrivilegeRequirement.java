package io.github.proxmoxlxc.core.spec;

import java.util.Objects;

/**
 * One option of a spec that Proxmox accepts only from {@code root@pam} (a ticket, never an API
 * token), so that a planner can say so before any request.
 *
 * @param field the parameter concerned, e.g. {@code dev0}, {@code mp1} or {@code features}
 * @param reason why, in words, e.g. "device passthrough is only allowed for root@pam"
 */
public record PrivilegeRequirement(String field, String reason) {
    /**
     * Checks that no component is null.
     *
     * @param field the parameter concerned
     * @param reason why root@pam is needed
     */
    public PrivilegeRequirement {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }
}
