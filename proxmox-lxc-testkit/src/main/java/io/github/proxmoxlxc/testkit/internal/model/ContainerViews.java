package io.github.proxmoxlxc.testkit.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Container views of {@link PveModel}: the handlers of the {@code /nodes/{node}/lxc} endpoints that
 * only read (config, pending, status, list, interfaces) and the summaries other views share. The
 * changes are in {@link ContainerOps}.
 */
public final class ContainerViews {
    private final PveModel m;

    ContainerViews(PveModel model) {
        this.m = model;
    }

    /** {@code GET .../config}: the stored config with numeric keys typed, {@code digest} and raw {@code lxc}. */
    public Map<String, Object> config(String node, int vmid, java.util.function.Function<String, String> typeOf) {
        return config(node, vmid, false, typeOf);
    }

    /** {@code GET .../config}; pending values are taken in unless {@code current} ({@code load_current_config}). */
    public Map<String, Object> config(String node, int vmid, boolean current,
            java.util.function.Function<String, String> typeOf) {
        synchronized (m) {
            m.advance();
            Container c = m.container(node, vmid);
            Map<String, Object> out = new LinkedHashMap<>();
            (current ? c.config : PendingConfig.withPending(c)).forEach((k, v) -> out.put(k, typed(typeOf.apply(k), v)));
            out.put("digest", PveModel.digest(c));
            if (!c.rawLxc.isEmpty()) {
                List<List<String>> raw = new ArrayList<>();
                c.rawLxc.forEach(kv -> raw.add(List.of(kv[0], kv[1])));
                out.put("lxc", raw);
            }
            return out;
        }
    }

    static Object typed(String type, String v) {
        if (("integer".equals(type) || "boolean".equals(type)) && v.matches("-?\\d+")) {
            return Long.parseLong(v);
        }
        if ("number".equals(type) && v.matches("-?\\d+(\\.\\d+)?")) {
            return new java.math.BigDecimal(v);
        }
        return v;
    }

    /** {@code GET .../pending}: the config with pending values and deletions ({@code config_with_pending_array}). */
    public List<Map<String, Object>> pending(String node, int vmid) {
        synchronized (m) {
            m.advance();
            return PendingConfig.pendingArray(m.container(node, vmid));
        }
    }

    /** {@code GET .../status/current}. */
    public Map<String, Object> statusCurrent(String node, int vmid) {
        synchronized (m) {
            m.advance();
            return nodeEntry(m.container(node, vmid), true);
        }
    }

    Map<String, Object> summary(Container c, boolean full) {
        Map<String, Object> s = new LinkedHashMap<>();
        boolean running = c.status.equals("running");
        long maxmem = Long.parseLong(c.config.getOrDefault("memory", "512")) * 1024 * 1024;
        s.put("vmid", c.vmid);
        s.put("name", c.hostname());
        s.put("status", c.status);
        s.put("type", "lxc");
        s.put("cpus", cpus(c));
        s.put("maxmem", maxmem);
        s.put("maxswap", Long.parseLong(c.config.getOrDefault("swap", "0")) * 1024 * 1024);
        s.put("maxdisk", rootSize(c));
        s.put("mem", running ? maxmem / 8 : 0);
        s.put("disk", running ? rootSize(c) / 10 : 0);
        s.put("cpu", running ? 0.0042 : 0);
        s.put("uptime", running ? Math.max(1, m.epoch() - c.startedAt) : 0);
        s.put("netin", 0);
        s.put("netout", 0);
        s.put("diskread", 0);
        s.put("diskwrite", 0);
        if (c.config.containsKey("tags")) {
            s.put("tags", c.config.get("tags"));
        }
        if (c.lock() != null) {
            s.put("lock", c.lock());
        }
        if ("1".equals(c.config.get("template"))) {
            s.put("template", 1);
        }
        if (full) {
            s.put("ha", Map.of("managed", 0));
        }
        return s;
    }

    /** PVE::LXC::vmstatus: {@code cores || cpulimit || the node's CPU count}. */
    private Object cpus(Container c) {
        String cores = c.config.get("cores");
        if (cores != null && !cores.equals("0")) {
            return Long.parseLong(cores);
        }
        String limit = c.config.get("cpulimit");
        if (limit != null && new java.math.BigDecimal(limit).signum() != 0) {
            return typed("number", limit);
        }
        return (long) m.inv.nodes.get(c.node).cpus();
    }

    /**
     * An entry of the node's own container list ({@code GET /nodes/{node}/lxc}) or status
     * ({@code status/current}): PVE::LXC::vmstatus adds what only the node knows, the running
     * container's {@code pid}, its {@code swap} use and the cgroup pressure averages.
     */
    Map<String, Object> nodeEntry(Container c, boolean full) {
        Map<String, Object> s = summary(c, full);
        s.put("swap", 0);
        if (c.status.equals("running")) {
            Map<String, Object> out = new LinkedHashMap<>();
            // the init process of this start: stable while it runs, new after a restart
            out.put("pid", 10_000 + Math.floorMod(c.vmid * 7919L + c.startedAt, 3_000_000L));
            out.putAll(s);
            for (String res : List.of("cpu", "io", "memory")) {
                out.put("pressure" + res + "some", 0);
                out.put("pressure" + res + "full", 0);
            }
            return out;
        }
        return s;
    }

    static long rootSize(Container c) {
        java.util.regex.Matcher mm = java.util.regex.Pattern.compile("size=(\\d+)([GM])")
                .matcher(c.config.getOrDefault("rootfs", ""));
        if (!mm.find()) {
            return 0;
        }
        return Long.parseLong(mm.group(1)) * (mm.group(2).equals("G") ? PveModel.GIB : 1024 * 1024);
    }

    /** {@code GET /nodes/{node}/lxc}. */
    public List<Map<String, Object>> list(String node) {
        synchronized (m) {
            m.advance();
            m.requireNode(node);
            List<Map<String, Object>> out = new ArrayList<>();
            m.containers.values().stream().filter(c -> c.node.equals(node)).forEach(c -> out.add(nodeEntry(c, false)));
            return out;
        }
    }

    /** {@code GET .../interfaces}: null unless running (PVE::LXC::get_interfaces finds no pid). */
    public List<Map<String, Object>> interfaces(String node, int vmid) {
        synchronized (m) {
            m.advance();
            Container c = m.container(node, vmid);
            if (!c.status.equals("running")) {
                return null;
            }
            return Interfaces.of(c);
        }
    }
}
