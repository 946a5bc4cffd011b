package io.github.proxmoxlxc.hardware.gpu;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One usable GPU (a PCI display-class function with a driver bound) and its own device nodes.
 *
 * <p>Shared nodes (NVIDIA control and UVM nodes, {@code /dev/kfd}) are not here but in
 * {@link Detection#sharedNodes()}, since one node serves every GPU of that vendor.
 *
 * <p>Built by {@link GpuDetector} (no public constructor): what detection learns later becomes
 * new accessors without breaking callers.
 */
public final class Gpu {
    private final String pciAddress;
    private final int vendorId;
    private final int deviceId;
    private final int classCode;
    private final String driver;
    private final boolean bootVga;
    private final Optional<String> model;
    private final Optional<String> driverVersion;
    private final List<DeviceNode> nodes;

    Gpu(String pciAddress, int vendorId, int deviceId, int classCode, String driver, boolean bootVga,
        Optional<String> model, Optional<String> driverVersion, List<DeviceNode> nodes) {
        this.pciAddress = Objects.requireNonNull(pciAddress, "pciAddress");
        this.vendorId = vendorId;
        this.deviceId = deviceId;
        this.classCode = classCode;
        this.driver = Objects.requireNonNull(driver, "driver");
        this.bootVga = bootVga;
        this.model = Objects.requireNonNull(model, "model");
        this.driverVersion = Objects.requireNonNull(driverVersion, "driverVersion");
        this.nodes = List.copyOf(nodes);
    }

    /**
     * {@return the PCI address, e.g. {@code 0000:00:02.0}}
     */
    public String pciAddress() {
        return pciAddress;
    }

    /**
     * {@return the PCI vendor id}
     */
    public int vendorId() {
        return vendorId;
    }

    /**
     * {@return the PCI device id}
     */
    public int deviceId() {
        return deviceId;
    }

    /**
     * {@return the 24-bit PCI class, e.g. {@code 0x030000}}
     */
    public int classCode() {
        return classCode;
    }

    /**
     * {@return the bound kernel driver, e.g. {@code i915}}
     */
    public String driver() {
        return driver;
    }

    /**
     * {@return whether firmware used it as the boot display}
     */
    public boolean bootVga() {
        return bootVga;
    }

    /**
     * {@return the model name when the driver states it (NVIDIA)}
     */
    public Optional<String> model() {
        return model;
    }

    /**
     * {@return the driver version when known (NVIDIA)}
     */
    public Optional<String> driverVersion() {
        return driverVersion;
    }

    /**
     * {@return the GPU's own nodes: DRM card and render nodes, or {@code /dev/nvidiaN}}
     */
    public List<DeviceNode> nodes() {
        return nodes;
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
        return nodes.stream().filter(n -> n.kind() == kind).collect(Collectors.toList());
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Gpu)) {
            return false;
        }
        Gpu o = (Gpu) other;
        return pciAddress.equals(o.pciAddress) && vendorId == o.vendorId && deviceId == o.deviceId
                && classCode == o.classCode && driver.equals(o.driver) && bootVga == o.bootVga
                && model.equals(o.model) && driverVersion.equals(o.driverVersion) && nodes.equals(o.nodes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pciAddress, vendorId, deviceId, classCode, driver, bootVga, model, driverVersion, nodes);
    }

    @Override
    public String toString() {
        return "Gpu[pciAddress=" + pciAddress + ", vendorId=" + vendorId + ", deviceId=" + deviceId + ", classCode="
                + classCode + ", driver=" + driver + ", bootVga=" + bootVga + ", model=" + model + ", driverVersion="
                + driverVersion + ", nodes=" + nodes + "]";
    }
}
