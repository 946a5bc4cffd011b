package io.github.proxmoxlxc.testkit.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /cluster/ha/resources} and {@code /cluster/ha/status/current} after pve-ha-manager's
 * {@code API2/HA/Resources.pm}, {@code Status.pm} and {@code HA/Config.pm parse_sid}: synchronous
 * (no task), {@code null} on success, Proxmox's texts. The simulator has no CRM: a resource's
 * verbose state is its requested state and it stays on its container's node.
 */
public final class HaOps {
    private static final List<String> KEYS = List.of("state", "group", "max_restart", "max_relocate", "failback",
            "comment");
    private final PveModel m;

    HaOps(PveModel model) {
        this.m = model;
    }

    private String parseSid(String sid) {
        if (sid == null) {
            throw PveError.params(Map.of("sid", "property is missing and it is not optional"));
        }
        if (sid.matches("\\d+")) {
            int vmid = Integer.parseInt(sid);
            if (!m.containers.containsKey(vmid)) {
                throw PveError.die("unable to detect SID from VMID - VM/CT " + sid + " does not exist");
            }
            return "ct:" + vmid;
        }
        if (!sid.matches("\\S+:\\S+")) {
            throw PveError.die("unable to parse service id '" + sid + "'");
        }
        return sid;
    }

    /** {@code GET /cluster/ha/resources}. */
    public List<Map<String, Object>> list(String type) {
        synchronized (m) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String sid : m.haResources.keySet()) {
                Map<String, Object> r = copy(sid);
                if (type == null || type.equals(r.get("type"))) {
                    out.add(r);
                }
            }
            return out;
        }
    }

    /** {@code GET /cluster/ha/resources/{sid}}. */
    public Map<String, Object> get(String sid) {
        synchronized (m) {
            String s = parseSid(sid);
            if (!m.haResources.containsKey(s)) {
                throw PveError.die("no such resource '" + s + "'");
            }
            return copy(s);
        }
    }

    private Map<String, Object> copy(String sid) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("sid", sid);
        r.put("type", sid.substring(0, sid.indexOf(':')));
        r.put("digest", digest());
        for (Map.Entry<String, String> e : m.haResources.get(sid).entrySet()) {
            r.put(e.getKey(), e.getKey().startsWith("max_") || e.getKey().equals("failback")
                    ? (Object) Integer.parseInt(e.getValue()) : e.getValue());
        }
        return r;
    }

    private String digest() {
        return String.format("%040x", new java.math.BigInteger(1, Integer.toString(m.haResources.toString()
                .hashCode()).getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 40);
    }

    /** {@code POST /cluster/ha/resources}. */
    public Object create(Map<String, String> p) {
        synchronized (m) {
            String sid = parseSid(p.get("sid"));
            String type = sid.substring(0, sid.indexOf(':'));
            if (p.containsKey("type") && !p.get("type").equals(type)) {
                throw PveError.die("types does not match");
            }
            if (!type.equals("ct") && !type.equals("vm")) {
                throw PveError.die("unknown resource type '" + type + "'");
            }
            String name = sid.substring(sid.indexOf(':') + 1);
            if (!name.matches("[1-9][0-9]+")) {
                throw PveError.die("invalid VMID");
            }
            int vmid = Integer.parseInt(name);
            if (type.equals("ct") && !m.containers.containsKey(vmid)) {
                throw PveError.die("resource 'ct:" + vmid + "' does not exist in cluster");
            }
            if (m.haResources.containsKey(sid)) {
                throw PveError.die("create resource failed: resource ID '" + sid + "' already defined");
            }
            Map<String, String> opts = new LinkedHashMap<>();
            for (String k : KEYS) {
                if (p.containsKey(k)) {
                    opts.put(k, p.get(k));
                }
            }
            m.haResources.put(sid, opts);
            return null;
        }
    }

    /** {@code PUT /cluster/ha/resources/{sid}}. */
    public Object update(String sidParam, Map<String, String> p) {
        synchronized (m) {
            String sid = parseSid(sidParam);
            Map<String, String> opts = m.haResources.get(sid);
            if (opts == null) {
                throw PveError.die("update resource failed: no such resource '" + sid + "'");
            }
            if (p.containsKey("digest") && !p.get("digest").equals(digest())) {
                throw PveError.die("update resource failed: detected modified configuration - file changed by "
                        + "other user? Try again.");
            }
            for (String k : KEYS) {
                if (p.containsKey(k)) {
                    opts.put(k, p.get(k));
                }
            }
            if (p.containsKey("delete")) {
                for (String k : p.get("delete").split("[,;\\s]+")) {
                    opts.remove(k);
                }
            }
            return null;
        }
    }

    /** {@code DELETE /cluster/ha/resources/{sid}}. */
    public Object delete(String sidParam) {
        synchronized (m) {
            String sid = parseSid(sidParam);
            if (m.haResources.remove(sid) == null) {
                throw PveError.die("cannot delete service '" + sid + "', not HA managed!");
            }
            return null;
        }
    }

    /** {@code GET /cluster/ha/status/current}. */
    public List<Map<String, Object>> status() {
        synchronized (m) {
            m.advance();
            List<Map<String, Object>> out = new ArrayList<>();
            List<String> nodes = new ArrayList<>(m.inv.nodes.keySet());
            String master = nodes.get(0);
            long now = m.epoch();
            String time = java.time.format.DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", java.util.Locale.ROOT)
                    .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.ofEpochSecond(now));
            boolean active = !m.haResources.isEmpty();
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("id", "quorum");
            q.put("type", "quorum");
            q.put("node", master);
            q.put("status", "OK");
            q.put("quorate", 1);
            out.add(q);
            Map<String, Object> ms = new LinkedHashMap<>();
            ms.put("id", "master");
            ms.put("type", "master");
            ms.put("node", master);
            ms.put("status", master + " (" + (active ? "active" : "idle") + ", " + time + ")");
            ms.put("timestamp", now);
            out.add(ms);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("id", "fencing");
            f.put("type", "fencing");
            f.put("node", master);
            f.put("status", active ? "armed (CRM watchdog active)" : "standby (CRM watchdog standby)");
            f.put("armed-state", active ? "armed" : "standby");
            out.add(f);
            for (String n : nodes) {
                long count = m.haResources.keySet().stream().filter(s -> nodeOf(s).equals(n)).count();
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("id", "lrm:" + n);
                l.put("type", "lrm");
                l.put("node", n);
                l.put("status", n + " (" + (count > 0 ? "active, watchdog active" : "idle, watchdog standby") + ", "
                        + time + ")");
                l.put("timestamp", now);
                out.add(l);
            }
            for (Map.Entry<String, Map<String, String>> e : m.haResources.entrySet()) {
                String sid = e.getKey();
                String req = e.getValue().getOrDefault("state", "started");
                String verbose = switch (req) {
                    case "enabled" -> "started";
                    default -> req;
                };
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("id", "service:" + sid);
                s.put("type", "service");
                s.put("sid", sid);
                s.put("node", nodeOf(sid));
                s.put("crm_state", verbose.equals("disabled") ? "stopped" : verbose);
                s.put("state", verbose);
                s.put("status", sid + " (" + nodeOf(sid) + ", " + verbose + ")");
                s.put("request_state", req);
                for (String k : List.of("group", "max_restart", "max_relocate", "failback", "comment")) {
                    if (e.getValue().containsKey(k)) {
                        s.put(k, k.startsWith("max_") || k.equals("failback")
                                ? (Object) Integer.parseInt(e.getValue().get(k)) : e.getValue().get(k));
                    }
                }
                out.add(s);
            }
            return out;
        }
    }

    private String nodeOf(String sid) {
        String name = sid.substring(sid.indexOf(':') + 1);
        Container c = name.matches("\\d+") ? m.containers.get(Integer.parseInt(name)) : null;
        return c == null ? "---" : c.node;
    }
}
