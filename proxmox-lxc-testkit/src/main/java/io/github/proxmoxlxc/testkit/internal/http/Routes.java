package io.github.proxmoxlxc.testkit.internal.http;

import io.github.proxmoxlxc.testkit.internal.model.Acl;
import io.github.proxmoxlxc.testkit.internal.model.ContainerOps;
import io.github.proxmoxlxc.testkit.internal.model.NodeViews;
import io.github.proxmoxlxc.testkit.internal.model.PveError;
import io.github.proxmoxlxc.testkit.internal.model.PveModel;
import java.util.List;
import java.util.Map;

/** Maps endpoint keys to model calls; returns {@code [data]} or {@code [data, total]}. */
final class Routes {

    private Routes() {
    }

    static Object[] dispatch(PveHandler h, String key, Map<String, String> p, String user) {
        PveModel m = h.model();
        ContainerOps ct = m.containers();
        NodeViews nv = m.views();
        String node = p.get("node");
        int vmid = p.containsKey("vmid") && p.get("vmid").matches("\\d+") ? Integer.parseInt(p.get("vmid")) : 0;
        switch (key) {
            case "GET /version":
                return one(Map.of("version", "9.1.1", "release", "9.1", "repoid", "42db4a6cf33dac83"));
            case "GET /nodes":
                return one(nv.nodes(h.settings().fingerprint()));
            case "GET /nodes/{node}/status":
                return one(nv.nodeStatus(node));
            case "GET /cluster/nextid":
                return one(nv.nextid(p.containsKey("vmid") ? vmid : null));
            case "GET /cluster/resources":
                return one(io.github.proxmoxlxc.testkit.internal.model.ResourceView.resources(m, p.get("type"), user));
            case "GET /cluster/status":
                return one(clusterStatus(m, h.settings().clusterName()));
            case "GET /nodes/{node}/lxc":
                return one(visible(ct.list(node), e -> m.acl().has(user, "/vms/" + e.get("vmid"), "VM.Audit")));
            case "POST /nodes/{node}/lxc":
                return one("1".equals(p.get("restore")) ? m.backups().restore(node, user, p) : ct.create(node, user, p));
            case "GET /nodes/{node}/lxc/{vmid}":
                ct.statusCurrent(node, vmid);
                return one(List.of(Map.of("subdir", "config"), Map.of("subdir", "status"), Map.of("subdir", "snapshot"),
                        Map.of("subdir", "interfaces")));
            case "GET /nodes/{node}/lxc/{vmid}/config":
                return one(ct.config(node, vmid, "1".equals(p.get("current")), h::configType));
            case "GET /nodes/{node}/lxc/{vmid}/pending":
                return one(ct.pending(node, vmid));
            case "PUT /nodes/{node}/lxc/{vmid}/config":
                ct.updateConfig(node, vmid, user, p, h::knownOption);
                return one(null);
            case "DELETE /nodes/{node}/lxc/{vmid}":
                return one(ct.destroy(node, vmid, user, p));
            case "GET /nodes/{node}/lxc/{vmid}/status/current":
                return one(ct.statusCurrent(node, vmid));
            case "POST /nodes/{node}/lxc/{vmid}/status/start":
                return one(ct.start(node, vmid, user, p));
            case "POST /nodes/{node}/lxc/{vmid}/status/stop":
                return one(ct.stop(node, vmid, user, p, "vzstop"));
            case "POST /nodes/{node}/lxc/{vmid}/status/shutdown":
                return one(ct.stop(node, vmid, user, p, "vzshutdown"));
            case "POST /nodes/{node}/lxc/{vmid}/status/reboot":
                return one(ct.stop(node, vmid, user, p, "vzreboot"));
            case "POST /nodes/{node}/lxc/{vmid}/clone":
                return one(ct.cloneContainer(node, vmid, user, p));
            case "POST /nodes/{node}/lxc/{vmid}/template":
                ct.convertToTemplate(node, vmid, user);
                return one(null);
            case "GET /nodes/{node}/lxc/{vmid}/interfaces":
                return one(ct.interfaces(node, vmid));
            case "GET /nodes/{node}/tasks/{upid}/status":
                return one(m.taskStatus(node, p.get("upid"), user));
            case "GET /nodes/{node}/tasks/{upid}/log":
                return m.taskLog(node, p.get("upid"), Integer.parseInt(p.getOrDefault("start", "0")),
                        Integer.parseInt(p.getOrDefault("limit", "50")), user);
            case "GET /nodes/{node}/tasks":
                return m.taskList(node, user, p);
            case "DELETE /nodes/{node}/tasks/{upid}":
                m.stopTask(node, p.get("upid"), user);
                return one(null);
            case "GET /nodes/{node}/storage":
                return one(visible(nv.storages(node, p.get("content"), p.get("enabled"), p.get("storage")),
                        e -> storageVisible(m.acl(), user, String.valueOf(e.get("storage")))));
            case "GET /nodes/{node}/storage/{storage}/status":
                return one(nv.storageStatus(node, p.get("storage")));
            case "GET /nodes/{node}/storage/{storage}/content":
                return one(nv.content(node, p.get("storage"), p.get("content"), p.containsKey("vmid") ? vmid : null));
            case "GET /nodes/{node}/aplinfo":
                return one(nv.aplinfo(node));
            case "POST /nodes/{node}/aplinfo":
                return one(nv.download(node, p.get("storage"), p.get("template"), user, h.settings().templateSize()));
            case "GET /nodes/{node}/network":
                return one(nv.network(node));
            case "GET /access/permissions":
                return one(permissions(m, user, p.get("userid"), p.get("path")));
            case "GET /access/ticket":
                return one(null);
            case "GET /pools":
                return one(m.pools().index(user, p.get("poolid"), p.get("type")));
            case "GET /pools/{poolid}":
                return one(m.pools().read(p.get("poolid"), p.get("type")));
            case "POST /pools":
                m.pools().create(user, p.get("poolid"), p.get("comment"));
                return one(null);
            case "PUT /pools":
            case "PUT /pools/{poolid}":
                m.pools().update(user, p);
                return one(null);
            case "DELETE /pools":
            case "DELETE /pools/{poolid}":
                m.pools().delete(user, p.get("poolid"));
                return one(null);
            default:
                Object[] dayTwo = DayTwoRoutes.dispatch(h, key, p, user);
                if (dayTwo != null) {
                    return dayTwo;
                }
                String[] mp = key.split(" ", 2);
                throw new PveError(501, "Method '" + mp[0] + " " + mp[1] + "' not implemented");
        }
    }

    /**
     * The caller's own permissions, an owned token's, or (with Sys.Audit on /access) anyone's; an
     * unknown user or token has none (RPCEnvironment::permissions returns {}).
     */
    private static Object permissions(PveModel m, String user, String userid, String path) {
        Acl acl = m.acl();
        String target = userid == null ? user : userid;
        if (!target.equals(user) && !target.startsWith(user + "!")) {
            acl.check(user, "/access", "Sys.Audit");
        }
        return acl.effective(target, path, m.pools().memberPaths());
    }

    /** Storages are listed only with Datastore.Audit or Datastore.AllocateSpace on them. */
    private static boolean storageVisible(Acl acl, String user, String storage) {
        java.util.Set<String> privs = acl.privileges(user, "/storage/" + storage);
        return privs.contains("Datastore.Audit") || privs.contains("Datastore.AllocateSpace");
    }

    private static List<Map<String, Object>> visible(List<Map<String, Object>> list,
            java.util.function.Predicate<Map<String, Object>> shown) {
        return list.stream().filter(shown).toList();
    }

    private static Object[] one(Object data) {
        return new Object[] {data};
    }

    private static List<Map<String, Object>> clusterStatus(PveModel m, String cluster) {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        List<String> nodes = m.nodeNames();
        out.add(Map.of("type", "cluster", "id", "cluster", "name", cluster, "nodes", nodes.size(), "quorate", 1,
                "version", nodes.size()));
        for (int i = 0; i < nodes.size(); i++) {
            out.add(Map.of("type", "node", "id", "node/" + nodes.get(i), "name", nodes.get(i), "nodeid", i + 1,
                    "online", 1, "local", i == 0 ? 1 : 0, "ip", "192.168.100." + (2 + i), "level", ""));
        }
        return out;
    }
}
