package io.github.proxmoxlxc.core.client;

/**
 * A network interface inside a running container ({@code GET /nodes/{node}/lxc/{vmid}/interfaces}).
 *
 * @param name the interface name, e.g. {@code eth0}
 * @param hwaddr the MAC address, or null
 * @param inet the IPv4 address with prefix, e.g. {@code 192.168.1.20/24}, or null
 * @param inet6 the IPv6 address with prefix, or null
 */
public record ContainerInterface(String name, String hwaddr, String inet, String inet6) {
}
