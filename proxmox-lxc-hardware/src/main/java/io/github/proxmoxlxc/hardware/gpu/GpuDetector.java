package io.github.proxmoxlxc.hardware.gpu;

import io.github.proxmoxlxc.hardware.internal.HostScan;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Finds the GPUs of a Proxmox VE host and the device nodes a container needs for them, by reading
 * sysfs, {@code /proc} and {@code /dev} under a root directory.
 *
 * <p>It lists PCI display-class functions ({@code /sys/bus/pci/devices}), takes their DRM nodes
 * from the device's own {@code drm/} directory (never by minor arithmetic: {@code card1} often pairs
 * with {@code renderD128}), NVIDIA nodes from {@code /proc/driver/nvidia}, and every major and minor
 * from sysfs {@code dev} files or {@code /proc/devices}. Functions bound to {@code vfio-pci} or
 * {@code pci-stub} or to no driver, BMC adapters (ASPEED) and virtual adapters (unless asked for)
 * are reported as {@link Skipped}. A missing or malformed file never throws: the GPU or node is
 * skipped with the reason.
 *
 * <pre>{@code
 * Detection d = GpuDetector.forHost().detect();
 * d.gpus().forEach(g -> System.out.println(g.pciAddress() + " " + g.driver() + " " + g.nodes()));
 * }</pre>
 */
public final class GpuDetector {
    private final Path root;
    private final boolean includeVirtual;

    private GpuDetector(Path root, boolean includeVirtual) {
        this.root = root;
        this.includeVirtual = includeVirtual;
    }

    /**
     * A detector for the machine this runs on (root {@code /}).
     *
     * @return the detector
     */
    public static GpuDetector forHost() {
        return at(Path.of("/"));
    }

    /**
     * A detector for a host tree under another root, e.g. a test fixture or a mounted image; it
     * reads {@code <root>/sys}, {@code <root>/proc}, {@code <root>/dev} and {@code <root>/etc/group}.
     *
     * @param root the directory standing for {@code /}
     * @return the detector
     */
    public static GpuDetector at(Path root) {
        return new GpuDetector(Objects.requireNonNull(root, "root"), false);
    }

    /**
     * A copy that also reports virtual adapters (virtio-gpu, VMware SVGA, QXL, std-VGA) as GPUs,
     * e.g. for a Proxmox VE running nested in a VM.
     *
     * @param include true to include them
     * @return a new detector
     */
    public GpuDetector includeVirtual(boolean include) {
        return new GpuDetector(root, include);
    }

    /**
     * Reads the host once.
     *
     * @return what was found; never null, never throws for a broken tree
     */
    public Detection detect() {
        HostScan s = new HostScan(root, includeVirtual, Gpu::new).run();
        return new Detection(s.gpus(), s.shared(), s.extras(), s.serialById(), s.skipped(), new HostGroups(s.groups()));
    }
}
