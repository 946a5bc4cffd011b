/**
 * GPU and device-node detection from a host root ({@code /sys}, {@code /proc}, {@code /dev},
 * {@code /etc/group}); entry point {@link io.github.proxmoxlxc.hardware.gpu.GpuDetector}.
 *
 * <p>Null-marked (JSpecify {@code @NullMarked}): no parameter, return value or element is null
 * unless its type says {@code @Nullable}; absent values are {@code Optional}, {@code OptionalInt}
 * or empty collections.
 */
@NullMarked
package io.github.proxmoxlxc.hardware.gpu;

import org.jspecify.annotations.NullMarked;
