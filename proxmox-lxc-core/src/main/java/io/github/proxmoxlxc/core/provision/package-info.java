/**
 * Provisioning: {@link io.github.proxmoxlxc.core.provision.Provisioner} turns a
 * {@link io.github.proxmoxlxc.core.spec.ContainerSpec} into a running container (plan, preflight,
 * placement, template, VMID, create, node patch, start, address, rollback), alone, idempotently
 * ({@code ensure}) or in bulk. Progress is reported as
 * {@link io.github.proxmoxlxc.core.provision.ProvisionEvent}s; node-side changes travel as a
 * {@link io.github.proxmoxlxc.core.provision.NodePatch} to a
 * {@link io.github.proxmoxlxc.core.provision.NodePatchApplier}.
 *
 * <p>Null-marked (JSpecify {@code @NullMarked}): no parameter, return value or element is null
 * unless its type says {@code @Nullable}; absent values are {@code Optional}, {@code OptionalInt}
 * or empty collections.
 */
@NullMarked
package io.github.proxmoxlxc.core.provision;

import org.jspecify.annotations.NullMarked;
