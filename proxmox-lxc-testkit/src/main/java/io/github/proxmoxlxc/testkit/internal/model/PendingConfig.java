package io.github.proxmoxlxc.testkit.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code [pve:pending]} section of a container config, after pve-container's
 * {@code PVE::LXC::Config} ({@code update_pct_config}, {@code vmconfig_hotplug_pending},
 * {@code vmconfig_apply_pending}) and pve-guest-common's {@code AbstractConfig} pending helpers.
 * Every change is written to pending first; a stopped container applies it at once, a running one
 * hot-plugs what it can and keeps the rest until the next stop or start. Callers hold the model lock.
 */
final class PendingConfig {

    /** {@code $LXC_FASTPLUG_OPTIONS}: moved from pending into the config even while running. */
    static final Set<String> FASTPLUG = Set.of("description", "onboot", "startup", "protection", "hostname",
            "hookscript", "cores", "tags", "lock");

    private PendingConfig() {
    }

    /**
     * {@code update_pct_config}: revert, queue deletions, write changes to pending, then hot-plug
     * (running) or apply (stopped). All or nothing: on an error the config is left as it was.
     */
    static void update(PveModel m, Container c, Map<String, String> changes, List<String> delete, List<String> revert) {
        Map<String, String> savedConfig = new LinkedHashMap<>(c.config);
        Map<String, String> savedPending = new LinkedHashMap<>(c.pending);
        try {
            for (String opt : revert) {
                c.pending.remove(opt);
                removeFromPendingDelete(c, opt);
            }
            Set<String> modified = new TreeSet<>();
            for (String opt : delete) {
                if (!c.config.containsKey(opt) && !c.pending.containsKey(opt)) {
                    continue; // warn "cannot delete '$opt' - not set in current configuration!"
                }
                modified.add(opt);
                if (opt.equals("memory") || opt.equals("rootfs") || opt.equals("ostype")) {
                    throw PveError.die("unable to delete required option '" + opt + "'");
                } else if ((opt.matches("unused\\d+") || opt.matches("mp\\d+")) && "1".equals(c.config.get("protection"))) {
                    throw PveError.die("can't remove CT " + c.vmid + " drive '" + opt + "' - protection mode enabled");
                } else if (opt.equals("unprivileged")) {
                    throw PveError.die("unable to delete read-only option: '" + opt + "'");
                }
                addToPendingDelete(c, opt);
            }
            for (Map.Entry<String, String> e : new TreeMap<>(changes).entrySet()) {
                String opt = e.getKey();
                modified.add(opt);
                if ((opt.matches("mp\\d+") || opt.equals("rootfs")) && "1".equals(c.config.get("protection"))) {
                    throw PveError.die("can't update CT " + c.vmid + " drive '" + opt + "' - protection mode enabled");
                } else if (opt.equals("unprivileged")) {
                    throw PveError.die("unable to modify read-only option: '" + opt + "'");
                }
                if (opt.matches("mp\\d+") || opt.equals("rootfs")) {
                    checkContentType(m, c, e.getValue());
                }
                c.pending.put(opt, e.getValue());
                removeFromPendingDelete(c, opt);
            }
            cleanup(c);
            if (c.status.equals("running")) {
                hotplug(m, c, modified);
            } else {
                apply(m, c, modified);
            }
        } catch (RuntimeException e) {
            c.config.clear();
            c.config.putAll(savedConfig);
            c.pending.clear();
            c.pending.putAll(savedPending);
            throw e;
        }
    }

    /**
     * update_pct_config's {@code $check_content_type} for a volume mount point: the storage must
     * exist and allow {@code rootdir}. Bind and device mount points are not checked.
     */
    private static void checkContentType(PveModel m, Container c, String value) {
        String volid = ConfigPermissions.volumeOf(value);
        if (volid.startsWith("/")) {
            return;
        }
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("^([a-z][a-z0-9\\-_.]*[a-z0-9]):(.+)$").matcher(volid);
        if (!id.matches()) {
            throw PveError.die("unable to parse volume ID '" + volid + "'");
        }
        Storage s = m.storage(c.node, id.group(1));
        if (!s.content.contains("rootdir")) {
            throw PveError.die("storage '" + s.id + "' does not allow content type 'rootdir' (Container)");
        }
    }

    /**
     * {@code apply_pending_mountpoint}: a pending {@code STORAGE:SIZE} volume is allocated
     * ({@code create_disks}, the pending value becomes the new volume), and a replaced volume
     * that nothing else uses becomes {@code unusedN}.
     */
    private static void applyMountPoint(PveModel m, Container c, String opt) {
        String value = c.pending.get(opt);
        if (ConfigPermissions.NEW_DISK.matcher(ConfigPermissions.volumeOf(value)).matches()) {
            c.pending.put(opt, m.containers().allocateMountPoint(c, value));
        }
        String old = c.config.get(opt);
        if (old != null) {
            String oldVol = ConfigPermissions.volumeOf(old);
            if (!oldVol.startsWith("/") && !oldVol.isEmpty() && !volumeInUse(c, opt, oldVol)) {
                int n = 0;
                while (c.config.containsKey("unused" + n)) {
                    n++;
                }
                c.config.put("unused" + n, oldVol);
            }
        }
    }

    private static boolean volumeInUse(Container c, String except, String volid) {
        for (Map<String, String> conf : List.of(c.config, c.pending)) {
            for (Map.Entry<String, String> e : conf.entrySet()) {
                if (!e.getKey().equals(except) && (e.getKey().matches("mp\\d+|rootfs|unused\\d+"))
                        && ConfigPermissions.volumeOf(e.getValue()).equals(volid)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code vmconfig_hotplug_pending} for the options in {@code selection}. */
    static void hotplug(PveModel m, Container c, Set<String> selection) {
        for (String opt : new ArrayList<>(new TreeSet<>(c.pending.keySet()))) {
            if (selection.contains(opt) && FASTPLUG.contains(opt)) {
                c.config.put(opt, c.pending.remove(opt));
            }
        }
        for (String opt : pendingDeletes(c)) {
            if (!selection.contains(opt)) {
                continue;
            }
            if (FASTPLUG.contains(opt) || opt.matches("unused\\d+") || opt.equals("swap") || opt.equals("cpulimit")
                    || opt.equals("cpuunits") || opt.matches("net\\d")) {
                c.config.remove(opt);
                removeFromPendingDelete(c, opt);
            }
        }
        for (String opt : new ArrayList<>(new TreeSet<>(c.pending.keySet()))) {
            if (opt.equals("delete") || !selection.contains(opt)) {
                continue;
            }
            boolean plug = opt.equals("cpulimit") || opt.equals("cpuunits") || opt.matches("net\\d+")
                    || opt.equals("memory") || opt.equals("swap")
                    || ((opt.matches("mp\\d+") || opt.matches("dev\\d+")) && !c.config.containsKey(opt));
            if (plug) {
                if (opt.matches("mp\\d+")) {
                    applyMountPoint(m, c, opt); // a new mount point is allocated and hot-plugged
                }
                c.config.put(opt, c.pending.remove(opt));
            }
        }
    }

    /** {@code vmconfig_apply_pending}; {@code selection} null applies everything (start, poststop hook). */
    static void apply(PveModel m, Container c, Set<String> selection) {
        for (String opt : pendingDeletes(c)) {
            if (selection != null && !selection.contains(opt)) {
                continue;
            }
            String value = c.config.get(opt);
            if (opt.matches("mp\\d+") && value != null && !value.startsWith("/")) {
                // the volume stays, as unusedN
                int n = 0;
                while (c.config.containsKey("unused" + n)) {
                    n++;
                }
                c.config.put("unused" + n, value.split(",", 2)[0].replaceFirst("^volume=", ""));
            } else if (opt.matches("unused\\d+") && value != null) {
                m.inv.storages.get(c.node).values().forEach(s -> s.volumes.removeIf(v -> v.volid().equals(value)));
            }
            c.config.remove(opt);
            removeFromPendingDelete(c, opt);
        }
        cleanup(c);
        for (String opt : new ArrayList<>(new TreeSet<>(c.pending.keySet()))) {
            if (opt.equals("delete") || (selection != null && !selection.contains(opt))) {
                continue;
            }
            if (opt.matches("mp\\d+")) {
                applyMountPoint(m, c, opt);
            }
            c.config.put(opt, c.pending.remove(opt));
        }
    }

    /** {@code load_current_config($vmid, 0)}: the config with pending values and deletions taken in. */
    static Map<String, String> withPending(Container c) {
        Map<String, String> out = new LinkedHashMap<>(c.config);
        c.pending.forEach((k, v) -> {
            if (!k.equals("delete")) {
                out.put(k, v);
            }
        });
        pendingDeletes(c).forEach(out::remove);
        return out;
    }

    /** {@code GET .../pending}: {@code config_with_pending_array}. */
    static List<Map<String, Object>> pendingArray(Container c) {
        List<Map<String, Object>> res = new ArrayList<>();
        Set<String> deletes = new TreeSet<>(pendingDeletes(c));
        c.config.forEach((k, v) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("key", k);
            item.put("value", v);
            if (c.pending.containsKey(k)) {
                item.put("pending", c.pending.get(k));
            }
            if (deletes.remove(k)) {
                item.put("delete", 1);
            }
            res.add(item);
        });
        c.pending.forEach((k, v) -> {
            if (!k.equals("delete") && !c.config.containsKey(k)) {
                res.add(new LinkedHashMap<>(Map.of("key", k, "pending", v)));
            }
        });
        deletes.forEach(k -> res.add(new LinkedHashMap<>(Map.of("key", k, "delete", 1))));
        return res;
    }

    /** {@code cleanup_pending}: drop pending values equal to the config, deletions of unset options. */
    static void cleanup(Container c) {
        c.pending.entrySet().removeIf(e -> !e.getKey().equals("delete") && e.getValue().equals(c.config.get(e.getKey())));
        List<String> keep = new ArrayList<>();
        for (String opt : pendingDeletes(c)) {
            if (c.config.containsKey(opt)) {
                keep.add(opt);
            }
        }
        setPendingDeletes(c, keep);
    }

    static List<String> pendingDeletes(Container c) {
        List<String> out = new ArrayList<>();
        String d = c.pending.get("delete");
        if (d != null) {
            for (String entry : d.replaceAll("[,;]", " ").trim().split("\\s+")) {
                if (!entry.isEmpty()) {
                    out.add(entry.startsWith("!") ? entry.substring(1) : entry);
                }
            }
        }
        return out;
    }

    private static void addToPendingDelete(Container c, String opt) {
        List<String> all = pendingDeletes(c);
        if (!all.contains(opt)) {
            all.add(opt);
        }
        setPendingDeletes(c, all);
    }

    private static void removeFromPendingDelete(Container c, String opt) {
        List<String> all = pendingDeletes(c);
        all.remove(opt);
        setPendingDeletes(c, all);
    }

    /** {@code print_pending_delete}: sorted, comma separated; the key disappears when empty. */
    private static void setPendingDeletes(Container c, List<String> opts) {
        if (opts.isEmpty()) {
            c.pending.remove("delete");
        } else {
            c.pending.put("delete", String.join(",", new TreeSet<>(opts)));
        }
    }
}
