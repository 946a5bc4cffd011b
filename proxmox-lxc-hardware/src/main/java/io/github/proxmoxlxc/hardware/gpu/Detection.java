package io.github.proxmoxlxc.hardware.gpu;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What {@link GpuDetector} found on one host: usable GPUs, the nodes they share, optional extra
 * devices, the host's group ids, and everything it skipped with the reason.
 */
public final class Detection {
    private final List<Gpu> gpus;
    private final List<DeviceNode> sharedNodes;
    private final List<DeviceNode> extraNodes;
    private final boolean serialById;
    private final List<Skipped> skipped;
    private final HostGroups hostGroups;

    Detection(List<Gpu> gpus, List<DeviceNode> sharedNodes, List<DeviceNode> extraNodes, boolean serialById,
            List<Skipped> skipped, HostGroups hostGroups) {
        this.gpus = List.copyOf(gpus);
        this.sharedNodes = List.copyOf(sharedNodes);
        this.extraNodes = List.copyOf(extraNodes);
        this.serialById = serialById;
        this.skipped = List.copyOf(skipped);
        this.hostGroups = Objects.requireNonNull(hostGroups, "hostGroups");
    }

    /**
     * The usable GPUs, sorted by PCI address.
     *
     * @return an unmodifiable list, empty when the host has none
     */
    public List<Gpu> gpus() {
        return gpus;
    }

    /**
     * The GPUs of one vendor.
     *
     * @param vendor the vendor family
     * @return those GPUs, by PCI address
     */
    public List<Gpu> gpus(Vendor vendor) {
        return gpus.stream().filter(g -> g.vendor() == vendor).collect(Collectors.toList());
    }

    /**
     * Nodes that serve every GPU of a vendor: {@code /dev/nvidiactl}, {@code /dev/nvidia-modeset},
     * {@code /dev/nvidia-uvm}, {@code /dev/nvidia-uvm-tools}, {@code /dev/nvidia-caps/*} (when an
     * NVIDIA-driver GPU was found) and {@code /dev/kfd} (when an amdgpu GPU was found).
     *
     * @return an unmodifiable list; each node says whether it exists under {@code /dev}
     */
    public List<DeviceNode> sharedNodes() {
        return sharedNodes;
    }

    /**
     * Non-GPU nodes a container can opt into: USB serial ({@code ttyUSB*}, {@code ttyACM*}),
     * {@code /dev/net/tun} and Coral {@code /dev/apex_*}.
     *
     * @return an unmodifiable list
     */
    public List<DeviceNode> extraNodes() {
        return extraNodes;
    }

    /**
     * Whether the host has {@code /dev/serial/by-id} (stable names for USB serial adapters).
     *
     * @return true when the directory exists
     */
    public boolean serialById() {
        return serialById;
    }

    /**
     * What detection left out and why (VM-reserved GPUs, BMC adapters, unreadable files).
     *
     * @return an unmodifiable list
     */
    public List<Skipped> skipped() {
        return skipped;
    }

    /**
     * The host's group ids from {@code /etc/group}.
     *
     * @return the groups
     */
    public HostGroups hostGroups() {
        return hostGroups;
    }

    @Override
    public String toString() {
        return "Detection[gpus=" + gpus + ", shared=" + sharedNodes + ", extras=" + extraNodes + ", skipped="
                + skipped + "]";
    }
}
