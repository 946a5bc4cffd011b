package io.github.proxmoxlxc.examples;

import io.github.proxmoxlxc.core.provision.NodePatch;
import io.github.proxmoxlxc.hardware.gpu.Detection;
import io.github.proxmoxlxc.hardware.gpu.Gpu;
import io.github.proxmoxlxc.hardware.gpu.GpuDetector;
import io.github.proxmoxlxc.hardware.passthrough.GpuSelection;
import io.github.proxmoxlxc.hardware.passthrough.PassthroughPlanner;
import io.github.proxmoxlxc.hardware.passthrough.PassthroughStyle;
import io.github.proxmoxlxc.hardware.passthrough.TargetContainer;
import java.nio.file.Path;

/**
 * Detects the GPUs of a host and prints the passthrough lines for an unprivileged Debian 12
 * container, in both styles: {@code devN} entries (PVE 8.1+) and legacy {@code lxc.*} lines with
 * the id map and {@code /etc/subgid} lines they need.
 *
 * <p>Usage: {@code GpuPassthroughPlan [host-root]} (default {@code /}).
 */
public final class GpuPassthroughPlan {
    private GpuPassthroughPlan() {
    }

    /**
     * Runs the example.
     *
     * @param args optional host root
     */
    public static void main(String[] args) {
        Detection d = GpuDetector.at(Path.of(args.length > 0 ? args[0] : "/")).detect();
        for (Gpu g : d.gpus()) {
            System.out.println(g.pciAddress() + " " + g.vendor() + " driver " + g.driver());
        }
        d.skipped().forEach(s -> System.out.println("skipped " + s));
        TargetContainer target = TargetContainer.builder().template("debian-12-standard").build();
        for (PassthroughStyle style : PassthroughStyle.values()) {
            NodePatch patch = PassthroughPlanner.builder()
                    .gpus(GpuSelection.all())
                    .target(target)
                    .style(style)
                    .build()
                    .plan(d);
            System.out.println("# " + style + " for /etc/pve/lxc/<vmid>.conf");
            patch.confLines().forEach(System.out::println);
            patch.subgidLines().forEach(l -> System.out.println("# /etc/subgid: " + l));
            patch.notes().forEach(n -> System.out.println("# note: " + n));
        }
    }
}
