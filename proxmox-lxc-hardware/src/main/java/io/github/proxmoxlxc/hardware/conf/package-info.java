/**
 * Applying a {@link io.github.proxmoxlxc.core.provision.NodePatch} on the node itself: a faithful
 * editor for {@code /etc/pve/lxc/<vmid>.conf} ({@link io.github.proxmoxlxc.hardware.conf.LxcConfigFile}),
 * the local-file {@link io.github.proxmoxlxc.hardware.conf.NodePatchWriter}, and its adapter to the
 * provisioner's {@link io.github.proxmoxlxc.core.provision.NodePatchApplier}
 * ({@link io.github.proxmoxlxc.hardware.conf.LocalNodePatchApplier}).
 */
package io.github.proxmoxlxc.hardware.conf;
