package io.github.proxmoxlxc.core.internal.client;

import static io.github.proxmoxlxc.core.internal.client.Json.bool;
import static io.github.proxmoxlxc.core.internal.client.Json.dbl;
import static io.github.proxmoxlxc.core.internal.client.Json.intOrNull;
import static io.github.proxmoxlxc.core.internal.client.Json.intv;
import static io.github.proxmoxlxc.core.internal.client.Json.lng;
import static io.github.proxmoxlxc.core.internal.client.Json.str;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.proxmoxlxc.core.client.ContainerConfig;
import io.github.proxmoxlxc.core.client.Permissions;
import io.github.proxmoxlxc.core.client.PveVersion;
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

/**
 * Maps response trees to the public results built outside the client package (version, config, task
 * status and log, permissions), tolerating Perl typing and unknown fields; the client package's own
 * results are built by its package-private {@code Wire}.
 */
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
}
