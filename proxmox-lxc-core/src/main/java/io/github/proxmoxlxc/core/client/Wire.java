package io.github.proxmoxlxc.core.client;

import static io.github.proxmoxlxc.core.internal.client.Json.bool;
import static io.github.proxmoxlxc.core.internal.client.Json.dbl;
import static io.github.proxmoxlxc.core.internal.client.Json.intOrNull;
import static io.github.proxmoxlxc.core.internal.client.Json.intv;
import static io.github.proxmoxlxc.core.internal.client.Json.lng;
import static io.github.proxmoxlxc.core.internal.client.Json.str;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Builds this package's response classes (whose constructors are package-private) from response
 * trees, tolerating Perl typing and ignoring fields Proxmox adds. Package-private: no Jackson type
 * reaches a public signature.
 */
final class Wire {
    private Wire() {
    }

    static NodeInfo node(JsonNode n) {
        return new NodeInfo(str(n, "node"), str(n, "status"), dbl(n, "cpu"), intv(n, "maxcpu"), lng(n, "mem"),
                lng(n, "maxmem"), lng(n, "disk"), lng(n, "maxdisk"), lng(n, "uptime"), str(n, "ssl_fingerprint"));
    }

    static NodeStatus nodeStatus(JsonNode n) {
        JsonNode mem = n.path("memory");
        JsonNode root = n.path("rootfs");
        List<String> load = new ArrayList<>();
        n.path("loadavg").forEach(x -> load.add(x.asText()));
        return new NodeStatus(dbl(n, "cpu"), intv(n.path("cpuinfo"), "cpus"), lng(mem, "total"), lng(mem, "used"),
                lng(mem, "free"), lng(root, "total"), lng(root, "used"), lng(n, "uptime"), load,
                str(n, "pveversion"), str(n, "kversion"));
    }

    static ClusterResource resource(JsonNode n) {
        return new ClusterResource(str(n, "id"), str(n, "type"), str(n, "node"), intOrNull(n, "vmid"), str(n, "name"),
                str(n, "status"), str(n, "storage"), str(n, "lock"), bool(n, "template"), str(n, "pool"),
                str(n, "tags"), dbl(n, "cpu"), intv(n, "maxcpu"), lng(n, "mem"), lng(n, "maxmem"), lng(n, "disk"),
                lng(n, "maxdisk"), lng(n, "uptime"), str(n, "content"), str(n, "plugintype"), bool(n, "shared"));
    }

    static StorageInfo storage(JsonNode n) {
        return new StorageInfo(str(n, "storage"), str(n, "type"), csv(str(n, "content")), bool(n, "active"),
                !n.has("enabled") || bool(n, "enabled"), bool(n, "shared"), lng(n, "total"), lng(n, "used"),
                lng(n, "avail"));
    }

    static StorageVolume volume(JsonNode n) {
        return new StorageVolume(str(n, "volid"), str(n, "content"), str(n, "format"), lng(n, "size"),
                intOrNull(n, "vmid"), lng(n, "ctime"), str(n, "notes"));
    }

    static Appliance appliance(JsonNode n) {
        return new Appliance(str(n, "template"), str(n, "type"), str(n, "os"), str(n, "version"), str(n, "section"),
                str(n, "package"), str(n, "headline"), str(n, "description"), str(n, "source"),
                str(n, "location"), str(n, "sha512sum"), str(n, "infopage"));
    }

    static ContainerSummary container(JsonNode n) {
        return new ContainerSummary(intv(n, "vmid"), str(n, "name"), str(n, "status"), emptyToNull(str(n, "lock")),
                bool(n, "template"), str(n, "tags"), dbl(n, "cpus"), dbl(n, "cpu"), lng(n, "mem"), lng(n, "maxmem"),
                lng(n, "disk"), lng(n, "maxdisk"), lng(n, "uptime"));
    }

    static ContainerStatus containerStatus(JsonNode n) {
        String ha = n.path("ha").isObject() && bool(n.path("ha"), "managed") ? str(n.path("ha"), "state") : null;
        return new ContainerStatus(intv(n, "vmid"), str(n, "name"), str(n, "status"), emptyToNull(str(n, "lock")),
                lng(n, "uptime"), dbl(n, "cpu"), dbl(n, "cpus"), lng(n, "mem"), lng(n, "maxmem"), lng(n, "disk"),
                lng(n, "maxdisk"), lng(n, "netin"), lng(n, "netout"), intOrNull(n, "pid"), ha);
    }

    static ContainerInterface iface(JsonNode n) {
        return new ContainerInterface(str(n, "name"), str(n, "hwaddr"), str(n, "inet"), str(n, "inet6"));
    }

    private static Set<String> csv(String s) {
        if (s == null || s.isBlank()) {
            return Set.of();
        }
        return Set.copyOf(Arrays.asList(s.trim().split("\\s*,\\s*")));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
