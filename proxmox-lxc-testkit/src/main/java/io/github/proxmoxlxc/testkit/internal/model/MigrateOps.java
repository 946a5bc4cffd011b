package io.github.proxmoxlxc.testkit.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /nodes/{node}/lxc/{vmid}/migrate} after pve-container's {@code API2/LXC.pm migrate_vm}
 * (synchronous checks) and {@code LXC/Migrate.pm} (the {@code vzmigrate} worker: {@code migrate}
 * lock, restart mode shuts down and starts on the target, local volumes copied to the target
 * storage, final cleanup unlocks and on failure starts the container on the source again).
 */
public final class MigrateOps {
    private static final Pattern VOLUME = Pattern.compile("^([^:,]+):([^,]+)");
    private final PveModel m;

    MigrateOps(PveModel model) {
        this.m = model;
    }

    /** Starts a migration; returns the UPID. */
    public String migrate(String node, int vmid, String user, Map<String, String> p) {
        synchronized (m) {
            m.advance();
            String target = p.get("target");
            if (target == null || target.isEmpty()) {
                throw PveError.params(Map.of("target", "property is missing and it is not optional"));
            }
            if (target.equals(node)) {
                throw PveError.params(Map.of("target", "target is local node."));
            }
            Container c = m.container(node, vmid);
            if (!m.inv.nodes.containsKey(target)) {
                throw PveError.die("no such cluster node '" + target + "'");
            }
            boolean online = "1".equals(p.get("online"));
            boolean restart = "1".equals(p.get("restart"));
            boolean running = c.status.equals("running");
            if (running && !online && !restart) {
                throw PveError.die("can't migrate running container without --online or --restart");
            }
            String storageMap = p.get("target-storage");
            if (storageMap != null && !storageMap.matches("[A-Za-z][A-Za-z0-9\\-_.]*")) {
                throw PveError.params(Map.of("target-storage", "failed to parse storage map: only a single "
                        + "storage id is supported by this simulator"));
            }
            if (storageMap != null) {
                Storage ts = m.storage(target, storageMap);
                if (!ts.content.contains("rootdir")) {
                    throw PveError.die("storage '" + storageMap + "' does not support content-type 'rootdir'");
                }
            }
            List<String> lines = new ArrayList<>();
            String exit = "OK";
            if (c.lock() != null) {
                exit = "CT is locked (" + c.lock() + ")";
            } else if (running && online && !restart) {
                exit = "lxc live migration is currently not implemented";
            }
            if (!exit.equals("OK")) {
                lines.add("ERROR: migration aborted (duration 00:00:00): " + exit);
                return m.fork(node, "vzmigrate", String.valueOf(vmid), user, lines, "migration aborted",
                        () -> { }, () -> { });
            }
            if (restart && running) {
                lines.add("shutdown CT " + vmid);
            }
            lines.add("starting migration of CT " + vmid + " to node '" + target + "' (" + ip(target) + ")");
            List<String[]> moves = new ArrayList<>();
            for (Map.Entry<String, String> e : c.config.entrySet()) {
                if (!e.getKey().matches("rootfs|mp\\d+")) {
                    continue;
                }
                Matcher v = VOLUME.matcher(e.getValue());
                if (!v.find() || v.group(1).startsWith("/")) {
                    continue;
                }
                String sid = v.group(1);
                Storage src = m.storage(node, sid);
                String volid = sid + ":" + v.group(2);
                if (src.shared) {
                    lines.add("volume '" + volid + "' is on shared storage '" + sid + "'");
                    continue;
                }
                String targetSid = storageMap != null ? storageMap : sid;
                Storage dst = m.storage(target, targetSid);
                if (!dst.content.contains("rootdir")) {
                    throw PveError.die("content type 'rootdir' is not available on storage '" + targetSid + "'");
                }
                lines.add("found local volume '" + volid + "' (in current VM config)");
                moves.add(new String[] {e.getKey(), sid, volid, targetSid});
            }
            for (String[] mv : moves) {
                lines.add("volume '" + mv[2] + "' is '" + mv[3] + mv[2].substring(mv[1].length()) + "' on the target");
            }
            lines.add("start final cleanup");
            if (restart && running) {
                lines.add("start container on target node");
            }
            lines.add("migration finished successfully (duration 00:00:01)");
            c.config.put("lock", "migrate");
            if (restart && running) {
                c.status = "stopped";
                c.ips.clear();
            }
            return m.fork(node, "vzmigrate", String.valueOf(vmid), user, lines, "OK", () -> {
                for (String[] mv : moves) {
                    Storage src = m.storage(node, mv[1]);
                    Storage dst = m.storage(target, mv[3]);
                    Volume vol = src.volumes.stream().filter(x -> x.volid().equals(mv[2])).findFirst().orElse(null);
                    String newVolid = mv[3] + mv[2].substring(mv[1].length());
                    if (vol != null && src != dst) {
                        src.volumes.remove(vol);
                        dst.volumes.add(new Volume(newVolid, vol.content(), vol.format(), vol.size(), vol.vmid(),
                                vol.ctime()));
                    }
                    c.config.put(mv[0], newVolid + c.config.get(mv[0]).substring(mv[2].length()));
                }
                c.node = target;
                c.config.remove("lock");
                if (restart && running) {
                    c.status = "running";
                    c.startedAt = m.epoch();
                }
            }, () -> {
                c.config.remove("lock");
                if (restart && running) {
                    c.status = "running";
                    c.startedAt = m.epoch();
                }
            });
        }
    }

    private String ip(String node) {
        return "10.0.0." + (10 + new ArrayList<>(m.inv.nodes.keySet()).indexOf(node));
    }
}
