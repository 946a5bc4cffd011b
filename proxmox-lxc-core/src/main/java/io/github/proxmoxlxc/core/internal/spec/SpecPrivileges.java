package io.github.proxmoxlxc.core.internal.spec;

import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.core.spec.Features;
import io.github.proxmoxlxc.core.spec.PrivilegeRequirement;
import java.util.ArrayList;
import java.util.List;

/**
 * Which options only {@code root@pam} may set (pve-container {@code LXC.pm}
 * {@code check_ct_modify_config_perm}, {@code API2/LXC.pm} create checks).
 */
public final class SpecPrivileges {
    private SpecPrivileges() {
    }

    /**
     * The root-only options of a spec.
     *
     * @param s the spec
     * @return the requirements in parameter order
     */
    public static List<PrivilegeRequirement> rootOnly(ContainerSpec s) {
        List<PrivilegeRequirement> out = new ArrayList<>();
        s.ostemplate().filter(t -> t.startsWith("/")).ifPresent(t -> out.add(new PrivilegeRequirement("ostemplate",
                "only root can pass arbitrary filesystem paths (use a storage volume id)")));
        s.rootfs().flatMap(r -> r.volume()).filter(MountCodec::isPathMount).ifPresent(v -> out.add(
                new PrivilegeRequirement("rootfs", mountReason(v))));
        s.mountPoints().forEach((i, mp) -> mp.volume().filter(MountCodec::isPathMount).ifPresent(v -> out.add(
                new PrivilegeRequirement("mp" + i, mountReason(v)))));
        s.features().filter(f -> !f.isEmpty()).ifPresent(f -> {
            if (!s.isUnprivileged()) {
                out.add(new PrivilegeRequirement("features",
                        "changing features of a privileged container is only allowed for root@pam"));
            } else if (!onlyNesting(f)) {
                out.add(new PrivilegeRequirement("features",
                        "features other than nesting are only allowed for root@pam"));
            }
        });
        s.devices().keySet().forEach(i -> out.add(new PrivilegeRequirement("dev" + i,
                "configuring device passthrough is only allowed for root@pam")));
        s.hookscript().ifPresent(h -> out.add(new PrivilegeRequirement("hookscript",
                "changing the hookscript is only allowed for root@pam")));
        return List.copyOf(out);
    }

    private static boolean onlyNesting(Features f) {
        return f.equals(f.isNesting() ? Features.nesting() : Features.none());
    }

    private static String mountReason(String volume) {
        return (volume.startsWith("/dev/") ? "mount point type device" : "mount point type bind")
                + " is only allowed for root@pam";
    }
}
