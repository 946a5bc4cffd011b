/**
 * GPU and device-node detection from a host root ({@code /sys}, {@code /proc}, {@code /dev},
 * {@code /etc/group}); entry point {@link io.github.proxmoxlxc.hardware.gpu.GpuDetector}.
 */
package io.github.proxmoxlxc.hardware.gpu;
