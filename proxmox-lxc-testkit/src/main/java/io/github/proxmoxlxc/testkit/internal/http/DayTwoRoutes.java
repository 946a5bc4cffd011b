package io.github.proxmoxlxc.testkit.internal.http;

import io.github.proxmoxlxc.testkit.internal.model.PveModel;
import io.github.proxmoxlxc.testkit.internal.model.SnapshotOps;
import java.util.Map;

/**
 * Routes of the day-two endpoints (snapshots, backups, resize, migrate, HA, rrddata), kept apart
 * from {@link Routes} so the provisioning routes stay small. Returns null for a key it does not know.
 */
final class DayTwoRoutes {

    private DayTwoRoutes() {
    }

    static Object[] dispatch(PveHandler h, String key, Map<String, String> p, String user) {
        PveModel m = h.model();
        SnapshotOps snaps = m.snapshots();
        String node = p.get("node");
        int vmid = p.containsKey("vmid") && p.get("vmid").matches("\\d+") ? Integer.parseInt(p.get("vmid")) : 0;
        String snap = p.get("snapname");
        switch (key) {
            case "GET /nodes/{node}/lxc/{vmid}/snapshot":
                return one(snaps.list(node, vmid));
            case "GET /nodes/{node}/lxc/{vmid}/feature":
                return one(snaps.feature(node, vmid, p.get("feature"), snap));
            case "POST /nodes/{node}/lxc/{vmid}/snapshot":
                return one(snaps.create(node, vmid, user, snap, p.get("description")));
            case "GET /nodes/{node}/lxc/{vmid}/snapshot/{snapname}":
                snaps.config(node, vmid, snap, h::configType);
                return one(java.util.List.of(Map.of("subdir", "rollback"), Map.of("subdir", "config")));
            case "DELETE /nodes/{node}/lxc/{vmid}/snapshot/{snapname}":
                return one(snaps.delete(node, vmid, user, snap, "1".equals(p.get("force"))));
            case "POST /nodes/{node}/lxc/{vmid}/snapshot/{snapname}/rollback":
                return one(snaps.rollback(node, vmid, user, snap, "1".equals(p.get("start"))));
            case "GET /nodes/{node}/lxc/{vmid}/snapshot/{snapname}/config":
                return one(snaps.config(node, vmid, snap, h::configType));
            case "PUT /nodes/{node}/lxc/{vmid}/snapshot/{snapname}/config":
                snaps.updateDescription(node, vmid, snap, p.get("description"));
                return one(null);
            case "POST /nodes/{node}/vzdump":
                return one(m.backups().vzdump(node, user, p));
            case "DELETE /nodes/{node}/storage/{storage}/content/{volume}":
                return one(m.backups().remove(node, p.get("storage"), p.get("volume"), user));
            case "GET /nodes/{node}/storage/{storage}/prunebackups":
                return one(m.backups().pruneList(node, p.get("storage"), p.get("prune-backups"),
                        p.containsKey("vmid") ? vmid : null));
            case "DELETE /nodes/{node}/storage/{storage}/prunebackups":
                return one(m.backups().prune(node, p.get("storage"), p.get("prune-backups"),
                        p.containsKey("vmid") ? vmid : null, user));
            case "PUT /nodes/{node}/lxc/{vmid}/resize":
                return one(m.disks().resize(node, vmid, user, p.get("disk"), p.get("size"), p.get("digest")));
            case "GET /nodes/{node}/lxc/{vmid}/rrddata":
                return one(m.rrd().container(node, vmid, p.get("timeframe"), p.getOrDefault("cf", "AVERAGE")));
            case "POST /nodes/{node}/lxc/{vmid}/migrate":
                return one(m.migrations().migrate(node, vmid, user, p));
            case "GET /cluster/ha/resources":
                return one(m.ha().list(p.get("type")));
            case "POST /cluster/ha/resources":
                return one(m.ha().create(p));
            case "GET /cluster/ha/resources/{sid}":
                return one(m.ha().get(p.get("sid")));
            case "PUT /cluster/ha/resources/{sid}":
                return one(m.ha().update(p.get("sid"), p));
            case "DELETE /cluster/ha/resources/{sid}":
                return one(m.ha().delete(p.get("sid")));
            case "GET /cluster/ha/status/current":
                return one(m.ha().status());
            default:
                return null;
        }
    }

    private static Object[] one(Object data) {
        return new Object[] {data};
    }
}
