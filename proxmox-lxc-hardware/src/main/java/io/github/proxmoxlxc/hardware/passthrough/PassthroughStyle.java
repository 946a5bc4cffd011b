package io.github.proxmoxlxc.hardware.passthrough;

/** How devices reach the container. */
public enum PassthroughStyle {
    /**
     * {@code devN: /dev/...,gid=N} entries (pve-container 5.0.7+, PVE 8.1+): Proxmox creates the
     * node with the container's gid; no idmap and no {@code /etc/subgid} change needed. Only nodes
     * that exist on the host are emitted, since a missing one stops the container from starting.
     */
    DEVICE_ENTRIES,
    /**
     * Raw {@code lxc.cgroup2.devices.allow} and {@code lxc.mount.entry ... bind,optional} lines (any
     * PVE version), plus for unprivileged containers the {@code lxc.idmap} lines that map the host
     * groups owning the nodes and the {@code /etc/subgid} lines they need.
     */
    LEGACY_LINES
}
