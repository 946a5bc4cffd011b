package io.github.proxmoxlxc.hardware.gpu;

/** What a device node is for; decides its group and mode in the container. */
public enum NodeKind {
    /** DRM primary node {@code /dev/dri/cardN} (group video). */
    DRM_CARD,
    /** DRM render node {@code /dev/dri/renderDN} (group render). */
    DRM_RENDER,
    /** Per-GPU NVIDIA node {@code /dev/nvidiaN}. */
    NVIDIA_GPU,
    /** Shared NVIDIA control nodes {@code /dev/nvidiactl} and {@code /dev/nvidia-modeset}. */
    NVIDIA_CONTROL,
    /** NVIDIA unified memory nodes {@code /dev/nvidia-uvm} and {@code /dev/nvidia-uvm-tools}. */
    NVIDIA_UVM,
    /** NVIDIA capability nodes {@code /dev/nvidia-caps/nvidia-capN} (MIG). */
    NVIDIA_CAP,
    /** AMD ROCm compute node {@code /dev/kfd} (group render). */
    KFD,
    /** USB serial adapters {@code /dev/ttyUSBN} and {@code /dev/ttyACMN} (group dialout). */
    SERIAL,
    /** The TUN/TAP clone device {@code /dev/net/tun}. */
    TUN,
    /** Google Coral PCIe/M.2 Edge TPU {@code /dev/apex_N}. */
    CORAL
}
