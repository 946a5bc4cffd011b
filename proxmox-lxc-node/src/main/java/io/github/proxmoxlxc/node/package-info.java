/**
 * SSH to a Proxmox VE node: {@link io.github.proxmoxlxc.node.NodeConnection} (host key pinned or
 * checked against known_hosts, key file, agent or password, one connection reused, deadlines),
 * {@link io.github.proxmoxlxc.node.Shell} (the one quoting function for every shell argument),
 * {@link io.github.proxmoxlxc.node.Pct}, and {@link io.github.proxmoxlxc.node.SshNodePatchApplier}
 * for the provisioner.
 *
 * <p>Null-marked (JSpecify {@code @NullMarked}): no parameter, return value or element is null
 * unless its type says {@code @Nullable}; absent values are {@code Optional}, {@code OptionalInt}
 * or empty collections.
 */
@NullMarked
package io.github.proxmoxlxc.node;

import org.jspecify.annotations.NullMarked;
