/**
 * SSH to a Proxmox VE node: {@link io.github.proxmoxlxc.node.NodeConnection} (host key pinned or
 * checked against known_hosts, key file, agent or password, one connection reused, deadlines),
 * {@link io.github.proxmoxlxc.node.Shell} (the one quoting function for every shell argument),
 * {@link io.github.proxmoxlxc.node.RemoteCommand} (a command built only from quoted words), and {@link io.github.proxmoxlxc.node.SshNodePatchApplier}
 * for the provisioner.
 */
package io.github.proxmoxlxc.node;
