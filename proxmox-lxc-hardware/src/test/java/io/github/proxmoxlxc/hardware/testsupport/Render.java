package io.github.proxmoxlxc.hardware.testsupport;

import io.github.proxmoxlxc.core.provision.NodePatch;
import io.github.proxmoxlxc.hardware.gpu.Detection;
import io.github.proxmoxlxc.hardware.gpu.DeviceNode;
import io.github.proxmoxlxc.hardware.gpu.Gpu;
import io.github.proxmoxlxc.hardware.gpu.Skipped;
import java.util.List;
import java.util.TreeMap;

/** Stable text renderings for golden files. */
public final class Render {
    private Render() {
    }

    /**
     * A detection as text.
     *
     * @param d the detection
     * @return one line per fact
     */
    public static String detection(Detection d) {
        StringBuilder b = new StringBuilder();
        for (Gpu g : d.gpus()) {
            b.append(String.format("gpu %s vendor=0x%04x(%s) device=0x%04x class=0x%06x driver=%s bootVga=%s", g.pciAddress(),
                    g.vendorId(), g.vendor(), g.deviceId(), g.classCode(), g.driver(), g.bootVga()));
            g.model().ifPresent(m -> b.append(" model=\"").append(m).append('"'));
            g.driverVersion().ifPresent(v -> b.append(" driverVersion=").append(v));
            b.append('\n');
            g.nodes().forEach(n -> b.append("  ").append(node(n)).append('\n'));
        }
        d.sharedNodes().forEach(n -> b.append("shared ").append(node(n)).append('\n'));
        d.extraNodes().forEach(n -> b.append("extra ").append(node(n)).append('\n'));
        if (d.serialById()) {
            b.append("serialById\n");
        }
        for (Skipped s : d.skipped()) {
            b.append("skipped ").append(s.subject()).append(": ").append(s.reason()).append('\n');
        }
        b.append("hostGroups ").append(new TreeMap<>(d.hostGroups().gids())).append('\n');
        return b.toString();
    }

    private static String node(DeviceNode n) {
        return n.path() + " " + n.kind() + " " + n.major() + ":" + n.minor() + (n.present() ? " present" : " MISSING")
                + n.hostMode().map(m -> " hostMode=" + m).orElse("");
    }

    /**
     * A patch as text: conf lines, removals, subuid, subgid, notes.
     *
     * @param p the patch
     * @return sections with headers
     */
    public static String patch(NodePatch p) {
        StringBuilder b = new StringBuilder();
        if (p.isEmpty() && p.notes().isEmpty()) {
            return "# nothing to change\n";
        }
        section(b, "# /etc/pve/lxc/<vmid>.conf", p.confLines());
        section(b, "# remove from /etc/pve/lxc/<vmid>.conf", p.removeRawLines());
        section(b, "# /etc/subuid", p.subuidLines());
        section(b, "# /etc/subgid", p.subgidLines());
        section(b, "# notes", p.notes());
        return b.toString();
    }

    private static void section(StringBuilder b, String header, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        b.append(header).append('\n');
        lines.forEach(l -> b.append(l).append('\n'));
    }
}
