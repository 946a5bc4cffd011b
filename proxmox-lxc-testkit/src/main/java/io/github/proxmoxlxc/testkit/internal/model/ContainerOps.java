package io.github.proxmoxlxc.testkit.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Container operations of {@link PveModel}: the handlers of the {@code /nodes/{node}/lxc} endpoints. */
public final class ContainerOps {

    private static final String ROOT = "root@pam";
    private final PveModel m;

    ContainerOps(PveModel model) {
        this.m = model;
    }

    // ---------------------------------------------------------------- create

    /** {@code POST /nodes/{node}/lxc}: synchronous checks, then a {@code vzcreate} task holding lock {@code create}. */
    public String create(String node, String user, Map<String, String> p) {
        synchronized (m) {
            m.advance();
            m.requireNode(node);
            int vmid = Integer.parseInt(p.get("vmid"));
            boolean unprivileged = !"0".equals(p.getOrDefault("unprivileged", "1"));
            CreateChecks.check(m, node, user, vmid, p, m.pools());
            String ostemplate = p.get("ostemplate");
            int colon = ostemplate.indexOf(':');
            // restore_archive: PVE::Storage::abs_filesystem_path dies inside the task
            boolean templateMissing = colon <= 0 || !m.inv.storages.get(node).containsKey(ostemplate.substring(0, colon))
                    || m.storage(node, ostemplate.substring(0, colon)).volumes.stream()
                            .noneMatch(v -> v.volid().equals(ostemplate));
            String pool = p.get("pool");
            String defaultStorage = p.getOrDefault("storage", "local");
            String rootfs = p.getOrDefault("rootfs", defaultStorage + ":4");
            if (rootfs.matches("\\d+(\\.\\d+)?")) {
                rootfs = defaultStorage + ":" + rootfs;
            }
            Container c = new Container(vmid, node);
            Map<String, String> conf = c.config;
            String file = ostemplate.substring(ostemplate.lastIndexOf('/') + 1);
            conf.put("arch", p.getOrDefault("arch", "amd64"));
            conf.put("hostname", p.getOrDefault("hostname", "CT" + vmid));
            conf.put("memory", p.getOrDefault("memory", "512"));
            conf.put("ostype", p.getOrDefault("ostype", ostypeOf(file)));
            conf.put("swap", p.getOrDefault("swap", "512"));
            List<Volume> newVolumes = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            Map<String, Storage> volumeStores = new LinkedHashMap<>();
            conf.put("rootfs", allocate(node, vmid, rootfs, newVolumes, volumeStores, lines));
            for (Map.Entry<String, String> e : p.entrySet()) {
                String k = e.getKey();
                if (PveModel.NOT_STORED.contains(k) || conf.containsKey(k) || k.equals("rootfs") || k.equals("unprivileged")) {
                    continue;
                }
                String v = e.getValue();
                if (k.matches("net\\d+")) {
                    v = normalizeNet(v);
                } else if (k.matches("mp\\d+")) {
                    if (v.split(",", 2)[0].matches("(volume=)?\\d+(\\.\\d+)?")) {
                        // create_vm: a bare number means the default storage
                        v = defaultStorage + ":" + v.replaceFirst("^volume=", "");
                    }
                    v = allocate(node, vmid, v, newVolumes, volumeStores, lines);
                }
                conf.put(k, v);
            }
            if (unprivileged) {
                conf.put("unprivileged", "1"); // create_vm writes unprivileged only when set
            }
            lines.add("extracting archive '/var/lib/vz/template/cache/" + file + "'");
            lines.add("Total bytes read: 521902080 (498MiB, 213MiB/s)");
            lines.add("Detected container architecture: " + conf.get("arch"));
            lines.add("Creating SSH host key 'ssh_host_ed25519_key' - this may take some time ...");
            String planned = "OK";
            Map<String, Long> need = new LinkedHashMap<>();
            for (Volume v : newVolumes) {
                String sid = v.volid().substring(0, v.volid().indexOf(':'));
                Storage s = volumeStores.get(sid);
                long free = s.avail() - need.getOrDefault(sid, 0L);
                need.merge(sid, v.size(), Long::sum);
                // only thick LVM checks free space (LVMPlugin alloc_lvm_image compares bytes with KiB)
                if (s.type.equals("lvm") && free < v.size() / 1024 && planned.equals("OK")) {
                    planned = "unable to create CT " + vmid + " - not enough free space (" + free + " < "
                            + v.size() / 1024 + ")";
                }
            }
            if (planned.equals("OK") && templateMissing) {
                planned = "unable to create CT " + vmid + " - can't find file '" + ostemplate + "'";
            }
            conf.put("lock", "create");
            m.containers.put(vmid, c);
            boolean ok = planned.equals("OK");
            if (ok) {
                newVolumes.forEach(v -> volumeStores.get(v.volid().substring(0, v.volid().indexOf(':'))).volumes.add(v));
            }
            boolean startAfter = "1".equals(p.get("start"));
            return m.fork(node, "vzcreate", String.valueOf(vmid), user, ok ? lines : lines.subList(0, 0), planned,
                    () -> {
                        c.config.remove("lock");
                        if (pool != null) {
                            m.pools().addVm(vmid, pool);
                        }
                        if (startAfter) {
                            forkStart(c, user);
                        }
                    },
                    () -> {
                        m.containers.remove(vmid);
                        volumeStores.values().forEach(s -> s.volumes.removeIf(v -> v.vmid() == vmid));
                    });
        }
    }

    static String ostypeOf(String file) {
        for (String os : List.of("debian", "ubuntu", "alpine", "centos", "fedora", "archlinux", "opensuse", "devuan",
                "gentoo", "nixos")) {
            if (file.startsWith(os)) {
                return os;
            }
        }
        return file.startsWith("rockylinux") || file.startsWith("almalinux") ? "centos" : "unmanaged";
    }

    /** Stores a net property string as pct does: name, bridge first, a generated hwaddr, type=veth. */
    String normalizeNet(String v) {
        Map<String, String> kv = new java.util.TreeMap<>();
        for (String part : v.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                kv.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        kv.putIfAbsent("hwaddr", m.randomMac());
        kv.putIfAbsent("type", "veth");
        StringBuilder sb = new StringBuilder();
        for (String first : List.of("name", "bridge")) {
            String x = kv.remove(first);
            if (x != null) {
                sb.append(sb.length() == 0 ? "" : ",").append(first).append('=').append(x);
            }
        }
        kv.forEach((k, x) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(x));
        return sb.toString();
    }

    /** Turns {@code STORAGE:SIZE[,opts]} into an allocated volume; keeps bind mounts and existing volumes. */
    private String allocate(String node, int vmid, String value, List<Volume> out, Map<String, Storage> stores,
            List<String> lines) {
        String[] parts = value.split(",", 2);
        String volume = parts[0].replaceFirst("^volume=", "");
        String rest = parts.length > 1 ? parts[1] : "";
        java.util.regex.Matcher mm = java.util.regex.Pattern.compile("^([^:\\s]+):(\\d+(\\.\\d+)?)$").matcher(volume);
        if (!mm.matches()) {
            return value;
        }
        Storage s = m.storage(node, mm.group(1));
        if (!s.content.contains("rootdir")) {
            throw PveError.die("storage '" + s.id + "' does not support container directories");
        }
        // create_disks: int(GiB * 1024) MiB
        long size = (long) (Double.parseDouble(mm.group(2)) * 1024) * 1024L * 1024L;
        // find_free_diskname: per storage, the lowest index no volume of this guest uses
        int disk = 0;
        while (diskNameUsed(s, out, vmid, disk)) {
            disk++;
        }
        String volid;
        String fmt = "raw";
        if ((s.type.equals("dir") || s.type.equals("nfs") || s.type.equals("cifs")) && size == 0) {
            volid = s.id + ":" + vmid + "/subvol-" + vmid + "-disk-" + disk + ".subvol";
            fmt = "subvol";
        } else if (s.type.equals("dir") || s.type.equals("nfs") || s.type.equals("cifs")) {
            volid = s.id + ":" + vmid + "/vm-" + vmid + "-disk-" + disk + ".raw";
        } else if (s.type.equals("zfspool")) {
            volid = s.id + ":subvol-" + vmid + "-disk-" + disk;
            fmt = "subvol";
        } else {
            volid = s.id + ":vm-" + vmid + "-disk-" + disk;
            if (s.type.startsWith("lvm")) {
                lines.add("  Logical volume \"vm-" + vmid + "-disk-" + disk + "\" created.");
            }
        }
        out.add(new Volume(volid, "rootdir", fmt, size, vmid, m.epoch()));
        stores.put(s.id, s);
        String opts = rest.isEmpty() ? "" : "," + rest.replaceAll("(^|,)size=[^,]*", "");
        return volid + opts + ",size=" + PveModel.sizeString(size);
    }

    /**
     * create_disks for one pending {@code STORAGE:SIZE} mount point of an existing container
     * (apply_pending_mountpoint): allocates the volume and returns the new property string.
     */
    String allocateMountPoint(Container c, String value) {
        List<Volume> made = new ArrayList<>();
        Map<String, Storage> stores = new LinkedHashMap<>();
        String out = allocate(c.node, c.vmid, value, made, stores, new ArrayList<>());
        made.forEach(v -> stores.get(v.volid().substring(0, v.volid().indexOf(':'))).volumes.add(v));
        return out;
    }

    private static boolean diskNameUsed(Storage s, List<Volume> pending, int vmid, int disk) {
        String name = "-" + vmid + "-disk-" + disk;
        java.util.function.Predicate<Volume> same = v -> v.volid().startsWith(s.id + ":")
                && (v.volid().contains("vm" + name) || v.volid().contains("subvol" + name)
                        || v.volid().contains("base" + name));
        return s.volumes.stream().anyMatch(same) || pending.stream().anyMatch(same);
    }

    // ---------------------------------------------------------------- power

    private String lockedExit(Container c, boolean ignoreMounted) {
        String lock = c.lock();
        if (lock == null || ignoreMounted && lock.equals("mounted")) {
            return "OK";
        }
        return "CT is locked (" + lock + ")";
    }

    private void checkSkiplock(String user, Map<String, String> p) {
        if ("1".equals(p.get("skiplock")) && !ROOT.equals(user)) {
            throw PveError.params(Map.of("skiplock", "Only root may use this option."));
        }
    }

    String forkStart(Container c, String user) {
        List<String> lines = new ArrayList<>();
        String exit = lockedExit(c, true);
        return m.fork(c.node, "vzstart", String.valueOf(c.vmid), user, lines, exit, () -> {
            if (m.containers.get(c.vmid) != c) {
                return;
            }
            PendingConfig.apply(m, c, null); // vm_start applies pending changes first
            c.status = "running";
            c.startedAt = m.epoch();
            c.ips.clear();
            for (Map.Entry<String, String> e : c.config.entrySet()) {
                if (e.getKey().matches("net\\d+")) {
                    java.util.regex.Matcher ip = java.util.regex.Pattern.compile("(?:^|,)ip=([^,]+)").matcher(e.getValue());
                    if (ip.find()) {
                        String v = ip.group(1);
                        if (v.equals("dhcp")) {
                            c.ips.add(m.randomIp());
                        } else if (!v.equals("manual")) {
                            c.ips.add(v);
                        }
                    }
                }
            }
        }, () -> { });
    }

    /** {@code POST .../status/start}. */
    public String start(String node, int vmid, String user, Map<String, String> p) {
        synchronized (m) {
            m.advance();
            m.requireNode(node);
            checkSkiplock(user, p);
            Container c = m.containers.get(vmid);
            if (c == null || !c.node.equals(node)) {
                // vm_start: check_running is false, the worker's load_config dies
                return m.fork(node, "vzstart", String.valueOf(vmid), user, List.of(), "Configuration file 'nodes/"
                        + node + "/lxc/" + vmid + ".conf' does not exist", () -> { }, () -> { });
            }
            if (c.status.equals("running")) {
                throw PveError.die("CT " + vmid + " already running");
            }
            if ("1".equals(c.config.get("template"))) {
                // checked inside the worker, after lock_config
                return m.fork(node, "vzstart", String.valueOf(vmid), user, List.of(),
                        "you can't start a CT if it's a template", () -> { }, () -> { });
            }
            return forkStart(c, user);
        }
    }

    /** {@code POST .../status/stop|shutdown|reboot} ({@code type}: vzstop, vzshutdown, vzreboot). */
    public String stop(String node, int vmid, String user, Map<String, String> p, String type) {
        synchronized (m) {
            m.advance();
            m.requireNode(node);
            if (!type.equals("vzreboot")) {
                checkSkiplock(user, p);
            }
            Container c = m.containers.get(vmid);
            if (c == null || !c.node.equals(node) || !c.status.equals("running")) {
                // check_running before any config is loaded; vm_reboot says VM
                throw PveError.die((type.equals("vzreboot") ? "VM " : "CT ") + vmid + " not running");
            }
            // vm_reboot does not check the config lock; stop ignores 'mounted'; all inside the worker
            String exit = type.equals("vzreboot") ? "OK" : lockedExit(c, !type.equals("vzshutdown"));
            List<String> lines = new ArrayList<>();
            if (type.equals("vzreboot")) {
                return m.fork(node, type, String.valueOf(vmid), user, lines, exit, () -> {
                    c.startedAt = m.epoch();
                }, () -> { });
            }
            return m.fork(node, type, String.valueOf(vmid), user, lines, exit, () -> {
                c.status = "stopped";
                c.ips.clear();
                PendingConfig.apply(m, c, null); // lxc-pve-poststop-hook
            }, () -> { });
        }
    }

    /** {@code DELETE /nodes/{node}/lxc/{vmid}}: a {@code vzdestroy} task holding lock {@code destroyed}. */
    public String destroy(String node, int vmid, String user, Map<String, String> p) {
        synchronized (m) {
            m.advance();
            Container c = m.container(node, vmid);
            // destroy_vm's early checks: check_protection, then check_lock
            if ("1".equals(c.config.get("protection"))) {
                throw PveError.die("can't remove CT " + vmid + " - protection mode enabled");
            }
            if (c.lock() != null) {
                throw PveError.die("CT is locked (" + c.lock() + ")");
            }
            boolean force = "1".equals(p.get("force"));
            if (c.status.equals("running") && !force) {
                throw PveError.die("unable to destroy CT " + vmid + " - container is running");
            }
            c.config.put("lock", "destroyed");
            List<String> lines = new ArrayList<>();
            for (Map.Entry<String, String> e : c.config.entrySet()) {
                if (e.getKey().equals("rootfs") || e.getKey().matches("mp\\d+")) {
                    String vol = e.getValue().split(",")[0];
                    if (!vol.startsWith("/")) {
                        lines.add("  Logical volume \"" + vol.substring(vol.indexOf(':') + 1) + "\" successfully removed.");
                    }
                }
            }
            if ("1".equals(p.get("purge"))) {
                lines.add("purging CT " + vmid + " from related configurations..");
            }
            // destroy_lxc_container frees the volumes the config references; others only with
            // destroy-unreferenced-disks
            java.util.Set<String> referenced = new java.util.HashSet<>();
            c.config.forEach((k, v) -> {
                if (k.equals("rootfs") || k.matches("mp\\d+") || k.matches("unused\\d+")) {
                    referenced.add(v.split(",")[0]);
                }
            });
            boolean unreferenced = "1".equals(p.get("destroy-unreferenced-disks"));
            return m.fork(node, "vzdestroy", String.valueOf(vmid), user, lines, "OK", () -> {
                m.containers.remove(vmid);
                m.pools().removeVm(vmid);
                m.inv.storages.get(node).values().forEach(s -> s.volumes.removeIf(v -> v.vmid() == vmid
                        && v.content().equals("rootdir") && (unreferenced || referenced.contains(v.volid()))));
            }, () -> c.config.remove("lock"));
        }
    }

    // ---------------------------------------------------------------- clone / template

    /**
     * {@code POST .../clone}: a {@code vzclone} task; the source holds lock {@code disk} and the
     * new container lock {@code create} until it ends (so a second clone of the same source fails).
     */
    public String cloneContainer(String node, int vmid, String user, Map<String, String> p) {
        synchronized (m) {
            m.advance();
            Container src = m.container(node, vmid);
            int newid = Integer.parseInt(p.get("newid"));
            if (src.lock() != null) {
                throw PveError.die("CT is locked (" + src.lock() + ")");
            }
            Container existing = m.containers.get(newid);
            if (existing != null) {
                throw PveError.die("CT " + newid + " already exists on node '" + existing.node + "'");
            }
            String target = p.getOrDefault("target", node);
            m.requireNode(target);
            boolean template = "1".equals(src.config.get("template"));
            boolean full = p.containsKey("full") ? "1".equals(p.get("full")) : !template;
            if (!template && !full) {
                throw PveError.params(Map.of("full", "linked clone feature for 'rootfs' is not available"));
            }
            if (!full && p.containsKey("storage")) {
                throw PveError.params(Map.of("storage", "cannot set storage for linked clone"));
            }
            Container c = new Container(newid, target);
            src.config.forEach((k, v) -> {
                if (!k.equals("lock") && !k.equals("template") && !k.matches("unused\\d+")) {
                    c.config.put(k, v);
                }
            });
            c.rawLxc.addAll(src.rawLxc);
            if (p.containsKey("hostname")) {
                c.config.put("hostname", p.get("hostname"));
            }
            if (p.containsKey("description")) {
                c.config.put("description", p.get("description"));
            }
            List<Volume> newVolumes = new ArrayList<>();
            for (Map.Entry<String, String> e : new ArrayList<>(c.config.entrySet())) {
                if (!e.getKey().equals("rootfs") && !e.getKey().matches("mp\\d+")) {
                    continue;
                }
                String[] parts = e.getValue().split(",", 2);
                if (parts[0].startsWith("/")) {
                    continue;
                }
                String storeId = full && p.containsKey("storage") ? p.get("storage") : parts[0].substring(0, parts[0].indexOf(':'));
                Storage s = m.storage(target, storeId);
                long size = rootSizeOf(e.getValue());
                String volid = storeId + ":" + (full ? "" : "base-" + vmid + "-disk-0/") + "vm-" + newid + "-disk-"
                        + newVolumes.size();
                newVolumes.add(new Volume(volid, "rootdir", "raw", full ? size : 0, newid, m.epoch()));
                c.config.put(e.getKey(), volid + (parts.length > 1 ? "," + parts[1] : ""));
                if (full && s.avail() < size) {
                    throw PveError.die("unable to clone - not enough free space on storage '" + storeId + "'");
                }
            }
            for (Map.Entry<String, String> e : new ArrayList<>(c.config.entrySet())) {
                if (e.getKey().matches("net\\d+")) {
                    e.setValue(e.getValue().replaceAll("hwaddr=[^,]*", "hwaddr=" + m.randomMac()));
                }
            }
            c.config.put("lock", "create");
            src.config.put("lock", "disk");
            m.containers.put(newid, c);
            newVolumes.forEach(v -> m.storage(target, v.volid().substring(0, v.volid().indexOf(':'))).volumes.add(v));
            List<String> lines = List.of("create " + (full ? "full" : "linked") + " clone of mountpoint rootfs ("
                    + src.config.get("rootfs").split(",")[0] + ")");
            return m.fork(node, "vzclone", String.valueOf(vmid), user, lines, "OK", () -> {
                src.config.remove("lock");
                c.config.remove("lock");
            }, () -> {
                src.config.remove("lock");
                m.containers.remove(newid);
                m.inv.storages.get(target).values().forEach(s -> s.volumes.removeIf(v -> v.vmid() == newid));
            });
        }
    }

    private static long rootSizeOf(String value) {
        java.util.regex.Matcher mm = java.util.regex.Pattern.compile("size=(\\d+)([GM])").matcher(value);
        return mm.find() ? Long.parseLong(mm.group(1)) * (mm.group(2).equals("G") ? PveModel.GIB : 1024 * 1024) : 0;
    }

    /** {@code POST .../template}: converts a stopped container; the worker's UPID is discarded (returns null). */
    public void convertToTemplate(String node, int vmid, String user) {
        synchronized (m) {
            m.advance();
            Container c = m.container(node, vmid);
            if (c.lock() != null) {
                throw PveError.die("CT is locked (" + c.lock() + ")");
            }
            if ("1".equals(c.config.get("template"))) {
                throw PveError.die("you can't convert a template to a template");
            }
            if (c.status.equals("running")) {
                throw PveError.die("you can't convert a CT to template if the CT is running");
            }
            m.fork(node, "vztemplate", String.valueOf(vmid), user, List.of(), "OK", () -> {
                c.config.put("template", "1");
                // volumes of templates are renamed base-<vmid>-disk-N, as pct does
                String from = "vm-" + vmid + "-disk-";
                String to = "base-" + vmid + "-disk-";
                c.config.replaceAll((k, v) -> k.equals("rootfs") || k.matches("mp\\d+") ? v.replace(from, to) : v);
                m.inv.storages.get(node).values().forEach(st -> st.volumes.replaceAll(v -> v.vmid() == vmid
                        ? new Volume(v.volid().replace(from, to), v.content(), v.format(), v.size(), v.vmid(), v.ctime())
                        : v));
            }, () -> { });
        }
    }

    // ---------------------------------------------------------------- config

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

    /** {@code PUT .../config}: synchronous; checks lock, digest and root-only keys. */
    public void updateConfig(String node, int vmid, String user, Map<String, String> p,
            java.util.function.Predicate<String> knownOption) {
        synchronized (m) {
            m.advance();
            Container c = m.container(node, vmid);
            Map<String, String> changes = new LinkedHashMap<>(p);
            changes.remove("node");
            changes.remove("vmid");
            String digest = changes.remove("digest");
            String delete = changes.remove("delete");
            String revert = changes.remove("revert");
            if (changes.isEmpty() && delete == null && revert == null) {
                throw PveError.die("no options specified");
            }
            if (c.lock() != null) {
                throw PveError.die("CT is locked (" + c.lock() + ")");
            }
            if (digest != null && !digest.equals(PveModel.digest(c))) {
                throw PveError.die("detected modified configuration - file changed by other user? Try again.");
            }
            boolean unprivileged = "1".equals(c.config.get("unprivileged"));
            List<String> toDelete = splitList(delete);
            List<String> toRevert = splitList(revert);
            // API2/LXC/Config.pm update_vm: permissions of deleted, then reverted, options first
            ConfigPermissions.check(m.acl(), user, vmid, null, c.config, Map.of(), toDelete, unprivileged);
            ConfigPermissions.check(m.acl(), user, vmid, null, c.config, Map.of(), toRevert, unprivileged);
            for (String r : toRevert) {
                if (!knownOption.test(r)) {
                    throw PveError.params(Map.of("revert", "unknown option '" + r + "'"));
                }
                if (changes.containsKey(r)) {
                    throw PveError.params(Map.of("revert", "you can't use '-" + r + "' and '-revert " + r
                            + "' at the same time"));
                }
            }
            for (String d : toDelete) {
                if (!knownOption.test(d)) {
                    throw PveError.params(Map.of("delete", "unknown option '" + d + "'"));
                }
                if (changes.containsKey(d)) {
                    // sic: Proxmox's text lacks the quote before -delete
                    throw PveError.params(Map.of("delete", "you can't use '-" + d + "' and -delete " + d
                            + "' at the same time"));
                }
                if (toRevert.contains(d)) {
                    throw PveError.params(Map.of("delete", "you can't use '-delete " + d + "' and '-revert " + d
                            + "' at the same time"));
                }
            }
            ConfigPermissions.check(m.acl(), user, vmid, null, c.config, changes, List.of(), unprivileged);
            changes.replaceAll((k, v) -> k.matches("net\\d+") ? normalizeNet(v) : v);
            PendingConfig.update(m, c, changes, toDelete, toRevert);
        }
    }

    /** {@code GET .../pending}: the config with pending values and deletions ({@code config_with_pending_array}). */
    public List<Map<String, Object>> pending(String node, int vmid) {
        synchronized (m) {
            m.advance();
            return PendingConfig.pendingArray(m.container(node, vmid));
        }
    }

    /** PVE::Tools::split_list. */
    private static List<String> splitList(String list) {
        List<String> out = new ArrayList<>();
        if (list != null) {
            for (String d : list.split("[,;\\s\\x00]+")) {
                if (!d.isEmpty()) {
                    out.add(d);
                }
            }
        }
        return out;
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
