package io.github.proxmoxlxc.testkit.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code /nodes/{node}/lxc/{vmid}/snapshot} endpoints, after pve-container's
 * {@code API2/LXC/Snapshot.pm} and pve-guest-common's {@code AbstractConfig.pm}: every check but the
 * reserved names runs in the worker, so it ends the task with an error rather than the request.
 */
public final class SnapshotOps {
    /** Storage types whose container volumes can be snapshotted (pve-storage volume_has_feature). */
    static final Set<String> SNAPSHOT_TYPES = Set.of("lvmthin", "zfspool", "rbd", "btrfs", "cephfs");
    private static final Set<String> NOT_COPIED = Set.of("snapstate", "snaptime", "vmstate", "lock", "digest",
            "description");

    private final PveModel m;

    SnapshotOps(PveModel model) {
        this.m = model;
    }

    /** {@code GET .../snapshot}: every snapshot plus {@code current} ("You are here!"). */
    public List<Map<String, Object>> list(String node, int vmid) {
        synchronized (m) {
            m.advance();
            Container c = m.container(node, vmid);
            List<Map<String, Object>> out = new ArrayList<>();
            c.snapshots.forEach((name, d) -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("name", name);
                item.put("snaptime", Long.parseLong(d.getOrDefault("snaptime", "0")));
                item.put("description", d.getOrDefault("description", ""));
                if (d.containsKey("parent")) {
                    item.put("parent", d.get("parent"));
                }
                if (d.containsKey("snapstate")) {
                    item.put("snapstate", d.get("snapstate"));
                }
                out.add(item);
            });
            Map<String, Object> current = new LinkedHashMap<>();
            current.put("name", "current");
            current.put("digest", PveModel.digest(c));
            current.put("running", c.status.equals("running") ? 1 : 0);
            current.put("description", "You are here!");
            if (c.config.containsKey("parent")) {
                current.put("parent", c.config.get("parent"));
            }
            out.add(current);
            return out;
        }
    }

    /** {@code GET .../snapshot/{snapname}/config}. */
    public Map<String, Object> config(String node, int vmid, String name,
            java.util.function.Function<String, String> typeOf) {
        synchronized (m) {
            m.advance();
            Map<String, String> snap = m.container(node, vmid).snapshots.get(name);
            if (snap == null) {
                throw PveError.die("snapshot '" + name + "' does not exist");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            snap.forEach((k, v) -> out.put(k, ContainerViews.typed(typeOf.apply(k), v)));
            return out;
        }
    }

    /** {@code PUT .../snapshot/{snapname}/config}: sets the description (synchronous). */
    public void updateDescription(String node, int vmid, String name, String description) {
        synchronized (m) {
            m.advance();
            Container c = m.container(node, vmid);
            if (description == null) {
                return;
            }
            if (c.lock() != null) {
                throw PveError.die("CT is locked (" + c.lock() + ")");
            }
            Map<String, String> snap = c.snapshots.get(name);
            if (snap == null) {
                throw PveError.die("snapshot '" + name + "' does not exist");
            }
            snap.put("description", description);
        }
    }

    /** {@code POST .../snapshot}: a {@code vzsnapshot} task holding lock {@code snapshot}. */
    public String create(String node, int vmid, String user, String name, String description) {
        synchronized (m) {
            m.advance();
            Container c = m.container(node, vmid);
            if (name.equals("current") || name.equals("vzdump")) {
                throw PveError.die("unable to use snapshot name '" + name + "' (reserved name)");
            }
            String exit = prepareError(c, name);
            if (!exit.equals("OK")) {
                return m.fork(node, "vzsnapshot", String.valueOf(vmid), user, List.of(), exit, () -> { }, () -> { });
            }
            take(c, name, description);
            List<String> lines = new ArrayList<>();
            return m.fork(node, "vzsnapshot", String.valueOf(vmid), user, lines, "OK",
                    () -> commit(c, name), () -> abort(c, name));
        }
    }

    /**
     * {@code GET .../feature} ({@code vm_feature}): {@code {"hasFeature": 0|1}} from
     * {@code PVE::LXC::Config->has_feature}, every volume of the config (or of the named snapshot)
     * on a storage with the feature. {@code snapshot} and {@code clone} follow the storage type;
     * {@code copy} (a full copy of raw or subvol volumes) is available on every simulated storage.
     */
    public Map<String, Object> feature(String node, int vmid, String feature, String snapname) {
        synchronized (m) {
            m.advance();
            Container c = m.container(node, vmid);
            if (snapname != null && !c.snapshots.containsKey(snapname)) {
                throw PveError.die("snapshot '" + snapname + "' does not exist");
            }
            boolean has = "copy".equals(feature) || snapshotCapable(c);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("hasFeature", has ? 1 : 0);
            return out;
        }
    }

    /** The first error {@code __snapshot_prepare} would die with, or {@code OK}. */
    String prepareError(Container c, String name) {
        if ("1".equals(c.config.get("template"))) {
            return "you can't take a snapshot if it's a template";
        }
        if (c.lock() != null) {
            return "CT is locked (" + c.lock() + ")";
        }
        if (c.snapshots.containsKey(name)) {
            return "snapshot name '" + name + "' already used";
        }
        if (!snapshotCapable(c)) {
            return "snapshot feature is not available";
        }
        return "OK";
    }

    /** Whether every volume of the container is on a storage that can snapshot it. */
    boolean snapshotCapable(Container c) {
        for (Map.Entry<String, String> e : c.config.entrySet()) {
            if (!e.getKey().equals("rootfs") && !e.getKey().matches("mp\\d+")) {
                continue;
            }
            String vol = e.getValue().split(",")[0];
            if (vol.startsWith("/")) {
                continue;
            }
            int colon = vol.indexOf(':');
            Storage s = colon < 0 ? null : m.inv.storages.get(c.node).get(vol.substring(0, colon));
            if (s == null || !SNAPSHOT_TYPES.contains(s.type)) {
                return false;
            }
        }
        return true;
    }

    /** Prepare: lock {@code snapshot}, a section in state {@code prepare} copying the config. */
    void take(Container c, String name, String description) {
        for (Map<String, String> other : c.snapshots.values()) {
            if (name.equals(other.get("parent"))) {
                other.remove("parent");
            }
        }
        c.config.put("lock", "snapshot");
        Map<String, String> snap = new LinkedHashMap<>();
        c.config.forEach((k, v) -> {
            if (!NOT_COPIED.contains(k) && !k.matches("unused\\d+")) {
                snap.put(k, v);
            }
        });
        snap.put("snapstate", "prepare");
        snap.put("snaptime", Long.toString(m.epoch()));
        if (description != null && !description.isEmpty()) {
            snap.put("description", description);
        }
        c.snapshots.put(name, snap);
    }

    void commit(Container c, String name) {
        Map<String, String> snap = c.snapshots.get(name);
        if (snap != null) {
            snap.remove("snapstate");
        }
        c.config.remove("lock");
        c.config.put("parent", name);
    }

    /** snapshot_create's cleanup: the half-made snapshot is deleted with force and the lock removed. */
    void abort(Container c, String name) {
        c.snapshots.remove(name);
        c.config.remove("lock");
    }

    /** {@code DELETE .../snapshot/{snapname}}: a {@code vzdelsnapshot} task holding lock {@code snapshot-delete}. */
    public String delete(String node, int vmid, String user, String name, boolean force) {
        synchronized (m) {
            m.advance();
            Container c = m.container(node, vmid);
            Map<String, String> snap = c.snapshots.get(name);
            String exit = "OK";
            if (snap == null) {
                exit = "snapshot '" + name + "' does not exist";
            } else if (c.lock() != null) {
                exit = "CT is locked (" + c.lock() + ")";
            } else if ("1".equals(c.config.get("template"))) {
                exit = "you can't delete a snapshot if vm is a template";
            }
            if (!exit.equals("OK")) {
                return m.fork(node, "vzdelsnapshot", String.valueOf(vmid), user, List.of(), exit, () -> { }, () -> { });
            }
            c.config.put("lock", "snapshot-delete");
            snap.put("snapstate", "delete");
            return m.fork(node, "vzdelsnapshot", String.valueOf(vmid), user, List.of(), "OK", () -> {
                String parent = snap.get("parent");
                relink(c.config, name, parent);
                c.snapshots.values().forEach(s -> relink(s, name, parent));
                c.snapshots.remove(name);
                c.config.remove("lock");
            }, () -> {
                // pve-guest-common leaves lock and snapstate in place when a disk snapshot
                // cannot be removed; force removes the section anyway
                if (force) {
                    c.snapshots.remove(name);
                    c.config.remove("lock");
                }
            });
        }
    }

    private static void relink(Map<String, String> conf, String removed, String newParent) {
        if (removed.equals(conf.get("parent"))) {
            if (newParent == null) {
                conf.remove("parent");
            } else {
                conf.put("parent", newParent);
            }
        }
    }

    /** {@code POST .../snapshot/{snapname}/rollback}: a {@code vzrollback} task holding lock {@code rollback}. */
    public String rollback(String node, int vmid, String user, String name, boolean start) {
        synchronized (m) {
            m.advance();
            Container c = m.container(node, vmid);
            Map<String, String> snap = c.snapshots.get(name);
            String exit = "OK";
            if ("1".equals(c.config.get("template"))) {
                exit = "you can't rollback if vm is a template";
            } else if (snap == null) {
                exit = "snapshot '" + name + "' does not exist";
            } else if (snap.containsKey("snapstate")) {
                exit = "unable to rollback to incomplete snapshot (snapstate = " + snap.get("snapstate") + ")";
            } else if (c.lock() != null) {
                exit = "CT is locked (" + c.lock() + ")";
            }
            if (!exit.equals("OK")) {
                return m.fork(node, "vzrollback", String.valueOf(vmid), user, List.of(), exit, () -> { }, () -> { });
            }
            // the worker stops a running container before it takes the rollback lock
            c.status = "stopped";
            c.ips.clear();
            c.config.put("lock", "rollback");
            return m.fork(node, "vzrollback", String.valueOf(vmid), user, List.of(), "OK", () -> {
                Map<String, String> keep = new LinkedHashMap<>();
                c.config.forEach((k, v) -> {
                    if (k.matches("unused\\d+") || k.equals("description")) {
                        keep.put(k, v);
                    }
                });
                c.config.clear();
                c.config.putAll(keep);
                snap.forEach((k, v) -> {
                    if (!NOT_COPIED.contains(k) && !k.equals("parent")) {
                        c.config.put(k, v);
                    }
                });
                c.config.put("parent", name);
                if (start) {
                    m.containers().forkStart(c, user);
                }
            }, () -> { });
        }
    }
}
