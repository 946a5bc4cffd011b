package io.github.proxmoxlxc.hardware.gpu;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One usable GPU (a PCI display-class function with a driver bound) and its own device nodes.
 *
 * <p>Shared nodes (NVIDIA control and UVM nodes, {@code /dev/kfd}) are not here but in
 * {@link Detection#sharedNodes()}, since one node serves every GPU of that vendor.
 *
 * @param pciAddress the PCI address, e.g. {@code 0000:00:02.0}
 * @param vendorId the PCI vendor id
 * @param deviceId the PCI device id
 * @param classCode the 24-bit PCI class, e.g. {@code 0x030000}
 * @param driver the bound kernel driver, e.g. {@code i915}
 * @param bootVga whether firmware used it as the boot display
 * @param model the model name when the driver states it (NVIDIA), else empty
 * @param driverVersion the driver version when known (NVIDIA), else empty
 * @param nodes the GPU's own nodes: DRM card and render nodes, or {@code /dev/nvidiaN}
 */
public record Gpu(String pciAddress, int vendorId, int deviceId, int classCode, String driver,
        boolean bootVga, Optional<String> model, Optional<String> driverVersion, List<DeviceNode> nodes) {
    /**
     * Checks for nulls and copies the node list.
     *
     * @param pciAddress the PCI address, e.g. {@code 0000:00:02.0}
     * @param vendorId the PCI vendor id
     * @param deviceId the PCI device id
     * @param classCode the 24-bit PCI class, e.g. {@code 0x030000}
     * @param driver the bound kernel driver, e.g. {@code i915}
     * @param bootVga whether firmware used it as the boot display
     * @param model the model name when the driver states it (NVIDIA), else empty
     * @param driverVersion the driver version when known (NVIDIA), else empty
     * @param nodes the GPU's own nodes: DRM card and render nodes, or {@code /dev/nvidiaN}
     */
    public Gpu {
        Objects.requireNonNull(pciAddress, "pciAddress");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(driverVersion, "driverVersion");
        nodes = List.copyOf(nodes);
    }

    /**
     * The vendor family.
     *
     * @return the family of {@link #vendorId()}
     */
    public Vendor vendor() {
        return Vendor.of(vendorId);
    }

    /**
     * Whether the proprietary or open NVIDIA kernel driver drives it (CUDA/NVENC via
     * {@code /dev/nvidia*}); its DRM nodes, if any, are not needed for compute.
     *
     * @return true for driver {@code nvidia}
     */
    public boolean nvidiaDriver() {
        return "nvidia".equals(driver);
    }

    /**
     * The nodes of one kind.
     *
     * @param kind the kind
     * @return those nodes, in detection order
     */
    public List<DeviceNode> nodes(NodeKind kind) {
        return nodes.stream().filter(n -> n.kind() == kind).collect(java.util.stream.Collectors.toList());
    }
}
