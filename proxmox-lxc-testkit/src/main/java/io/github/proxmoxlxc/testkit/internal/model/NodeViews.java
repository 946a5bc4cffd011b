package io.github.proxmoxlxc.testkit.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cluster, node, storage and template endpoints of {@link PveModel}. */
public final class NodeViews {

    private final PveModel m;

    NodeViews(PveModel model) {
        this.m = model;
    }

    /** {@code GET /cluster/nextid}: a string, as Perl returns it. */
    public String nextid(Integer vmid) {
        synchronized (m) {
            m.advance();
            if (vmid != null) {
                if (m.containers.containsKey(vmid)) {
                    throw PveError.params(Map.of("vmid", "VM " + vmid + " already exists"));
                }
                return String.valueOf(vmid);
            }
            // pve-manager API2/Cluster.pm nextid: the first free id in datacenter.cfg's next-id range
            int lower = m.datacenter().lower();
            int upper = m.datacenter().upper();
            for (int i = lower; i < upper; i++) {
                if (!m.containers.containsKey(i)) {
                    return String.valueOf(i);
                }
            }
            throw PveError.die("unable to get any free VMID in range [" + lower + ", " + upper + "]");
        }
    }

    /** {@code GET /nodes}. */
    public List<Map<String, Object>> nodes(String fingerprint) {
        synchronized (m) {
            m.advance();
            List<Map<String, Object>> out = new ArrayList<>();
            for (Inventory.Node n : m.inv.nodes.values()) {
                Map<String, Object> r = nodeResource(n);
                r.put("ssl_fingerprint", fingerprint);
                out.add(r);
            }
            return out;
        }
    }

    private Map<String, Object> nodeResource(Inventory.Node n) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", "node/" + n.name());
        r.put("type", "node");
        r.put("node", n.name());
        r.put("status", "online");
        r.put("level", "");
        r.put("cpu", 0.0123);
        r.put("maxcpu", n.cpus());
        r.put("mem", n.memory() / 4);
        r.put("maxmem", n.memory());
        r.put("disk", 4L * PveModel.GIB);
        r.put("maxdisk", 32L * PveModel.GIB);
        r.put("uptime", 86400);
        return r;
    }

    /** {@code GET /nodes/{node}/status}. */
    public Map<String, Object> nodeStatus(String node) {
        synchronized (m) {
            m.advance();
            m.requireNode(node);
            Inventory.Node n = m.inv.nodes.get(node);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("cpu", 0.0123);
            r.put("cpuinfo", Map.of("cpus", n.cpus(), "cores", n.cpus(), "sockets", 1, "model", "Simulated CPU",
                    "mhz", "2400.000"));
            r.put("memory", Map.of("total", n.memory(), "used", n.memory() / 4, "free", n.memory() - n.memory() / 4));
            r.put("uptime", 86400);
            r.put("loadavg", List.of("0.10", "0.05", "0.01"));
            r.put("pveversion", "pve-manager/9.1.1/42db4a6cf33dac83");
            r.put("kversion", "Linux 6.17.2-1-pve #1 SMP PREEMPT_DYNAMIC PMX 6.17.2-1");
            return r;
        }
    }

    /** {@code GET /cluster/resources} with an optional type filter ({@code vm}, {@code storage}, {@code node}). */
    public List<Map<String, Object>> resources(String type) {
        synchronized (m) {
            m.advance();
            List<Map<String, Object>> out = new ArrayList<>();
            if (type == null || type.equals("vm")) {
                for (Container c : m.containers.values()) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("id", "lxc/" + c.vmid);
                    r.put("type", "lxc");
                    r.put("node", c.node);
                    Map<String, Object> s = new ContainerViews(m).summary(c, false);
                    s.remove("type");
                    r.putAll(s);
                    r.putIfAbsent("template", 0);
                    m.pools().poolOf(c.vmid).ifPresent(pool -> r.put("pool", pool));
                    out.add(r);
                }
            }
            if (type == null || type.equals("node")) {
                m.inv.nodes.values().forEach(n -> out.add(nodeResource(n)));
            }
            if (type == null || type.equals("storage")) {
                m.inv.storages.forEach((node, stores) -> stores.values().forEach(s -> {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("id", "storage/" + node + "/" + s.id);
                    r.put("type", "storage");
                    r.put("node", node);
                    r.put("storage", s.id);
                    r.put("status", s.available() ? "available" : "unknown");
                    r.put("plugintype", s.type);
                    r.put("content", s.contentString());
                    r.put("shared", s.shared ? 1 : 0);
                    r.put("disk", s.used());
                    r.put("maxdisk", s.total);
                    out.add(r);
                }));
            }
            return out;
        }
    }

    /** {@code GET /nodes/{node}/storage}. */
    public List<Map<String, Object>> storages(String node, String content, String enabledFilter, String storageFilter) {
        synchronized (m) {
            m.advance();
            m.requireNode(node);
            // pve-storage API2/Storage/Status.pm index: storage_info (content-filtered) must know the storage
            if (storageFilter != null && m.inv.storages.get(node).values().stream().noneMatch(s -> s.id.equals(storageFilter)
                    && (content == null || java.util.Arrays.stream(content.split("[,; \\s]+")).anyMatch(s.content::contains)))) {
                throw PveError.params(Map.of("storage", "No such storage."));
            }
            List<Map<String, Object>> out = new ArrayList<>();
            for (Storage s : m.inv.storages.get(node).values()) {
                if (content != null && java.util.Arrays.stream(content.split("[,; \\s]+")).noneMatch(s.content::contains)
                        || "1".equals(enabledFilter) && !s.enabled || storageFilter != null && !storageFilter.equals(s.id)) {
                    continue;
                }
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("storage", s.id);
                r.put("type", s.type);
                r.put("content", s.contentString());
                r.put("shared", s.shared ? 1 : 0);
                r.put("enabled", s.enabled ? 1 : 0);
                r.put("active", s.available() ? 1 : 0);
                if (s.available()) {
                    r.put("total", s.total);
                    r.put("used", s.used());
                    r.put("avail", s.avail());
                    r.put("used_fraction", s.total == 0 ? 0 : (double) s.used() / s.total);
                }
                out.add(r);
            }
            return out;
        }
    }

    /** {@code GET /nodes/{node}/storage/{storage}/status}. */
    public Map<String, Object> storageStatus(String node, String storage) {
        synchronized (m) {
            m.advance();
            Storage s = m.storage(node, storage);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("type", s.type);
            r.put("content", s.contentString());
            r.put("shared", s.shared ? 1 : 0);
            r.put("enabled", s.enabled ? 1 : 0);
            r.put("active", s.available() ? 1 : 0);
            r.put("total", s.total);
            r.put("used", s.used());
            r.put("avail", s.avail());
            return r;
        }
    }

    /** {@code GET /nodes/{node}/storage/{storage}/content}. */
    public List<Map<String, Object>> content(String node, String storage, String content, Integer vmid) {
        synchronized (m) {
            m.advance();
            Storage s = m.storage(node, storage);
            if (!s.available()) {
                throw PveError.die("storage '" + storage + "' is not available");
            }
            List<Map<String, Object>> out = new ArrayList<>();
            for (Volume v : s.volumes) {
                if (content != null && !content.equals(v.content()) || vmid != null && v.vmid() != vmid) {
                    continue;
                }
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("volid", v.volid());
                r.put("content", v.content());
                r.put("format", v.format());
                r.put("size", v.size());
                r.put("ctime", v.ctime());
                if (v.vmid() != 0) {
                    r.put("vmid", v.vmid());
                }
                BackupOps.describe(m, v, r);
                out.add(r);
            }
            return out;
        }
    }

    /** {@code GET /nodes/{node}/aplinfo}. */
    public List<Map<String, Object>> aplinfo(String node) {
        synchronized (m) {
            m.advance();
            m.requireNode(node);
            List<Map<String, Object>> out = new ArrayList<>();
            for (Inventory.AplTemplate t : m.inv.aplinfo.values()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("template", t.template());
                r.put("type", "lxc");
                r.put("package", t.pkg());
                r.put("version", t.version());
                r.put("os", t.os());
                r.put("section", t.section());
                r.put("headline", t.headline());
                r.put("description", t.headline() + " image (simulated).");
                r.put("architecture", t.template().contains("arm64") ? "arm64" : "amd64");
                r.put("maintainer", "Proxmox Support Team <support@proxmox.com>");
                r.put("source", "http://download.proxmox.com/images"); // APLInfo.pm: the repository base URL
                r.put("location", "http://download.proxmox.com/images/" + t.section() + "/" + t.template());
                r.put("infopage", "https://pve.proxmox.com/wiki/Linux_Container#pct_supported_distributions");
                r.put("sha512sum", "0".repeat(128));
                out.add(r);
            }
            return out;
        }
    }

    /** {@code POST /nodes/{node}/aplinfo}: a {@code download} task that puts the template into {@code vztmpl}. */
    public String download(String node, String storage, String template, String user, long size) {
        synchronized (m) {
            m.advance();
            m.requireNode(node);
            Inventory.AplTemplate t = m.inv.aplinfo.get(template);
            if (t == null) {
                throw PveError.params(Map.of("template", "no such template"));
            }
            Storage s = m.storage(node, storage);
            if (!s.enabled) {
                throw PveError.die("storage '" + storage + "' is disabled");
            }
            if (!s.content.contains("vztmpl")) {
                throw PveError.die("storage '" + storage + "' does not support templates");
            }
            String volid = storage + ":vztmpl/" + template;
            String url = "http://download.proxmox.com/images/" + t.section() + "/" + template;
            String dest = "/var/lib/vz/template/cache/" + template;
            // PVE::Tools::download_file_from_url
            List<String> lines = List.of("downloading " + url + " to " + dest,
                    "--" + "2026-01-01 00:00:00--  " + url, "calculating checksum...OK, checksum verified",
                    "download of '" + url + "' to '" + dest + "' finished");
            String exit = s.avail() < size ? "unable to download template - no space left on device" : "OK";
            return m.fork(node, "download", template, user, lines, exit, () -> {
                s.volumes.removeIf(v -> v.volid().equals(volid));
                s.volumes.add(new Volume(volid, "vztmpl", PveModel.format(template), size, 0, m.epoch()));
            }, () -> { });
        }
    }

    /** {@code GET /nodes/{node}/network}. */
    public List<Map<String, Object>> network(String node) {
        synchronized (m) {
            m.requireNode(node);
            Map<String, Object> br = new LinkedHashMap<>();
            br.put("iface", "vmbr0");
            br.put("type", "bridge");
            br.put("active", 1);
            br.put("autostart", 1);
            br.put("bridge_ports", "eno1");
            br.put("cidr", "192.168.100.2/24");
            br.put("method", "static");
            br.put("families", List.of("inet"));
            return List.of(br);
        }
    }
}
