/**
 * The node-side output of passthrough planning ({@link io.github.proxmoxlxc.hardware.conf.NodePatch})
 * and a faithful editor for {@code /etc/pve/lxc/<vmid>.conf}
 * ({@link io.github.proxmoxlxc.hardware.conf.LxcConfigFile}).
 */
package io.github.proxmoxlxc.hardware.conf;
