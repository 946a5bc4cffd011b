/**
 * Applying a {@link io.github.proxmoxlxc.core.provision.NodePatch} on the node itself: a faithful
 * editor for {@code /etc/pve/lxc/<vmid>.conf} ({@link io.github.proxmoxlxc.hardware.conf.LxcConfigFile}),
 * the local-file {@link io.github.proxmoxlxc.hardware.conf.NodePatchWriter}, and its adapter to the
 * provisioner's {@link io.github.proxmoxlxc.core.provision.NodePatchApplier}
 * ({@link io.github.proxmoxlxc.hardware.conf.LocalNodePatchApplier}).
 *
 * <p>Null-marked (JSpecify {@code @NullMarked}): no parameter, return value or element is null
 * unless its type says {@code @Nullable}; absent values are {@code Optional}, {@code OptionalInt}
 * or empty collections.
 */
@NullMarked
package io.github.proxmoxlxc.hardware.conf;

import org.jspecify.annotations.NullMarked;
