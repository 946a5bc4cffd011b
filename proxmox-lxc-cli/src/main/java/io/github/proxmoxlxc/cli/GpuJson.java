package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.hardware.gpu.Detection;
import io.github.proxmoxlxc.hardware.gpu.DeviceNode;
import io.github.proxmoxlxc.hardware.gpu.Gpu;
import io.github.proxmoxlxc.hardware.gpu.NodeKind;
import io.github.proxmoxlxc.hardware.gpu.Skipped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code gpus --json} document. */
final class GpuJson {
    private GpuJson() {
    }

    static Map<String, Object> detection(Detection d) {
        List<Object> gpus = new ArrayList<>();
        for (Gpu g : d.gpus()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pciAddress", g.pciAddress());
            m.put("vendor", g.vendor().name().toLowerCase(Locale.ROOT));
            m.put("vendorId", hex(g.vendorId()));
            m.put("deviceId", hex(g.deviceId()));
            m.put("driver", g.driver());
            m.put("bootVga", g.bootVga());
            g.model().ifPresent(v -> m.put("model", v));
            g.driverVersion().ifPresent(v -> m.put("driverVersion", v));
            List<Object> nodes = new ArrayList<>();
            for (DeviceNode n : nodesFor(d, g)) {
                Map<String, Object> nm = new LinkedHashMap<>();
                nm.put("path", n.path());
                nm.put("major", n.major());
                nm.put("minor", n.minor());
                nm.put("present", n.present());
                nodes.add(nm);
            }
            m.put("nodes", nodes);
            gpus.add(m);
        }
        List<Object> skipped = new ArrayList<>();
        for (Skipped s : d.skipped()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pciAddress", s.subject());
            m.put("reason", s.reason());
            skipped.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("gpus", gpus);
        doc.put("skipped", skipped);
        doc.put("hostGroups", hostGroups(d));
        return doc;
    }

    /** The host gids that matter for passthrough: video, render, dialout (those present). */
    static Map<String, Integer> hostGroups(Detection d) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String g : List.of("video", "render", "dialout")) {
            d.hostGroups().gid(g).ifPresent(v -> m.put(g, v));
        }
        return m;
    }

    /**
     * Every node a container needs for this GPU, as the planner passes them: for the NVIDIA driver
     * its {@code /dev/nvidiaN} plus the shared control, UVM and capability nodes; otherwise its
     * DRM card and render nodes, plus {@code /dev/kfd} for amdgpu.
     */
    static List<DeviceNode> nodesFor(Detection d, Gpu g) {
        List<DeviceNode> out = new ArrayList<>();
        if (g.nvidiaDriver()) {
            out.addAll(g.nodes(NodeKind.NVIDIA_GPU));
            for (NodeKind k : List.of(NodeKind.NVIDIA_CONTROL, NodeKind.NVIDIA_UVM, NodeKind.NVIDIA_CAP)) {
                d.sharedNodes().stream().filter(n -> n.kind() == k).forEach(out::add);
            }
            return out;
        }
        List<DeviceNode> own = new ArrayList<>(g.nodes(NodeKind.DRM_CARD));
        own.addAll(g.nodes(NodeKind.DRM_RENDER));
        own.sort(Comparator.comparing((DeviceNode n) -> n.kind()).thenComparingInt(DeviceNode::minor));
        out.addAll(own);
        if ("amdgpu".equals(g.driver())) {
            d.sharedNodes().stream().filter(n -> n.kind() == NodeKind.KFD).forEach(out::add);
        }
        return out;
    }

    static String hex(int id) {
        return String.format(Locale.ROOT, "0x%04x", id);
    }
}
