package io.github.proxmoxlxc.testkit.internal.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backups after pve-manager's {@code API2/VZDump.pm} and {@code VZDump.pm}, pve-storage's content
 * delete and prune ({@code prune_mark_backup_group}), and the restore branch of pve-container's
 * create ({@code restore=1}). The model's clock is UTC, so Proxmox's localtime buckets are UTC days.
 */
public final class BackupOps {
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy_MM_dd-HH_mm_ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern STD_NAME = Pattern.compile(
            "vzdump-lxc-(\\d+)-(\\d{4}_\\d{2}_\\d{2}-\\d{2}_\\d{2}_\\d{2})\\.tar(\\.(gz|lzo|zst))?$");

    private final PveModel m;

    BackupOps(PveModel model) {
        this.m = model;
    }

    /** Extra attributes of a backup volume: notes, protected, and the config it holds. */
    static final class Meta {
        String notes;
        boolean protect;
        final Map<String, String> config = new LinkedHashMap<>();
        final List<String[]> rawLxc = new ArrayList<>();
    }

    // ---------------------------------------------------------------- vzdump

    /** {@code POST /nodes/{node}/vzdump}: one {@code vzdump} task backing up every listed local container. */
    public String vzdump(String node, String user, Map<String, String> p) {
        synchronized (m) {
            m.advance();
            m.requireNode(node);
            List<Integer> vmids = new ArrayList<>();
            boolean all = "1".equals(p.get("all"));
            if (all) {
                m.containers.values().stream().filter(c -> c.node.equals(node)).forEach(c -> vmids.add(c.vmid));
                if (p.containsKey("exclude")) {
                    for (String x : p.get("exclude").split("[,;\\s]+")) {
                        vmids.remove(Integer.valueOf(x));
                    }
                }
            } else if (p.containsKey("vmid")) {
                for (String x : p.get("vmid").split("[,;\\s]+")) {
                    if (!x.isEmpty()) {
                        vmids.add(Integer.parseInt(x));
                    }
                }
            } else {
                throw PveError.params(Map.of("vmid", "property is missing and it is not optional"));
            }
            List<Integer> local = new ArrayList<>();
            for (int id : vmids) {
                Container c = m.containers.get(id);
                if (c == null || c.node.equals(node)) {
                    local.add(id);
                }
            }
            if (local.isEmpty() && !all) {
                return "OK"; // pve-manager: silent exit if the guests run on other nodes
            }
            String storeId = p.getOrDefault("storage", "local");
            Storage store = m.inv.storages.get(node).get(storeId);
            String mode = p.getOrDefault("mode", "snapshot");
            String compress = p.getOrDefault("compress", "0");
            String ext = switch (compress) {
                case "1", "lzo" -> ".tar.lzo";
                case "gzip" -> ".tar.gz";
                case "zstd" -> ".tar.zst";
                default -> ".tar";
            };
            List<String> lines = new ArrayList<>();
            lines.add("INFO: starting new backup job: vzdump " + cmdline(local, all, p, node));
            String exit = "OK";
            if (store == null) {
                exit = "storage '" + storeId + "' does not exist";
            } else if (!store.content.contains("backup")) {
                exit = "can't use storage '" + storeId + "' for backups - wrong content type";
            }
            Map<Container, String> planned = new LinkedHashMap<>();
            Map<String, Meta> metas = new LinkedHashMap<>();
            List<Volume> made = new ArrayList<>();
            int errors = 0;
            long now = m.epoch();
            for (int id : exit.equals("OK") ? local : List.<Integer>of()) {
                Container c = m.containers.get(id);
                if (c == null) {
                    lines.add("ERROR: Backup of VM " + id + " failed - unable to find VM '" + id + "'");
                    errors++;
                    continue;
                }
                lines.add("INFO: Starting Backup of VM " + id + " (lxc)");
                lines.add("INFO: Backup started at " + LOG_TIME.format(Instant.ofEpochSecond(now)));
                lines.add("INFO: status = " + c.status);
                if (c.lock() != null) {
                    lines.add("ERROR: Backup of VM " + id + " failed - CT is locked (" + c.lock() + ")");
                    lines.add("INFO: Failed at " + LOG_TIME.format(Instant.ofEpochSecond(now)));
                    errors++;
                    continue;
                }
                lines.add("INFO: CT Name: " + c.hostname());
                lines.add("INFO: including mount point rootfs ('/') in backup");
                String used = mode;
                if (mode.equals("snapshot") && !m.snapshots().snapshotCapable(c)) {
                    lines.add("INFO: mode failure - some volumes do not support snapshots");
                    lines.add("INFO: trying 'suspend' mode instead");
                    used = "suspend";
                }
                lines.add("INFO: backup mode: " + used);
                lines.add("INFO: ionice priority: 7");
                if (used.equals("snapshot")) {
                    lines.add("INFO: create storage snapshot 'vzdump'");
                } else if (used.equals("stop") && c.status.equals("running")) {
                    lines.add("INFO: stopping virtual guest");
                }
                long t = now;
                String volid;
                do {
                    volid = storeId + ":backup/vzdump-lxc-" + id + "-" + FILE_TIME.format(Instant.ofEpochSecond(t)) + ext;
                    t++;
                } while (exists(store, volid, made));
                String file = volid.substring(volid.indexOf('/') + 1);
                lines.add("INFO: creating vzdump archive '/var/lib/vz/dump/" + file + "'");
                long size = Math.max(1L << 20, ContainerViews.rootSize(c) / 10);
                lines.add("INFO: Total bytes written: " + size + " (" + (size >> 20) + "MiB, 180MiB/s)");
                lines.add("INFO: archive file size: " + (size >> 20) + "MB");
                Meta meta = new Meta();
                meta.config.putAll(c.config);
                meta.config.remove("lock");
                meta.config.remove("parent");
                meta.rawLxc.addAll(c.rawLxc);
                if (p.containsKey("notes-template")) {
                    lines.add("INFO: adding notes to backup");
                    meta.notes = notes(p.get("notes-template"), c, node);
                }
                if ("1".equals(p.get("protected"))) {
                    lines.add("INFO: marking backup as protected");
                    meta.protect = true;
                }
                if (used.equals("snapshot")) {
                    lines.add("INFO: cleanup temporary 'vzdump' snapshot");
                } else if (used.equals("stop") && c.status.equals("running")) {
                    lines.add("INFO: restarting vm");
                }
                lines.add("INFO: Finished Backup of VM " + id + " (00:00:05)");
                lines.add("INFO: Backup finished at " + LOG_TIME.format(Instant.ofEpochSecond(now)));
                made.add(new Volume(volid, "backup", ext.substring(1), size, id, t - 1));
                metas.put(volid, meta);
                planned.put(c, c.lock());
            }
            if (exit.equals("OK")) {
                lines.add(errors == 0 ? "INFO: Backup job finished successfully" : "INFO: Backup job finished with errors");
                if (errors > 0) {
                    exit = "job errors";
                }
            }
            // every guest of the job holds the 'backup' lock while the job runs
            planned.keySet().forEach(c -> c.config.put("lock", "backup"));
            String taskId = local.size() == 1 ? String.valueOf(local.get(0)) : "";
            Storage target = store;
            int failedGuests = errors;
            return m.fork(node, "vzdump", taskId, user, lines, exit, () -> {
                planned.keySet().forEach(c -> c.config.remove("lock"));
                made.forEach(v -> target.volumes.add(v));
                m.backupMeta.putAll(metas);
            }, () -> {
                // a failed job removes the partial archives and the locks it took
                planned.keySet().forEach(c -> c.config.remove("lock"));
                if (failedGuests > 0) {
                    made.forEach(v -> target.volumes.add(v));
                    m.backupMeta.putAll(metas);
                }
            });
        }
    }

    private static boolean exists(Storage s, String volid, List<Volume> made) {
        return s.volumes.stream().anyMatch(v -> v.volid().equals(volid)) || made.stream().anyMatch(v -> v.volid().equals(volid));
    }

    private static String cmdline(List<Integer> vmids, boolean all, Map<String, String> p, String node) {
        StringBuilder sb = new StringBuilder(all ? "--all 1" : String.join(" ", vmids.stream().map(String::valueOf).toList()));
        for (String k : List.of("mode", "storage", "compress", "notes-template", "protected", "prune-backups")) {
            if (p.containsKey(k)) {
                String v = p.get(k);
                sb.append(" --").append(k).append(' ').append(v.matches("[\\w.:=,-]+") ? v : "'" + v + "'");
            }
        }
        return sb.append(" --node ").append(node).toString();
    }

    /** pve-manager's notes template: {{cluster}}, {{guestname}}, {{node}}, {{vmid}}; \n and \\ escapes. */
    static String notes(String template, Container c, String node) {
        return template.replace("{{guestname}}", c.hostname()).replace("{{vmid}}", String.valueOf(c.vmid))
                .replace("{{node}}", node).replace("{{cluster}}", "testkit").replace("\\n", "\n").replace("\\\\", "\\");
    }

    /** Adds an existing backup of a container (for tests of listing and pruning). */
    public String addBackup(String node, String storage, int vmid, long ctime, boolean protect, String notes) {
        synchronized (m) {
            return addBackupLocked(node, storage, vmid, ctime, protect, notes);
        }
    }

    private String addBackupLocked(String node, String storage, int vmid, long ctime, boolean protect, String notes) {
        Storage s = m.storage(node, storage);
        String volid = storage + ":backup/vzdump-lxc-" + vmid + "-" + FILE_TIME.format(Instant.ofEpochSecond(ctime))
                + ".tar.zst";
        s.volumes.add(new Volume(volid, "backup", "tar.zst", 200L << 20, vmid, ctime));
        Meta meta = new Meta();
        meta.protect = protect;
        meta.notes = notes;
        Container c = m.containers.get(vmid);
        if (c != null) {
            meta.config.putAll(c.config);
            meta.config.remove("lock");
        } else {
            meta.config.put("arch", "amd64");
            meta.config.put("hostname", "CT" + vmid);
            meta.config.put("memory", "512");
            meta.config.put("ostype", "debian");
            meta.config.put("rootfs", "local-lvm:vm-" + vmid + "-disk-0,size=4G");
            meta.config.put("swap", "512");
        }
        m.backupMeta.put(volid, meta);
        return volid;
    }

    /** The listing fields a backup adds: subtype, notes, protected. */
    static void describe(PveModel m, Volume v, Map<String, Object> r) {
        if (!v.content().equals("backup")) {
            return;
        }
        r.put("subtype", "lxc");
        Meta meta = m.backupMeta.get(v.volid());
        if (meta != null && meta.notes != null) {
            r.put("notes", meta.notes.lines().findFirst().orElse(""));
        }
        if (meta != null && meta.protect) {
            r.put("protected", 1);
        }
    }

    // ---------------------------------------------------------------- remove

    /** {@code DELETE .../storage/{storage}/content/{volume}}: an {@code imgdel} task. */
    public String remove(String node, String storage, String volume, String user) {
        synchronized (m) {
            m.advance();
            String volid = volume.contains(":") ? volume : storage + ":" + volume;
            Storage s = m.storage(node, volid.substring(0, volid.indexOf(':')));
            Volume v = s.volumes.stream().filter(x -> x.volid().equals(volid)).findFirst().orElse(null);
            String owner = v != null && v.vmid() != 0 ? v.vmid() + "@" : "";
            if (v == null) {
                return m.fork(node, "imgdel", owner + s.id, user, List.of(), "volume '" + volid + "' does not exist",
                        () -> { }, () -> { });
            }
            Meta meta = m.backupMeta.get(volid);
            if (meta != null && meta.protect) {
                String volname = volid.substring(volid.indexOf(':') + 1);
                return m.fork(node, "imgdel", owner + s.id, user, List.of(),
                        "cannot remove protected volume '" + volname + "' on '" + s.id + "'", () -> { }, () -> { });
            }
            return m.fork(node, "imgdel", owner + s.id, user, List.of("Removed volume '" + volid + "'"), "OK", () -> {
                s.volumes.remove(v);
                m.backupMeta.remove(volid);
            }, () -> { });
        }
    }

    // ---------------------------------------------------------------- prune

    /** {@code GET .../prunebackups}: the marks a prune would set (dry run). */
    public List<Map<String, Object>> pruneList(String node, String storage, String keep, Integer vmid) {
        synchronized (m) {
            m.advance();
            return mark(node, storage, keep, vmid);
        }
    }

    /** {@code DELETE .../prunebackups}: a {@code prunebackups} task removing what is marked {@code remove}. */
    public String prune(String node, String storage, String keep, Integer vmid, String user) {
        synchronized (m) {
            m.advance();
            List<Map<String, Object>> marks = mark(node, storage, keep, vmid);
            Storage s = m.storage(node, storage);
            List<String> lines = new ArrayList<>();
            Set<String> remove = new HashSet<>();
            for (Map<String, Object> e : marks) {
                if ("remove".equals(e.get("mark"))) {
                    String volid = (String) e.get("volid");
                    lines.add("info: removing backup '" + volid + "'");
                    remove.add(volid);
                }
            }
            String id = (vmid == null ? "" : vmid + "@") + storage;
            return m.fork(node, "prunebackups", id, user, lines, "OK", () -> {
                s.volumes.removeIf(v -> remove.contains(v.volid()));
                remove.forEach(m.backupMeta::remove);
            }, () -> { });
        }
    }

    private List<Map<String, Object>> mark(String node, String storage, String keep, Integer vmid) {
        Storage s = m.storage(node, storage);
        if (!s.content.contains("backup")) {
            throw PveError.die("storage '" + storage + "' does not support backups");
        }
        if (keep == null) {
            throw PveError.die("no prune-backups options configured for storage '" + storage + "'");
        }
        Map<String, Integer> k = new LinkedHashMap<>();
        for (String part : keep.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2) {
                k.put(kv[0].trim(), Integer.parseInt(kv[1].trim()));
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (Volume v : s.volumes) {
            if (!v.content().equals("backup") || vmid != null && v.vmid() != vmid) {
                continue;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("volid", v.volid());
            e.put("type", "lxc");
            e.put("ctime", v.ctime());
            e.put("vmid", v.vmid());
            Matcher mm = STD_NAME.matcher(v.volid());
            if (mm.find()) {
                e.put("ctime", LocalDateTime.parse(mm.group(2), DateTimeFormatter.ofPattern("yyyy_MM_dd-HH_mm_ss"))
                        .toEpochSecond(ZoneOffset.UTC));
                groups.computeIfAbsent("lxc/" + v.vmid(), x -> new ArrayList<>()).add(e);
            } else {
                e.put("mark", "renamed");
            }
            Meta meta = m.backupMeta.get(v.volid());
            if (meta != null && meta.protect) {
                e.put("mark", "protected");
            }
            out.add(e);
        }
        groups.values().forEach(g -> markGroup(g, k));
        return out;
    }

    /** pve-storage's prune_mark_backup_group. */
    static void markGroup(List<Map<String, Object>> group, Map<String, Integer> keep) {
        boolean any = keep.entrySet().stream().anyMatch(e -> !e.getKey().equals("keep-all") && e.getValue() > 0);
        if (keep.getOrDefault("keep-all", 0) > 0 || !any) {
            group.forEach(e -> {
                if (e.get("mark") == null || "remove".equals(e.get("mark"))) {
                    e.put("mark", "keep");
                }
            });
            return;
        }
        List<Map<String, Object>> list = new ArrayList<>(group);
        list.sort(Comparator.comparingLong((Map<String, Object> e) -> (Long) e.get("ctime")).reversed());
        markBy(list, keep.get("keep-last"), t -> Long.toString(t));
        markBy(list, keep.get("keep-hourly"), t -> utc(t).withMinute(0).withSecond(0).toString());
        markBy(list, keep.get("keep-daily"), t -> utc(t).toLocalDate().toString());
        markBy(list, keep.get("keep-weekly"), t -> utc(t).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + "/"
                + utc(t).get(IsoFields.WEEK_BASED_YEAR));
        markBy(list, keep.get("keep-monthly"), t -> utc(t).getMonthValue() + "/" + utc(t).getYear());
        markBy(list, keep.get("keep-yearly"), t -> Integer.toString(utc(t).getYear()));
        list.forEach(e -> e.putIfAbsent("mark", "remove"));
    }

    private static LocalDateTime utc(long t) {
        return LocalDateTime.ofEpochSecond(t, 0, ZoneOffset.UTC);
    }

    private static void markBy(List<Map<String, Object>> list, Integer count, Function<Long, String> id) {
        if (count == null || count == 0) {
            return;
        }
        Set<String> already = new HashSet<>();
        for (Map<String, Object> e : list) {
            if ("keep".equals(e.get("mark"))) {
                already.add(id.apply((Long) e.get("ctime")));
            }
        }
        Set<String> newly = new TreeSet<>();
        for (Map<String, Object> e : list) {
            String key = id.apply((Long) e.get("ctime"));
            if (e.get("mark") != null || already.contains(key)) {
                continue;
            }
            if (!newly.contains(key)) {
                if (newly.size() >= count) {
                    break;
                }
                newly.add(key);
                e.put("mark", "keep");
            } else {
                e.put("mark", "remove");
            }
        }
    }

    // ---------------------------------------------------------------- restore

    /** {@code POST /nodes/{node}/lxc} with {@code restore=1}: a {@code vzrestore} task holding lock {@code create}. */
    public String restore(String node, String user, Map<String, String> p) {
        synchronized (m) {
            m.advance();
            m.requireNode(node);
            int vmid = Integer.parseInt(p.get("vmid"));
            boolean force = "1".equals(p.get("force"));
            Container existing = m.containers.get(vmid);
            if (existing != null && !force) {
                throw PveError.die("CT " + vmid + " already exists on node '" + existing.node + "'");
            }
            if (existing != null) {
                if (!existing.node.equals(node)) {
                    throw PveError.die("CT " + vmid + " already exists on node '" + existing.node + "'");
                }
                if (existing.status.equals("running")) {
                    throw PveError.die("can't overwrite running container");
                }
                if ("1".equals(existing.config.get("protection"))) {
                    throw PveError.die("unable to restore CT " + vmid + " - protection mode enabled");
                }
                if (existing.lock() != null) {
                    throw PveError.die("unable to restore CT " + vmid + " - CT is locked (" + existing.lock() + ")");
                }
            }
            String archive = p.get("ostemplate");
            int colon = archive.indexOf(':');
            if (colon < 0) {
                throw PveError.die("Only root can pass arbitrary filesystem paths.");
            }
            Storage src = m.storage(node, archive.substring(0, colon));
            Volume backup = src.volumes.stream().filter(v -> v.volid().equals(archive)).findFirst().orElse(null);
            if (backup == null) {
                throw PveError.die("volume '" + archive + "' does not exist");
            }
            Meta meta = m.backupMeta.getOrDefault(archive, new Meta());
            String storage = p.get("storage");
            Container c = existing != null ? existing : new Container(vmid, node);
            List<String> lines = new ArrayList<>();
            lines.add("recovering backed-up configuration from '" + archive + "'");
            Map<String, String> conf = new LinkedHashMap<>(meta.config);
            List<Volume> newVolumes = new ArrayList<>();
            Map<String, Storage> stores = new HashMap<>();
            String planned = "OK";
            for (Map.Entry<String, String> e : new ArrayList<>(conf.entrySet())) {
                if (!e.getKey().equals("rootfs") && !e.getKey().matches("mp\\d+")) {
                    continue;
                }
                String[] parts = e.getValue().split(",", 2);
                if (parts[0].startsWith("/")) {
                    continue;
                }
                String storeId = storage != null ? storage : parts[0].substring(0, parts[0].indexOf(':'));
                Storage s = m.storage(node, storeId);
                if (!s.content.contains("rootdir")) {
                    throw PveError.die("storage '" + storeId + "' does not support container directories");
                }
                long size = sizeOf(e.getValue());
                String volid = storeId + ":vm-" + vmid + "-disk-" + newVolumes.size();
                if (s.type.equals("dir") || s.type.equals("nfs") || s.type.equals("cifs")) {
                    volid = storeId + ":" + vmid + "/vm-" + vmid + "-disk-" + newVolumes.size() + ".raw";
                } else if (s.type.equals("zfspool")) {
                    volid = storeId + ":subvol-" + vmid + "-disk-" + newVolumes.size();
                }
                if (s.type.startsWith("lvm")) {
                    lines.add("  Logical volume \"vm-" + vmid + "-disk-" + newVolumes.size() + "\" created.");
                }
                newVolumes.add(new Volume(volid, "rootdir", "raw", size, vmid, m.epoch()));
                stores.put(volid, s);
                if (s.avail() < size) {
                    planned = String.format(Locale.ROOT, "unable to restore CT %d - not enough free space on storage "
                            + "'%s' (requested %.2f GiB, available %.2f GiB)", vmid, s.id, size / (double) PveModel.GIB,
                            s.avail() / (double) PveModel.GIB);
                }
                conf.put(e.getKey(), volid + (parts.length > 1 ? "," + parts[1] : ""));
            }
            lines.add("restoring '" + archive + "' now..");
            lines.add("extracting archive '/var/lib/vz/dump/" + archive.substring(archive.indexOf('/') + 1) + "'");
            lines.add("Total bytes read: " + backup.size() * 3 + " (" + (backup.size() * 3 >> 20) + "MiB, 210MiB/s)");
            lines.add("Detected container architecture: " + conf.getOrDefault("arch", "amd64"));
            lines.add("merging backed-up and given configuration..");
            for (Map.Entry<String, String> e : p.entrySet()) {
                String k = e.getKey();
                if (!PveModel.NOT_STORED.contains(k) && !k.equals("rootfs") && !k.matches("mp\\d+")) {
                    conf.put(k, k.matches("net\\d+") ? m.containers().normalizeNet(e.getValue()) : e.getValue());
                }
            }
            if ("1".equals(p.get("unique"))) {
                conf.replaceAll((k, v) -> k.matches("net\\d+") ? v.replaceAll("hwaddr=[^,]*", "hwaddr=" + m.randomMac()) : v);
            }
            // the old volumes go before the archive is extracted: from here a failure loses the container
            List<String> oldVolids = new ArrayList<>();
            if (existing != null) {
                existing.config.forEach((k, v) -> {
                    if (k.equals("rootfs") || k.matches("mp\\d+")) {
                        oldVolids.add(v.split(",")[0]);
                    }
                });
            }
            c.config.put("lock", "create");
            m.containers.put(vmid, c);
            boolean ok = planned.equals("OK");
            List<Volume> added = ok ? newVolumes : List.of();
            m.inv.storages.get(node).values().forEach(s -> s.volumes.removeIf(v -> oldVolids.contains(v.volid())));
            added.forEach(v -> stores.get(v.volid()).volumes.add(v));
            List<String> taskLines = ok ? lines : lines.subList(0, 1);
            return m.fork(node, "vzrestore", String.valueOf(vmid), user, taskLines, planned, () -> {
                c.config.clear();
                c.config.putAll(conf);
                c.rawLxc.clear();
                c.rawLxc.addAll(meta.rawLxc);
                c.snapshots.clear();
                c.status = "stopped";
                if ("1".equals(p.get("start"))) {
                    m.containers().forkStart(c, user);
                }
            }, () -> {
                m.containers.remove(vmid);
                m.inv.storages.get(node).values().forEach(s -> s.volumes.removeIf(v -> v.vmid() == vmid
                        && v.content().equals("rootdir")));
            });
        }
    }

    private static long sizeOf(String value) {
        Matcher mm = Pattern.compile("size=(\\d+)([GMT])").matcher(value);
        if (!mm.find()) {
            return 4 * PveModel.GIB;
        }
        long n = Long.parseLong(mm.group(1));
        return switch (mm.group(2)) {
            case "T" -> n * 1024 * PveModel.GIB;
            case "G" -> n * PveModel.GIB;
            default -> n * 1024 * 1024;
        };
    }
}
