package io.github.proxmoxlxc.testkit.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Resource pools as user.cfg holds them, with the handlers of pve-manager's {@code PVE/API2/Pool.pm}
 * ({@code /pools}): list, read, create, update (members), delete. The container-side hooks are
 * {@code PVE::AccessControl::add_vm_to_pool} (end of a create task) and {@code remove_vm_access}
 * (destroy). Guarded by the model lock.
 */
public final class Pools {

    /** One pool: comment, guest members, storage members. */
    static final class Pool {
        String comment;
        final TreeSet<Integer> vms = new TreeSet<>();
        final TreeSet<String> storage = new TreeSet<>();
    }

    private final PveModel m;
    private final Map<String, Pool> pools = new TreeMap<>();
    /** user.cfg's vms section: vmid to pool. */
    private final Map<Integer, String> vmPool = new TreeMap<>();

    Pools(PveModel model) {
        this.m = model;
    }

    /** Whether the pool exists. */
    public boolean exists(String poolid) {
        synchronized (m) {
            return pools.containsKey(poolid);
        }
    }

    /** The pool a guest belongs to. */
    public Optional<String> poolOf(int vmid) {
        synchronized (m) {
            return Optional.ofNullable(vmPool.get(vmid));
        }
    }

    /** The pools an ACL path belongs to ({@code /vms/<vmid>} or {@code /storage/<sid>}), for pool-derived roles. */
    List<String> poolsOfPath(String path) {
        synchronized (m) {
            if (path.startsWith("/vms/")) {
                try {
                    String p = vmPool.get(Integer.parseInt(path.substring(5)));
                    return p == null ? List.of() : List.of(p);
                } catch (NumberFormatException e) {
                    return List.of();
                }
            }
            if (path.startsWith("/storage/")) {
                String sid = path.substring(9);
                return pools.entrySet().stream().filter(e -> e.getValue().storage.contains(sid)).map(Map.Entry::getKey)
                        .toList();
            }
            return List.of();
        }
    }

    /** The paths of every pool member ({@code /vms/<vmid>}, {@code /storage/<sid>}), for {@code /access/permissions}. */
    public List<String> memberPaths() {
        synchronized (m) {
            List<String> out = new ArrayList<>();
            pools.values().forEach(p -> {
                p.vms.forEach(v -> out.add("/vms/" + v));
                p.storage.forEach(s -> out.add("/storage/" + s));
            });
            return out;
        }
    }

    /** Defines a pool (setup; same rules as {@code POST /pools}). */
    public void define(String poolid, String comment, List<Integer> vms, List<String> storages) {
        synchronized (m) {
            create(Acl.ROOT, poolid, comment);
            Pool p = pools.get(poolid);
            for (Integer vmid : vms) {
                String old = vmPool.put(vmid, poolid);
                if (old != null) {
                    throw new IllegalArgumentException("VM " + vmid + " belongs already to pool '" + old + "'");
                }
                p.vms.add(vmid);
            }
            p.storage.addAll(storages);
        }
    }

    /** {@code GET /pools} (optionally one pool with members). */
    public List<Map<String, Object>> index(String user, String poolid, String type) {
        synchronized (m) {
            m.advance();
            List<Map<String, Object>> res = new ArrayList<>();
            if (poolid != null) {
                Pool p = pools.get(poolid);
                if (p == null) {
                    throw PveError.die("pool '" + poolid + "' does not exist");
                }
                res.add(info(poolid, p, type));
                return res;
            }
            for (Map.Entry<String, Pool> e : pools.entrySet()) {
                if (!m.acl().has(user, "/pool/" + e.getKey(), "Pool.Audit")) {
                    continue;
                }
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("poolid", e.getKey());
                if (e.getValue().comment != null) {
                    entry.put("comment", e.getValue().comment);
                }
                res.add(entry);
            }
            return res;
        }
    }

    /** {@code GET /pools/{poolid}}: the one entry of {@link #index}. */
    public Map<String, Object> read(String poolid, String type) {
        synchronized (m) {
            m.advance();
            Pool p = pools.get(poolid);
            if (p == null) {
                throw PveError.die("pool '" + poolid + "' does not exist");
            }
            return info(poolid, p, type);
        }
    }

    private Map<String, Object> info(String poolid, Pool p, String type) {
        List<Map<String, Object>> members = new ArrayList<>();
        for (int vmid : p.vms) {
            Container c = m.containers.get(vmid);
            if (c == null || type != null && !type.equals("lxc")) {
                continue;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", "lxc/" + vmid);
            e.put("type", "lxc");
            e.put("node", c.node);
            Map<String, Object> s = m.containerViews().summary(c, false);
            s.remove("type");
            e.putAll(s);
            e.put("maxcpu", e.remove("cpus")); // API2Tools::extract_vm_stats
            e.remove("maxswap");
            members.add(e);
        }
        if (type == null || type.equals("storage")) {
            String node = m.inv.nodes.keySet().iterator().next();
            for (String sid : p.storage) {
                String on = m.inv.storages.get(node).containsKey(sid) ? node : m.inv.storages.entrySet().stream()
                        .filter(x -> x.getValue().containsKey(sid)).map(Map.Entry::getKey).findFirst().orElse(null);
                if (on == null) {
                    continue;
                }
                Storage s = m.inv.storages.get(on).get(sid);
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("id", "storage/" + on + "/" + sid);
                e.put("type", "storage");
                e.put("node", on);
                e.put("storage", sid);
                e.put("status", s.available() ? "available" : "unknown");
                e.put("plugintype", s.type);
                e.put("content", s.contentString());
                e.put("shared", s.shared ? 1 : 0);
                e.put("disk", s.used());
                e.put("maxdisk", s.total);
                members.add(e);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("members", members);
        if (p.comment != null) {
            out.put("comment", p.comment);
        }
        out.put("poolid", poolid);
        return out;
    }

    /** {@code POST /pools}. */
    public void create(String user, String poolid, String comment) {
        synchronized (m) {
            try {
                if (pools.containsKey(poolid)) {
                    throw PveError.die("pool '" + poolid + "' already exists");
                }
                int slash = poolid.lastIndexOf('/');
                if (slash >= 0) {
                    String parent = poolid.substring(0, slash);
                    if (!pools.containsKey(parent)) {
                        throw PveError.die("parent '" + parent + "' of pool '" + poolid + "' does not exist");
                    }
                }
                if (!poolid.substring(slash + 1).matches("[A-Za-z].*")) {
                    throw PveError.die("pool name must start with a letter");
                }
            } catch (PveError e) {
                throw PveError.die("create pool failed: " + e.getMessage());
            }
            Pool p = new Pool();
            p.comment = comment == null || comment.isEmpty() ? null : comment;
            pools.put(poolid, p);
        }
    }

    /** {@code PUT /pools} and {@code PUT /pools/{poolid}}. */
    public void update(String user, Map<String, String> param) {
        synchronized (m) {
            m.advance();
            String poolid = param.get("poolid");
            boolean delete = "1".equals(param.get("delete"));
            boolean allowMove = "1".equals(param.get("allow-move"));
            try {
                Pool p = pools.get(poolid);
                if (p == null) {
                    throw PveError.die("pool '" + poolid + "' does not exist");
                }
                if (param.containsKey("comment")) {
                    p.comment = param.get("comment");
                }
                if (param.get("vms") != null) {
                    for (String v : splitList(param.get("vms"))) {
                        int vmid = Integer.parseInt(v);
                        checkPermModify(user, "/vms/" + vmid, "VM.Allocate");
                        if (delete) {
                            if (!p.vms.contains(vmid)) {
                                throw PveError.die("VM " + vmid + " is not a pool member");
                            }
                            p.vms.remove(vmid);
                            vmPool.remove(vmid);
                        } else {
                            if (p.vms.contains(vmid)) {
                                throw PveError.die("VM " + vmid + " is already a pool member");
                            }
                            String existing = vmPool.get(vmid);
                            if (existing != null) {
                                if (!allowMove) {
                                    throw PveError.die("VM " + vmid + " belongs already to pool '" + existing
                                            + "' and 'allow-move' is not set");
                                }
                                m.acl().check(user, "/pool/" + existing, "Pool.Allocate");
                                pools.get(existing).vms.remove(vmid);
                            }
                            p.vms.add(vmid);
                            vmPool.put(vmid, poolid);
                        }
                    }
                }
                if (param.get("storage") != null) {
                    for (String sid : splitList(param.get("storage"))) {
                        checkPermModify(user, "/storage/" + sid, "Datastore.Allocate");
                        if (delete) {
                            if (!p.storage.remove(sid)) {
                                throw PveError.die("Storage '" + sid + "' is not a pool member");
                            }
                        } else if (!p.storage.add(sid)) {
                            throw PveError.die("Storage '" + sid + "' is already a pool member");
                        }
                    }
                }
            } catch (PveError e) {
                // lock_user_config dies with "$errmsg: $err": a string, so even a 403 becomes a 500
                throw PveError.die("update pools failed: " + e.getMessage());
            }
        }
    }

    /** RPCEnvironment::check_perm_modify: Permissions.Modify, or the path-specific allocate privilege. */
    private void checkPermModify(String user, String path, String alternative) {
        if (!m.acl().has(user, path, alternative)) {
            m.acl().checkAny(user, path, "Permissions.Modify", alternative);
        }
    }

    /** {@code DELETE /pools} and {@code DELETE /pools/{poolid}}: only empty pools. */
    public void delete(String user, String poolid) {
        synchronized (m) {
            m.advance();
            try {
                Pool p = pools.get(poolid);
                if (p == null) {
                    throw PveError.die("pool '" + poolid + "' does not exist");
                }
                for (String other : pools.keySet()) {
                    if (other.startsWith(poolid + "/")) {
                        throw PveError.die("pool '" + poolid + "' is not empty (contains pool '" + other + "')");
                    }
                }
                for (int vmid : p.vms) {
                    if (m.containers.containsKey(vmid)) {
                        throw PveError.die("pool '" + poolid + "' is not empty (contains VM " + vmid + ")");
                    }
                }
                for (String sid : p.storage) {
                    if (m.inv.storages.values().stream().anyMatch(s -> s.containsKey(sid))) {
                        throw PveError.die("pool '" + poolid + "' is not empty (contains storage '" + sid + "')");
                    }
                }
            } catch (PveError e) {
                throw PveError.die("delete pool failed: " + e.getMessage());
            }
            Pool p = pools.remove(poolid);
            p.vms.forEach(vmPool::remove);
        }
    }

    /** add_vm_to_pool at the end of a create task (a vanished pool is skipped, as in Proxmox). */
    void addVm(int vmid, String poolid) {
        Pool p = pools.get(poolid);
        if (p != null) {
            p.vms.add(vmid);
            vmPool.put(vmid, poolid);
        }
    }

    /** remove_vm_access on destroy. */
    void removeVm(int vmid) {
        String poolid = vmPool.remove(vmid);
        if (poolid != null && pools.containsKey(poolid)) {
            pools.get(poolid).vms.remove(vmid);
        }
    }

    private static List<String> splitList(String list) {
        List<String> out = new ArrayList<>();
        for (String s : list.split("[;,\\s\\x00]+")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
