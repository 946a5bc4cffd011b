package io.github.proxmoxlxc.core.internal.provision;

import io.github.proxmoxlxc.core.provision.PlannedCall;
import io.github.proxmoxlxc.core.provision.ProvisionPlan;
import io.github.proxmoxlxc.core.provision.RequiredPrivilege;

/** Renders a plan for people. */
public final class PlanText {
    private PlanText() {
    }

    /**
     * The text.
     *
     * @param p the plan
     * @return multi-line text
     */
    public static String render(ProvisionPlan p) {
        StringBuilder b = new StringBuilder();
        b.append("Plan for ").append(p.label()).append(p.resolved() ? " (resolved against the cluster)" : " (offline)")
                .append('\n');
        b.append("  node:             ").append(p.node().orElse("(chosen at run time)")).append('\n');
        b.append("  vmid:             ").append(p.vmid().isPresent() ? Integer.toString(p.vmid().getAsInt())
                : "(allocated at run time)").append('\n');
        b.append("  template:         ").append(p.template()).append(p.templateVolume().map(v -> " -> " + v).orElse(""))
                .append('\n');
        b.append("  rootfs storage:   ").append(p.rootFsStorage().orElse("(chosen at run time)")).append('\n');
        b.append("  template storage: ").append(p.templateStorage().orElse("(chosen at run time)")).append('\n');
        b.append("Steps:\n");
        int i = 1;
        for (PlannedCall c : p.calls()) {
            b.append(String.format("  %2d. %-12s %-6s %s", i++, c.step(), c.method(), c.path()));
            if (!c.note().isEmpty()) {
                b.append("   # ").append(c.note());
            }
            b.append('\n');
            c.params().forEach((k, v) -> b.append("          ").append(k).append('=').append(oneLine(v)).append('\n'));
            for (RequiredPrivilege r : c.privileges()) {
                b.append("          needs: ").append(r).append('\n');
            }
        }
        if (!p.nodePatchLines().isEmpty()) {
            b.append("Node patch:\n");
            p.nodePatchLines().forEach(l -> b.append("  ").append(l).append('\n'));
        }
        if (!p.commands().isEmpty()) {
            b.append("Equivalent commands on the node:\n");
            p.commands().forEach(c -> b.append("  ").append(c).append('\n'));
        }
        if (!p.warnings().isEmpty()) {
            b.append("Warnings:\n");
            p.warnings().forEach(w -> b.append("  - ").append(w).append('\n'));
        }
        if (!p.notes().isEmpty()) {
            b.append("Notes:\n");
            p.notes().forEach(w -> b.append("  - ").append(w).append('\n'));
        }
        return b.toString();
    }

    private static String oneLine(String v) {
        return v.replace("\\", "\\\\").replace("\n", "\\n").replace("\0", "\\0");
    }
}
