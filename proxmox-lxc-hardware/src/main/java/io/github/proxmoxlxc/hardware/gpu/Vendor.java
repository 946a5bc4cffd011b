package io.github.proxmoxlxc.hardware.gpu;

/** The GPU vendor families the planner treats differently, keyed by PCI vendor id. */
public enum Vendor {
    /** Intel Corporation, PCI vendor {@code 0x8086} (i915, xe). */
    INTEL,
    /** AMD/ATI, PCI vendor {@code 0x1002} (amdgpu, radeon). */
    AMD,
    /** NVIDIA Corporation, PCI vendor {@code 0x10de} (nvidia, nouveau). */
    NVIDIA,
    /** Any other vendor, including virtual adapters when they are allowed. */
    OTHER;

    /**
     * Maps a PCI vendor id to a family.
     *
     * @param pciVendorId the 16-bit vendor id, e.g. {@code 0x8086}
     * @return the family, {@link #OTHER} when not one of the three GPU vendors
     */
    public static Vendor of(int pciVendorId) {
        switch (pciVendorId) {
            case 0x8086:
                return INTEL;
            case 0x1002:
                return AMD;
            case 0x10de:
                return NVIDIA;
            default:
                return OTHER;
        }
    }
}
