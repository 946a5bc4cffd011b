package io.github.proxmoxlxc.hardware.passthrough;

import io.github.proxmoxlxc.hardware.gpu.Gpu;
import io.github.proxmoxlxc.hardware.gpu.Vendor;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Which detected GPUs to pass through: all, none, one vendor's, or specific PCI addresses. */
public final class GpuSelection {
    private final Set<Vendor> vendors;
    private final List<String> addresses;
    private final boolean all;

    private GpuSelection(boolean all, Set<Vendor> vendors, List<String> addresses) {
        this.all = all;
        this.vendors = Set.copyOf(vendors);
        this.addresses = List.copyOf(addresses);
    }

    /**
     * Every usable GPU.
     *
     * @return the selection
     */
    public static GpuSelection all() {
        return new GpuSelection(true, Set.of(), List.of());
    }

    /**
     * No GPU (only the opt-in extras, if any).
     *
     * @return the selection
     */
    public static GpuSelection none() {
        return new GpuSelection(false, Set.of(), List.of());
    }

    /**
     * Every GPU of one vendor, as {@code build.func} chooses.
     *
     * @param vendor the vendor family
     * @return the selection
     */
    public static GpuSelection vendor(Vendor vendor) {
        return new GpuSelection(false, Set.of(Objects.requireNonNull(vendor, "vendor")), List.of());
    }

    /**
     * The GPUs at these PCI addresses; planning fails when one of them was not detected as usable.
     *
     * @param addresses addresses such as {@code 0000:01:00.0} (domain included, lower-case hex, as in
     *     sysfs; {@code lspci -D} prints this form)
     * @return the selection
     * @throws IllegalArgumentException naming an address that is not in that form
     */
    public static GpuSelection pciAddresses(String... addresses) {
        for (String a : addresses) {
            Objects.requireNonNull(a, "address");
            if (!a.matches("[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]")) {
                throw new IllegalArgumentException("PCI address '" + a + "' must look like 0000:01:00.0 (domain:bus:"
                        + "device.function, lower-case hex, as lspci -D prints it)");
            }
        }
        return new GpuSelection(false, Set.of(), List.of(addresses));
    }

    /**
     * Whether a GPU is selected.
     *
     * @param gpu the GPU
     * @return true when selected
     */
    public boolean matches(Gpu gpu) {
        return all || vendors.contains(gpu.vendor()) || addresses.contains(gpu.pciAddress());
    }

    /**
     * The addresses asked for explicitly.
     *
     * @return an unmodifiable list, empty unless built with {@link #pciAddresses}
     */
    public List<String> addresses() {
        return addresses;
    }

    @Override
    public String toString() {
        return all ? "all" : !vendors.isEmpty() ? "vendor " + vendors : addresses.isEmpty() ? "none"
                : "pci " + addresses;
    }
}
