/**
 * GPU and device passthrough for Proxmox VE containers: detection from a host's sysfs, {@code devN}
 * entries or raw {@code lxc.*} lines, id maps, and a faithful editor for
 * {@code /etc/pve/lxc/<vmid>.conf}.
 */
module io.github.proxmoxlxc.hardware {
    requires transitive io.github.proxmoxlxc.core;
    requires org.slf4j;
    requires static transitive org.jspecify;

    exports io.github.proxmoxlxc.hardware.gpu;
    exports io.github.proxmoxlxc.hardware.passthrough;
    exports io.github.proxmoxlxc.hardware.idmap;
    exports io.github.proxmoxlxc.hardware.conf;
}
