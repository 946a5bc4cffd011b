package io.github.proxmoxlxc.hardware.passthrough;

import io.github.proxmoxlxc.core.provision.NodePatch;
import io.github.proxmoxlxc.core.spec.InvalidSpecException;
import io.github.proxmoxlxc.core.spec.Violation;
import io.github.proxmoxlxc.hardware.gpu.Detection;
import io.github.proxmoxlxc.hardware.gpu.DeviceNode;
import io.github.proxmoxlxc.hardware.gpu.Gpu;
import io.github.proxmoxlxc.hardware.gpu.NodeKind;
import io.github.proxmoxlxc.hardware.gpu.Skipped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Plans GPU (and opt-in serial, TUN, Coral) passthrough for one container from a host
 * {@link Detection}. The result is a {@link NodePatch}.
 *
 * <p>Node order is deterministic: per selected GPU by PCI address its card then render node;
 * then {@code /dev/kfd}; then NVIDIA {@code /dev/nvidiaN} by minor, {@code nvidiactl},
 * {@code nvidia-modeset}, {@code nvidia-uvm}, {@code nvidia-uvm-tools}, {@code nvidia-caps/*};
 * then serial, TUN, Coral. For GPUs on the {@code nvidia} driver only the {@code /dev/nvidia*}
 * nodes are passed (CUDA and NVENC do not use its DRM nodes).
 *
 * <pre>{@code
 * NodePatch patch = PassthroughPlanner.builder()
 *     .gpus(GpuSelection.vendor(Vendor.INTEL))
 *     .target(TargetContainer.builder().template("debian-12-standard").build())
 *     .style(PassthroughStyle.DEVICE_ENTRIES)
 *     .build()
 *     .plan(GpuDetector.forHost().detect());
 * // dev0: /dev/dri/card1,gid=44   dev1: /dev/dri/renderD128,gid=106
 * }</pre>
 */
public final class PassthroughPlanner {
    private final GpuSelection gpus;
    private final TargetContainer target;
    private final PassthroughStyle style;
    private final boolean usbSerial;
    private final boolean tun;
    private final boolean coral;
    private final String user;

    private PassthroughPlanner(Builder b) {
        this.gpus = b.gpus;
        this.target = b.target;
        this.style = b.style;
        this.usbSerial = b.usbSerial;
        this.tun = b.tun;
        this.coral = b.coral;
        this.user = b.user;
    }

    /**
     * A builder: all GPUs, {@link PassthroughStyle#DEVICE_ENTRIES}, no extras; the target is
     * required.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Plans the patch for one host.
     *
     * @param detection what the host has
     * @return the patch; empty when nothing was selected or found
     * @throws InvalidSpecException when a needed gid is unknown (naming how to give it), a selected
     *     PCI address is not a usable GPU, or the resulting idmap would be invalid
     */
    public NodePatch plan(Detection detection) {
        Objects.requireNonNull(detection, "detection");
        List<Violation> problems = new ArrayList<>();
        NodePatch.Builder patch = NodePatch.builder();
        List<DeviceNode> nodes = chooseNodes(detection, patch, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
        if (style == PassthroughStyle.DEVICE_ENTRIES) {
            DevEntries.emit(nodes, target, patch, problems);
            if (usbSerial && detection.serialById()) {
                patch.addNote("/dev/serial/by-id not passed: devN entries pass device nodes only (the ttyUSB/ttyACM"
                        + " nodes are passed)");
            }
        } else {
            LegacyLines.emit(nodes, usbSerial && detection.serialById(), target, detection.hostGroups(), user,
                    patch, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
        return patch.build();
    }

    private List<DeviceNode> chooseNodes(Detection d, NodePatch.Builder patch, List<Violation> problems) {
        for (String a : gpus.addresses()) {
            if (d.gpus().stream().noneMatch(g -> g.pciAddress().equals(a))) {
                String why = d.skipped().stream().filter(s -> s.subject().equals(a)).map(Skipped::reason)
                        .findFirst().orElse("no display-class PCI function at that address");
                problems.add(Violation.of("gpus", a, "must be a usable GPU on this host; it is not: " + why));
            }
        }
        List<Gpu> chosen = d.gpus().stream().filter(gpus::matches).collect(Collectors.toList());
        List<DeviceNode> out = new ArrayList<>();
        List<DeviceNode> nvidia = new ArrayList<>();
        boolean amd = false;
        for (Gpu g : chosen) {
            if (g.nvidiaDriver()) {
                nvidia.addAll(g.nodes(NodeKind.NVIDIA_GPU));
                if (!g.nodes(NodeKind.DRM_RENDER).isEmpty()) {
                    patch.addNote(g.pciAddress() + ": DRM nodes of nvidia-drm not passed (CUDA and NVENC use"
                            + " /dev/nvidia*)");
                }
                continue;
            }
            out.addAll(g.nodes(NodeKind.DRM_CARD));
            out.addAll(g.nodes(NodeKind.DRM_RENDER));
            amd |= "amdgpu".equals(g.driver());
        }
        if (amd) {
            out.addAll(shared(d, NodeKind.KFD));
        }
        if (!nvidia.isEmpty()) {
            nvidia.sort(Comparator.comparingInt(DeviceNode::minor));
            out.addAll(nvidia);
            out.addAll(shared(d, NodeKind.NVIDIA_CONTROL));
            out.addAll(shared(d, NodeKind.NVIDIA_UVM));
            out.addAll(shared(d, NodeKind.NVIDIA_CAP));
        }
        extras(d, usbSerial, NodeKind.SERIAL, "USB serial", out, patch);
        extras(d, tun, NodeKind.TUN, "TUN", out, patch);
        extras(d, coral, NodeKind.CORAL, "Coral", out, patch);
        return out;
    }

    private static List<DeviceNode> shared(Detection d, NodeKind kind) {
        return d.sharedNodes().stream().filter(n -> n.kind() == kind).collect(Collectors.toList());
    }

    private static void extras(Detection d, boolean wanted, NodeKind kind, String what, List<DeviceNode> out,
            NodePatch.Builder patch) {
        if (!wanted) {
            return;
        }
        List<DeviceNode> found = d.extraNodes().stream().filter(n -> n.kind() == kind).collect(Collectors.toList());
        if (found.isEmpty() && !(kind == NodeKind.SERIAL && d.serialById())) {
            patch.addNote(what + " requested but no such device found on the host");
        }
        out.addAll(found);
    }

    @Override
    public String toString() {
        return "PassthroughPlanner[gpus=" + gpus + ", style=" + style + ", target=" + target + "]";
    }

    /** Builds a {@link PassthroughPlanner}. */
    public static final class Builder {
        private GpuSelection gpus = GpuSelection.all();
        private TargetContainer target;
        private PassthroughStyle style = PassthroughStyle.DEVICE_ENTRIES;
        private boolean usbSerial;
        private boolean tun;
        private boolean coral;
        private String user = "root";

        private Builder() {
        }

        /**
         * Chooses the GPUs, {@link GpuSelection#all()} unless set.
         *
         * @param gpus the selection
         * @return this builder
         */
        public Builder gpus(GpuSelection gpus) {
            this.gpus = Objects.requireNonNull(gpus, "gpus");
            return this;
        }

        /**
         * Sets the container (required).
         *
         * @param target the target container
         * @return this builder
         */
        public Builder target(TargetContainer target) {
            this.target = Objects.requireNonNull(target, "target");
            return this;
        }

        /**
         * Chooses {@code devN} entries (default) or legacy raw lines.
         *
         * @param style the style
         * @return this builder
         */
        public Builder style(PassthroughStyle style) {
            this.style = Objects.requireNonNull(style, "style");
            return this;
        }

        /**
         * Also passes USB serial adapters ({@code ttyUSB*}, {@code ttyACM*}, and in legacy style
         * {@code /dev/serial/by-id}); off unless set.
         *
         * @param on true to include them
         * @return this builder
         */
        public Builder usbSerial(boolean on) {
            this.usbSerial = on;
            return this;
        }

        /**
         * Also passes {@code /dev/net/tun} (VPNs such as WireGuard-go, Tailscale); off unless set.
         *
         * @param on true to include it
         * @return this builder
         */
        public Builder tun(boolean on) {
            this.tun = on;
            return this;
        }

        /**
         * Also passes Coral PCIe/M.2 Edge TPUs ({@code /dev/apex_N}); off unless set.
         *
         * @param on true to include them
         * @return this builder
         */
        public Builder coral(boolean on) {
            this.coral = on;
            return this;
        }

        /**
         * Sets the user that starts containers and owns the subordinate ids, {@code root} unless set.
         *
         * @param user the user name
         * @return this builder
         */
        public Builder user(String user) {
            Objects.requireNonNull(user, "user");
            if (!user.matches("[a-z_][a-z0-9_.\\-]*")) {
                throw new IllegalArgumentException("user='" + user + "' must be a plain user name");
            }
            this.user = user;
            return this;
        }

        /**
         * Builds the planner.
         *
         * @return the planner
         * @throws NullPointerException when no target was set
         */
        public PassthroughPlanner build() {
            Objects.requireNonNull(target, "target");
            return new PassthroughPlanner(this);
        }
    }
}
