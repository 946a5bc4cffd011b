package io.github.proxmoxlxc.core.internal.spec;

import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.core.spec.Features;
import io.github.proxmoxlxc.core.spec.MountPoint;
import io.github.proxmoxlxc.core.spec.PrivilegeRequirement;
import io.github.proxmoxlxc.core.spec.RootFs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which options only {@code root@pam} may set (pve-container {@code LXC.pm}
 * {@code check_ct_modify_config_perm}, {@code API2/LXC.pm} create checks).
 */
public final class SpecPrivileges {
    private SpecPrivileges() {
    }

    /**
     * The root-only options of a spec, from the option table's root@pam rules.
     *
     * @param s the spec
     * @return the requirements in parameter order
     */
    public static List<PrivilegeRequirement> rootOnly(ContainerSpec s) {
        List<PrivilegeRequirement> out = new ArrayList<>();
        for (LxcOption o : LxcOption.settable()) {
            Object v = SpecAccess.get(s, o);
            if (v == null) {
                continue;
            }
            if (o.kind() == LxcOption.Kind.INDEXED) {
                ((Map<?, ?>) v).forEach((i, x) -> o.rootOnly(s, x).ifPresent(r -> out.add(
                        new PrivilegeRequirement(o.wire() + i, r))));
            } else {
                o.rootOnly(s, v).ifPresent(r -> out.add(new PrivilegeRequirement(o.wire(), r)));
            }
        }
        return List.copyOf(out);
    }

    static Optional<String> ostemplate(ContainerSpec s, Object v) {
        return ((String) v).startsWith("/")
                ? Optional.of("only root can pass arbitrary filesystem paths (use a storage volume id)")
                : Optional.empty();
    }

    static Optional<String> rootfs(ContainerSpec s, Object v) {
        return ((RootFs) v).volume().filter(MountCodec::isPathMount).map(SpecPrivileges::mountReason);
    }

    static Optional<String> mountPoint(ContainerSpec s, Object v) {
        return ((MountPoint) v).volume().filter(MountCodec::isPathMount).map(SpecPrivileges::mountReason);
    }

    static Optional<String> features(ContainerSpec s, Object v) {
        Features f = (Features) v;
        if (f.isEmpty()) {
            return Optional.empty();
        }
        if (!s.isUnprivileged()) {
            return Optional.of("changing features of a privileged container is only allowed for root@pam");
        }
        return onlyNesting(f) ? Optional.empty()
                : Optional.of("features other than nesting are only allowed for root@pam");
    }

    private static boolean onlyNesting(Features f) {
        return f.equals(f.nesting() ? Features.nestingOnly() : Features.none());
    }

    private static String mountReason(String volume) {
        return (volume.startsWith("/dev/") ? "mount point type device" : "mount point type bind")
                + " is only allowed for root@pam";
    }
}
