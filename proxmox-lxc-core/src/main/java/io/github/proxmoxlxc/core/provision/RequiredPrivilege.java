package io.github.proxmoxlxc.core.provision;

import java.util.Objects;

/**
 * What a planned step needs from the caller's credentials or access.
 *
 * @param kind an ACL privilege of the user/token, a root@pam ticket, or access to the node itself
 * @param path the ACL path ({@code /vms/104}, {@code /storage/local-lvm}), the option that needs
 *     root@pam ({@code dev0}), or the file on the node ({@code /etc/pve/lxc/104.conf})
 * @param privilege the privilege, e.g. {@code VM.Allocate}; {@code root@pam} or {@code root shell}
 *     for the other kinds
 * @param reason why the step needs it
 */
public record RequiredPrivilege(Kind kind, String path, String privilege, String reason) {

    /** Where the privilege comes from. */
    public enum Kind {
        /** An ACL privilege of the user or API token on a path. */
        ACL,
        /** Only {@code root@pam} with a ticket (password login) may do it; no API token qualifies. */
        ROOT_AT_PAM,
        /** Needs root on the node (editing files there); no API call can do it. */
        NODE_ACCESS
    }

    /**
     * Checks that no component is null.
     *
     * @param kind an ACL privilege of the user/token, a root@pam ticket, or access to the node itself
     * @param path the ACL path ({@code /vms/104}, {@code /storage/local-lvm}), the option that needs root@pam ({@code dev0}), or the file on the node ({@code /etc/pve/lxc/104.conf})
     * @param privilege the privilege, e.g. {@code VM.Allocate}; {@code root@pam} or {@code root shell} for the other kinds
     * @param reason why the step needs it
     */
    public RequiredPrivilege {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(privilege, "privilege");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        switch (kind) {
            case ACL:
                return privilege + " on " + path + " (" + reason + ")";
            case ROOT_AT_PAM:
                return "root@pam ticket for " + path + " (" + reason + ")";
            default:
                return "root on the node for " + path + " (" + reason + ")";
        }
    }
}
