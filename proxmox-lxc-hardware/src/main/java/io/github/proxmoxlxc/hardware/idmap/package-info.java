/**
 * User-namespace id maps ({@code lxc.idmap}) that punch host ids through into a container, and
 * the {@code /etc/subuid} / {@code /etc/subgid} delegations they need; entry point
 * {@link io.github.proxmoxlxc.hardware.idmap.IdMap}.
 */
package io.github.proxmoxlxc.hardware.idmap;
