package io.github.proxmoxlxc.testkit.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /cluster/resources} as pve-manager's {@code API2/Cluster.pm resources} filters it:
 * pools with {@code Pool.Audit} (type {@code pool}, id {@code /pool/<name>}), guests with
 * {@code VM.Audit} (their {@code pool} only with {@code Pool.Audit} on it), guest stats as
 * {@code API2Tools::extract_vm_stats} has them ({@code maxcpu}, no {@code cpus} or {@code maxswap}),
 * every node but its stats only with {@code Sys.Audit}, storages with {@code Datastore.Audit}.
 * The stats are current, not the ~10 s old RRD data a node serves.
 */
public final class ResourceView {

    private static final List<String> NODE_STATS = List.of("cpu", "maxcpu", "mem", "maxmem", "disk", "maxdisk",
            "uptime");

    private ResourceView() {
    }

    /** The resources the user may see, optionally of one type. */
    public static List<Map<String, Object>> resources(PveModel m, String type, String user) {
        Acl acl = m.acl();
        List<Map<String, Object>> out = new ArrayList<>();
        if (type == null || type.equals("pool")) {
            for (Map<String, Object> p : m.pools().index(Acl.ROOT, null, null)) {
                String pool = String.valueOf(p.get("poolid"));
                if (acl.has(user, "/pool/" + pool, "Pool.Audit")) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("id", "/pool/" + pool);
                    e.put("pool", pool);
                    e.put("type", "pool");
                    out.add(e);
                }
            }
        }
        for (Map<String, Object> r : m.views().resources(type)) {
            Map<String, Object> e = new LinkedHashMap<>(r);
            switch (String.valueOf(e.get("type"))) {
                case "lxc":
                case "qemu":
                    if (!acl.has(user, "/vms/" + e.get("vmid"), "VM.Audit")) {
                        continue;
                    }
                    Object cpus = e.remove("cpus");
                    if (cpus != null && !e.containsKey("maxcpu")) {
                        e.put("maxcpu", cpus);
                    }
                    e.remove("maxswap");
                    Object pool = e.get("pool");
                    if (pool != null && !acl.has(user, "/pool/" + pool, "Pool.Audit")) {
                        e.remove("pool");
                    }
                    break;
                case "node":
                    if (!acl.has(user, "/nodes/" + e.get("node"), "Sys.Audit")) {
                        NODE_STATS.forEach(e::remove);
                    }
                    break;
                case "storage":
                    if (!acl.has(user, "/storage/" + e.get("storage"), "Datastore.Audit")) {
                        continue;
                    }
                    break;
                default:
                    break;
            }
            out.add(e);
        }
        return out;
    }
}
