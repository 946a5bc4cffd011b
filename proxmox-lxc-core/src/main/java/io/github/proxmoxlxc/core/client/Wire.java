package io.github.proxmoxlxc.core.client;

import static io.github.proxmoxlxc.core.internal.client.Json.bool;
import static io.github.proxmoxlxc.core.internal.client.Json.dbl;
import static io.github.proxmoxlxc.core.internal.client.Json.intOrNull;
import static io.github.proxmoxlxc.core.internal.client.Json.intv;
import static io.github.proxmoxlxc.core.internal.client.Json.lng;
import static io.github.proxmoxlxc.core.internal.client.Json.str;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds this package's response classes (whose constructors are package-private) from response
 * trees, tolerating Perl typing and ignoring fields Proxmox adds. Package-private: no Jackson type
 * reaches a public signature.
 */
final class Wire {
    /** Proxmox's list separators ({@code PVE::Tools::split_list}): {@code ;}, {@code ,} and white space. */
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[;,\\s]+");

    private Wire() {
    }

    static NodeInfo node(JsonNode n) {
        return new NodeInfo(text(n, "node"), text(n, "status"), dbl(n, "cpu"), intv(n, "maxcpu"), lng(n, "mem"),
                lng(n, "maxmem"), lng(n, "disk"), lng(n, "maxdisk"), seconds(n, "uptime"),
                opt(n, "ssl_fingerprint"));
    }

    static NodeStatus nodeStatus(JsonNode n) {
        JsonNode mem = n.path("memory");
        JsonNode root = n.path("rootfs");
        List<String> load = new ArrayList<>();
        n.path("loadavg").forEach(x -> load.add(x.asText()));
        return new NodeStatus(dbl(n, "cpu"), intv(n.path("cpuinfo"), "cpus"), lng(mem, "total"), lng(mem, "used"),
                lng(mem, "free"), lng(root, "total"), lng(root, "used"), seconds(n, "uptime"), load,
                text(n, "pveversion"), text(n, "kversion"));
    }

    static ClusterResource resource(JsonNode n) {
        return new ClusterResource(text(n, "id"), text(n, "type"), opt(n, "node"), optInt(n, "vmid"), opt(n, "name"),
                opt(n, "status"), opt(n, "storage"), opt(n, "lock"), bool(n, "template"), opt(n, "pool"),
                tags(str(n, "tags")), dbl(n, "cpu"), intv(n, "maxcpu"), lng(n, "mem"), lng(n, "maxmem"),
                lng(n, "disk"), lng(n, "maxdisk"), seconds(n, "uptime"), csv(str(n, "content")),
                opt(n, "plugintype"), bool(n, "shared"));
    }

    static StorageInfo storage(JsonNode n) {
        return new StorageInfo(text(n, "storage"), text(n, "type"), csv(str(n, "content")), bool(n, "active"),
                !n.has("enabled") || bool(n, "enabled"), bool(n, "shared"), lng(n, "total"), lng(n, "used"),
                lng(n, "avail"));
    }

    static StorageVolume volume(JsonNode n) {
        return new StorageVolume(text(n, "volid"), text(n, "content"), text(n, "format"), lng(n, "size"),
                optInt(n, "vmid"), Instant.ofEpochSecond(lng(n, "ctime")), opt(n, "notes"));
    }

    static Appliance appliance(JsonNode n) {
        return new Appliance(text(n, "template"), text(n, "type"), text(n, "os"), text(n, "version"),
                text(n, "section"), text(n, "package"), text(n, "headline"), text(n, "description"),
                text(n, "source"), text(n, "location"), opt(n, "sha512sum"), opt(n, "infopage"));
    }

    static ContainerSummary container(JsonNode n) {
        return new ContainerSummary(intv(n, "vmid"), opt(n, "name"), text(n, "status"), opt(n, "lock"),
                bool(n, "template"), tags(str(n, "tags")), dbl(n, "cpus"), dbl(n, "cpu"), lng(n, "mem"),
                lng(n, "maxmem"), lng(n, "disk"), lng(n, "maxdisk"), seconds(n, "uptime"));
    }

    static ContainerStatus containerStatus(JsonNode n) {
        Optional<String> ha = n.path("ha").isObject() && bool(n.path("ha"), "managed")
                ? opt(n.path("ha"), "state") : Optional.empty();
        return new ContainerStatus(intv(n, "vmid"), opt(n, "name"), text(n, "status"), opt(n, "lock"),
                seconds(n, "uptime"), dbl(n, "cpu"), dbl(n, "cpus"), lng(n, "mem"), lng(n, "maxmem"), lng(n, "disk"),
                lng(n, "maxdisk"), lng(n, "netin"), lng(n, "netout"), optInt(n, "pid"), ha);
    }

    static ContainerInterface iface(JsonNode n) {
        return new ContainerInterface(text(n, "name"), opt(n, "hwaddr"), opt(n, "inet"), opt(n, "inet6"));
    }

    static PveVersion version(JsonNode n) {
        return new PveVersion(text(n, "version"), text(n, "release"), text(n, "repoid"));
    }

    static ContainerConfig config(JsonNode n) {
        Map<String, String> values = new LinkedHashMap<>();
        List<Map.Entry<String, String>> lxc = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            if (e.getKey().equals("digest")) {
                continue;
            }
            if (e.getKey().equals("lxc") && e.getValue().isArray()) {
                for (JsonNode pair : e.getValue()) {
                    if (pair.isArray() && pair.size() == 2) {
                        lxc.add(Map.entry(pair.get(0).asText(), pair.get(1).asText()));
                    }
                }
                continue;
            }
            if (!e.getValue().isNull()) {
                values.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
            }
        }
        return new ContainerConfig(text(n, "digest"), values, lxc);
    }

    static TaskStatus taskStatus(Upid upid, JsonNode n) {
        return new TaskStatus(upid, text(n, "status"), opt(n, "exitstatus"));
    }

    static TaskLogLine logLine(JsonNode n) {
        return new TaskLogLine(intv(n, "n"), text(n, "t"));
    }

    /** An entry of {@code GET /cluster/ha/resources}; the state is kept as sent ({@code enabled}, newer values). */
    static HaResource haResource(JsonNode n) {
        String sid = text(n, "sid");
        HaResource.Builder b = HaResource.builder(Integer.parseInt(sid.substring(sid.indexOf(':') + 1)));
        opt(n, "state").ifPresent(b::rawState);
        opt(n, "group").ifPresent(b::group);
        if (n.hasNonNull("max_restart")) {
            b.maxRestart(intv(n, "max_restart"));
        }
        if (n.hasNonNull("max_relocate")) {
            b.maxRelocate(intv(n, "max_relocate"));
        }
        if (n.hasNonNull("comment")) {
            b.comment(text(n, "comment"));
        }
        return b.build();
    }

    /** An entry of {@code GET /cluster/ha/status/current}. */
    static HaStatusEntry haStatus(JsonNode n) {
        return new HaStatusEntry(text(n, "id"), text(n, "type"), str(n, "node"), str(n, "status"), str(n, "sid"),
                str(n, "state"), str(n, "request_state"));
    }

    /** An entry of {@code GET .../snapshot}; {@code snapstate} is kept as sent. */
    static Snapshot snapshot(JsonNode n) {
        return new Snapshot(text(n, "name"), str(n, "description"), lng(n, "snaptime"), str(n, "parent"),
                str(n, "snapstate"), bool(n, "running"));
    }

    static Permissions permissions(JsonNode n) {
        Map<String, Set<String>> by = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            // The value is the "propagate" flag (schema: privilege => propagate boolean), not
            // whether the privilege is granted: a listed privilege is granted either way.
            Set<String> privs = new HashSet<>();
            for (Map.Entry<String, JsonNode> pe : e.getValue().properties()) {
                privs.add(pe.getKey());
            }
            by.put(e.getKey(), privs);
        }
        return new Permissions(by);
    }

    /** Splits a tag list as Proxmox does ({@code PVE::Tools::split_list}), dropping empty items. */
    static List<String> tags(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String t : LIST_SEPARATORS.split(s.trim())) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    /** A text field; empty when absent (for fields Proxmox always sends). */
    private static String text(JsonNode n, String field) {
        String s = str(n, field);
        return s == null ? "" : s;
    }

    /** A text field that Proxmox may omit; empty text counts as absent. */
    private static Optional<String> opt(JsonNode n, String field) {
        String s = str(n, field);
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static OptionalInt optInt(JsonNode n, String field) {
        Integer i = intOrNull(n, field);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    private static Duration seconds(JsonNode n, String field) {
        return Duration.ofSeconds(Math.max(0, lng(n, field)));
    }

    private static Set<String> csv(String s) {
        if (s == null || s.isBlank()) {
            return Set.of();
        }
        return Set.copyOf(Arrays.asList(s.trim().split("\\s*,\\s*")));
    }
}
