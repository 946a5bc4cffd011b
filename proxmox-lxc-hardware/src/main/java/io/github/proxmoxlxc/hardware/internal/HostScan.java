package io.github.proxmoxlxc.hardware.internal;

import io.github.proxmoxlxc.hardware.gpu.DeviceNode;
import io.github.proxmoxlxc.hardware.gpu.Gpu;
import io.github.proxmoxlxc.hardware.gpu.NodeKind;
import io.github.proxmoxlxc.hardware.gpu.Skipped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One detection pass over a host root. Each PCI function is probed on its own; any failure inside
 * a probe becomes a {@link Skipped} entry, never an exception.
 */
public final class HostScan {
    private static final Logger LOG = LoggerFactory.getLogger(HostScan.class);
    private static final Set<Integer> VIRTUAL_VENDORS = Set.of(0x1af4, 0x1234, 0x15ad, 0x1b36, 0x1013);

    final List<Gpu> gpus = new ArrayList<>();
    final List<DeviceNode> shared = new ArrayList<>();
    final List<DeviceNode> extras = new ArrayList<>();
    final List<Skipped> skipped = new ArrayList<>();
    boolean serialById;
    private Map<String, Integer> groups = Map.of();

    private final HostFs fs;
    private final boolean includeVirtual;
    private final GpuFactory gpuFactory;
    private ProcDevices procDevices = ProcDevices.parse("");

    /**
     * Prepares a scan.
     *
     * @param root the host root
     * @param includeVirtual whether virtual adapters (virtio-gpu, VMware, QXL, std-VGA) count
     * @param gpuFactory builds a found GPU ({@link Gpu}'s constructor is package-private)
     */
    public HostScan(Path root, boolean includeVirtual, GpuFactory gpuFactory) {
        this.fs = new HostFs(root);
        this.includeVirtual = includeVirtual;
        this.gpuFactory = gpuFactory;
    }

    /** Builds a {@link Gpu} from what one probe found; {@code GpuDetector} passes {@code Gpu::new}. */
    @FunctionalInterface
    public interface GpuFactory {
        /**
         * Builds the GPU.
         *
         * @param pciAddress the PCI address
         * @param vendorId the PCI vendor id
         * @param deviceId the PCI device id
         * @param classCode the 24-bit PCI class
         * @param driver the bound kernel driver
         * @param bootVga whether firmware used it as the boot display
         * @param model the model name, if stated
         * @param driverVersion the driver version, if known
         * @param nodes the GPU's own nodes
         * @return the GPU
         */
        Gpu create(String pciAddress, int vendorId, int deviceId, int classCode, String driver, boolean bootVga,
                   Optional<String> model, Optional<String> driverVersion, List<DeviceNode> nodes);
    }

    /** What the kernel names PCI functions: {@code 0000:01:00.0}. */
    private static final java.util.regex.Pattern PCI_ADDRESS =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{4,8}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]");

    /**
     * Runs the scan once.
     *
     * @return this, filled in
     */
    public HostScan run() {
        procDevices = ProcDevices.parse(HostFs.read(fs.path("proc/devices")).orElse(""));
        groups = GroupFile.parse(HostFs.read(fs.path("etc/group")).orElse(""));
        Path pci = fs.path("sys/bus/pci/devices");
        for (String addr : HostFs.list(pci)) {
            if (!PCI_ADDRESS.matcher(addr).matches()) {
                // a crafted name (newline, escape sequence) must not reach the plan as text
                skipped.add(new Skipped(Terminal.visible(addr), "not a PCI address (domain:bus:device.function)"));
                continue;
            }
            try {
                probePci(addr, pci.resolve(addr));
            } catch (RuntimeException e) {
                // a probe must never end detection: whatever a broken tree throws, skip that function
                LOG.debug("probe of {} failed", addr, e);
                skipped.add(new Skipped(addr, "unreadable: " + e.getClass().getSimpleName()));
            }
        }
        gpus.sort(java.util.Comparator.comparing(Gpu::pciAddress));
        try {
            if (gpus.stream().anyMatch(Gpu::nvidiaDriver)) {
                NvidiaProbe.sharedNodes(fs, procDevices, shared, skipped);
            }
            if (gpus.stream().anyMatch(g -> "amdgpu".equals(g.driver()))) {
                kfd();
            }
            ExtrasProbe.scan(fs, this);
        } catch (RuntimeException e) {
            LOG.debug("shared node probe failed", e);
            skipped.add(new Skipped("shared nodes", "unreadable: " + e.getClass().getSimpleName()));
        }
        return this;
    }

    /**
     * Usable GPUs, by PCI address.
     *
     * @return the list
     */
    public List<Gpu> gpus() {
        return gpus;
    }

    /**
     * Nodes shared by all GPUs of a vendor (NVIDIA control/UVM/caps, {@code /dev/kfd}).
     *
     * @return the list
     */
    public List<DeviceNode> shared() {
        return shared;
    }

    /**
     * Serial, TUN and Coral nodes.
     *
     * @return the list
     */
    public List<DeviceNode> extras() {
        return extras;
    }

    /**
     * What was left out and why.
     *
     * @return the list
     */
    public List<Skipped> skipped() {
        return skipped;
    }

    /**
     * Whether {@code /dev/serial/by-id} exists.
     *
     * @return true when it does
     */
    public boolean serialById() {
        return serialById;
    }

    /**
     * Host group gids from {@code /etc/group}.
     *
     * @return name to gid
     */
    public Map<String, Integer> groups() {
        return groups;
    }

    private void probePci(String addr, Path dev) {
        if (HostFs.dangling(dev)) {
            skipped.add(new Skipped(addr, "sysfs link is dangling"));
            return;
        }
        Optional<String> classText = HostFs.read(dev.resolve("class"));
        OptionalInt cls = classText.map(HostFs::parseHex).orElse(OptionalInt.empty());
        if (cls.isEmpty()) {
            skipped.add(new Skipped(addr, "class file missing or malformed: "
                    + classText.map(HostFs::excerpt).orElse("absent")));
            return;
        }
        if ((cls.getAsInt() >> 16) != 0x03) {
            return; // not a display controller: bridges, audio functions, NICs
        }
        OptionalInt vendor = hex(dev, "vendor", addr);
        OptionalInt device = hex(dev, "device", addr);
        if (vendor.isEmpty() || device.isEmpty()) {
            return;
        }
        Optional<String> driver = HostFs.linkTargetName(dev.resolve("driver"));
        int v = vendor.getAsInt();
        if (driver.isEmpty()) {
            skipped.add(new Skipped(addr, "no driver bound"));
            return;
        }
        String drv = driver.get();
        if (drv.equals("vfio-pci") || drv.equals("pci-stub")) {
            skipped.add(new Skipped(addr, "bound to " + drv + ": reserved for VM passthrough"));
            return;
        }
        if (v == 0x1a03 || drv.equals("ast")) {
            skipped.add(new Skipped(addr, "ASPEED BMC graphics (" + drv + "): display only, not a GPU"));
            return;
        }
        if (v == 0x102b) {
            skipped.add(new Skipped(addr, "Matrox server graphics (" + drv + "): display only, not a GPU"));
            return;
        }
        if (VIRTUAL_VENDORS.contains(v) && !includeVirtual) {
            skipped.add(new Skipped(addr, String.format("virtual GPU (vendor 0x%04x, %s): not detected unless"
                    + " virtual GPUs are included", v, drv)));
            return;
        }
        boolean bootVga = HostFs.read(dev.resolve("boot_vga")).map(s -> s.strip().equals("1")).orElse(false);
        List<DeviceNode> nodes = new ArrayList<>();
        drmNodes(dev.resolve("drm"), nodes);
        for (String child : HostFs.list(dev)) {
            if (child.matches("virtio\\d+")) {
                drmNodes(dev.resolve(child).resolve("drm"), nodes);
            }
        }
        Optional<String> model = Optional.empty();
        Optional<String> version = Optional.empty();
        if (drv.equals("nvidia")) {
            Optional<NvidiaProbe.Info> info = NvidiaProbe.gpu(fs, procDevices, addr, skipped);
            if (info.isEmpty()) {
                return;
            }
            nodes.add(0, info.get().node());
            model = info.get().model();
            version = NvidiaProbe.driverVersion(fs);
        } else if (nodes.stream().noneMatch(n -> n.kind() == NodeKind.DRM_RENDER)) {
            skipped.add(new Skipped(addr, "driver " + drv + " exposes no render node: display only, not a GPU"));
            return;
        }
        gpus.add(gpuFactory.create(addr, v, device.getAsInt(), cls.getAsInt(), drv, bootVga, model, version, nodes));
    }

    private OptionalInt hex(Path dev, String file, String addr) {
        Optional<String> text = HostFs.read(dev.resolve(file));
        OptionalInt val = text.map(HostFs::parseHex).orElse(OptionalInt.empty());
        if (val.isEmpty() || val.getAsInt() > 0xffff) {
            skipped.add(new Skipped(addr, file + " file missing or malformed: "
                    + text.map(HostFs::excerpt).orElse("absent")));
            return OptionalInt.empty();
        }
        return val;
    }

    private void drmNodes(Path drm, List<DeviceNode> out) {
        for (String name : HostFs.list(drm)) {
            NodeKind kind;
            if (name.matches("card\\d{1,6}")) {
                kind = NodeKind.DRM_CARD;
            } else if (name.matches("renderD\\d{1,6}")) {
                kind = NodeKind.DRM_RENDER;
            } else {
                continue;
            }
            String path = "/dev/dri/" + name;
            Optional<String> text = HostFs.read(drm.resolve(name).resolve("dev"));
            Optional<int[]> mm = text.flatMap(HostFs::parseDev);
            if (mm.isEmpty()) {
                skipped.add(new Skipped(path, "sysfs dev file missing or malformed: "
                        + text.map(HostFs::excerpt).orElse("absent")));
                continue;
            }
            out.add(DeviceNode.of(path, kind, mm.get()[0], mm.get()[1], HostFs.exists(fs.path("dev/dri/" + name))));
        }
        // card before render, each in numeric order (the directory listing sorts card10 before card2)
        out.sort(java.util.Comparator.comparing(DeviceNode::kind).thenComparingInt(DeviceNode::minor));
    }

    private void kfd() {
        Optional<String> text = HostFs.read(fs.path("sys/class/kfd/kfd/dev"));
        Optional<int[]> mm = text.flatMap(HostFs::parseDev);
        OptionalInt procMajor = procDevices.major("kfd");
        int major;
        int minor;
        if (mm.isPresent()) {
            major = mm.get()[0];
            minor = mm.get()[1];
        } else if (procMajor.isPresent()) {
            major = procMajor.getAsInt();
            minor = 0; // the kfd driver registers a single node, minor 0
        } else {
            if (HostFs.exists(fs.path("dev/kfd"))) {
                skipped.add(new Skipped("/dev/kfd", "kfd major not found in sysfs or /proc/devices"));
            }
            return;
        }
        shared.add(DeviceNode.of("/dev/kfd", NodeKind.KFD, major, minor, HostFs.exists(fs.path("dev/kfd"))));
    }
}
