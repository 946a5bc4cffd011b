package io.github.proxmoxlxc.core.internal.client;

import static io.github.proxmoxlxc.core.internal.client.Json.bool;
import static io.github.proxmoxlxc.core.internal.client.Json.dbl;
import static io.github.proxmoxlxc.core.internal.client.Json.intOrNull;
import static io.github.proxmoxlxc.core.internal.client.Json.intv;
import static io.github.proxmoxlxc.core.internal.client.Json.lng;
import static io.github.proxmoxlxc.core.internal.client.Json.str;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.proxmoxlxc.core.client.Appliance;
import io.github.proxmoxlxc.core.client.ClusterResource;
import io.github.proxmoxlxc.core.client.ContainerConfig;
import io.github.proxmoxlxc.core.client.ContainerInterface;
import io.github.proxmoxlxc.core.client.ContainerStatus;
import io.github.proxmoxlxc.core.client.ContainerSummary;
import io.github.proxmoxlxc.core.client.NodeInfo;
import io.github.proxmoxlxc.core.client.NodeStatus;
import io.github.proxmoxlxc.core.client.Permissions;
import io.github.proxmoxlxc.core.client.PveVersion;
import io.github.proxmoxlxc.core.client.StorageInfo;
import io.github.proxmoxlxc.core.client.StorageVolume;
import io.github.proxmoxlxc.core.client.TaskLogLine;
import io.github.proxmoxlxc.core.client.TaskStatus;
import io.github.proxmoxlxc.core.client.UnexpectedResponseException;
import io.github.proxmoxlxc.core.client.Upid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Maps response trees to the public result records, tolerating Perl typing and unknown fields. */
public final class Decoders {
    private Decoders() {
    }

    /**
     * Maps each element of an array; a missing or null {@code data} gives an empty list.
     *
     * @throws UnexpectedResponseException when {@code data} is present but not an array, or an
     *     element is not an object
     */
    public static <T> List<T> list(JsonNode data, Function<JsonNode, T> f) {
        List<T> out = new ArrayList<>();
        if (data == null || data.isNull() || data.isMissingNode()) {
            return List.of();
        }
        if (!data.isArray()) {
            throw new UnexpectedResponseException("response 'data' is " + Json.kind(data)
                    + " where a list was expected; the server or a proxy in between is not answering as Proxmox VE does");
        }
        for (JsonNode n : data) {
            if (!n.isObject()) {
                throw new UnexpectedResponseException("response 'data' holds " + Json.kind(n)
                        + " where a list of objects was expected");
            }
            out.add(f.apply(n));
        }
        return List.copyOf(out);
    }

    public static PveVersion version(JsonNode n) {
        return new PveVersion(str(n, "version"), str(n, "release"), str(n, "repoid"));
    }

    public static NodeInfo node(JsonNode n) {
        return new NodeInfo(str(n, "node"), str(n, "status"), dbl(n, "cpu"), intv(n, "maxcpu"), lng(n, "mem"),
                lng(n, "maxmem"), lng(n, "disk"), lng(n, "maxdisk"), lng(n, "uptime"), str(n, "ssl_fingerprint"));
    }

    public static NodeStatus nodeStatus(JsonNode n) {
        JsonNode mem = n.path("memory");
        JsonNode root = n.path("rootfs");
        List<String> load = new ArrayList<>();
        n.path("loadavg").forEach(x -> load.add(x.asText()));
        return new NodeStatus(dbl(n, "cpu"), intv(n.path("cpuinfo"), "cpus"), lng(mem, "total"), lng(mem, "used"),
                lng(mem, "free"), lng(root, "total"), lng(root, "used"), lng(n, "uptime"), load,
                str(n, "pveversion"), str(n, "kversion"));
    }

    public static ClusterResource resource(JsonNode n) {
        return new ClusterResource(str(n, "id"), str(n, "type"), str(n, "node"), intOrNull(n, "vmid"), str(n, "name"),
                str(n, "status"), str(n, "storage"), str(n, "lock"), bool(n, "template"), str(n, "pool"),
                str(n, "tags"), dbl(n, "cpu"), intv(n, "maxcpu"), lng(n, "mem"), lng(n, "maxmem"), lng(n, "disk"),
                lng(n, "maxdisk"), lng(n, "uptime"), str(n, "content"), str(n, "plugintype"), bool(n, "shared"));
    }

    public static StorageInfo storage(JsonNode n) {
        return new StorageInfo(str(n, "storage"), str(n, "type"), csv(str(n, "content")), bool(n, "active"),
                !n.has("enabled") || bool(n, "enabled"), bool(n, "shared"), lng(n, "total"), lng(n, "used"),
                lng(n, "avail"));
    }

    public static StorageVolume volume(JsonNode n) {
        return new StorageVolume(str(n, "volid"), str(n, "content"), str(n, "format"), lng(n, "size"),
                intOrNull(n, "vmid"), lng(n, "ctime"), str(n, "notes"));
    }

    public static Appliance appliance(JsonNode n) {
        return new Appliance(str(n, "template"), str(n, "type"), str(n, "os"), str(n, "version"), str(n, "section"),
                str(n, "package"), str(n, "headline"), str(n, "description"), str(n, "source"),
                str(n, "location"), str(n, "sha512sum"), str(n, "infopage"));
    }

    public static ContainerSummary container(JsonNode n) {
        return new ContainerSummary(intv(n, "vmid"), str(n, "name"), str(n, "status"), emptyToNull(str(n, "lock")),
                bool(n, "template"), str(n, "tags"), dbl(n, "cpus"), dbl(n, "cpu"), lng(n, "mem"), lng(n, "maxmem"),
                lng(n, "disk"), lng(n, "maxdisk"), lng(n, "uptime"));
    }

    public static ContainerStatus containerStatus(JsonNode n) {
        String ha = n.path("ha").isObject() && bool(n.path("ha"), "managed") ? str(n.path("ha"), "state") : null;
        return new ContainerStatus(intv(n, "vmid"), str(n, "name"), str(n, "status"), emptyToNull(str(n, "lock")),
                lng(n, "uptime"), dbl(n, "cpu"), dbl(n, "cpus"), lng(n, "mem"), lng(n, "maxmem"), lng(n, "disk"),
                lng(n, "maxdisk"), lng(n, "netin"), lng(n, "netout"), intOrNull(n, "pid"), ha);
    }

    public static ContainerConfig config(JsonNode n) {
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
        return new ContainerConfig(str(n, "digest"), values, lxc);
    }

    public static ContainerInterface iface(JsonNode n) {
        return new ContainerInterface(str(n, "name"), str(n, "hwaddr"), str(n, "inet"), str(n, "inet6"));
    }

    public static TaskStatus taskStatus(Upid upid, JsonNode n) {
        boolean running = "running".equals(str(n, "status"));
        return new TaskStatus(upid, running, running ? null : str(n, "exitstatus"));
    }

    public static TaskLogLine logLine(JsonNode n) {
        return new TaskLogLine(intv(n, "n"), str(n, "t") == null ? "" : str(n, "t"));
    }

    public static Permissions permissions(JsonNode n) {
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
