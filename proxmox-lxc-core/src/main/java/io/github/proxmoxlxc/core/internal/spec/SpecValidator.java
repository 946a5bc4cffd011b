package io.github.proxmoxlxc.core.internal.spec;

import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.core.spec.DeviceEntry;
import io.github.proxmoxlxc.core.spec.Features;
import io.github.proxmoxlxc.core.spec.Mount;
import io.github.proxmoxlxc.core.spec.MountPoint;
import io.github.proxmoxlxc.core.spec.NetworkInterface;
import io.github.proxmoxlxc.core.spec.RootFs;
import io.github.proxmoxlxc.core.spec.Startup;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a whole spec: every value's format and range, then (when asked) cross-field rules. */
public final class SpecValidator {
    private static final Pattern SSH_KEY = Pattern.compile(
            "[A-Za-z0-9@._+-]+ [A-Za-z0-9+/]+={0,3}( [^\\x00-\\x1f\\x7f]*)?");
    private static final List<String> LOCKS = List.of("backup", "create", "destroyed", "disk", "fstrim", "migrate",
            "mounted", "rollback", "snapshot", "snapshot-delete");
    private static final Pattern NUMBER_ONLY = Pattern.compile("\\d+(\\.\\d+)?");

    private SpecValidator() {
    }

    /**
     * Validates a spec: each set option with its table rule (each entry of an indexed option too),
     * raw options, then (when asked) cross-field rules.
     *
     * @param s the spec
     * @param crossField true to check cross-field rules too (build), false for a decoded config
     * @return the violations found
     */
    public static Checks validate(ContainerSpec s, boolean crossField) {
        Checks c = new Checks();
        for (LxcOption o : LxcOption.settable()) {
            Object v = SpecAccess.get(s, o);
            if (v == null) {
                continue;
            }
            if (o.kind() == LxcOption.Kind.INDEXED) {
                ((Map<?, ?>) v).forEach((i, x) -> {
                    String f = o.wire() + i;
                    index(c, f, (Integer) i, o.maxIndex());
                    o.check(f, x, c);
                });
            } else {
                o.check(o.wire(), v, c);
            }
        }
        validateRaw(s, c);
        if (crossField) {
            crossField(s, c);
        }
        return c;
    }

    static void vmid(String f, Object v, Checks c) {
        NetCodec.range(c, f, (Integer) v, 100, 999_999_999);
    }

    static void hostname(String f, Object v, Checks c) {
        if (!Formats.isDnsName((String) v)) {
            c.add(f, Formats.printable((String) v), "must be a DNS name (labels of letters, digits and inner '-',"
                    + " joined by '.', at most 255 characters)");
        }
    }

    static void pool(String f, Object v, Checks c) {
        if (!Formats.isPoolId((String) v)) {
            c.add(f, Formats.printable((String) v), "must be a pool id ([A-Za-z0-9_-]+, up to 3 levels with '/')");
        }
    }

    static void tags(String f, Object v, Checks c) {
        Set<String> seen = new HashSet<>();
        for (Object o : (List<?>) v) {
            String t = (String) o;
            if (!Formats.isTag(t)) {
                c.add(f, Formats.printable(t), "each tag must match [a-z0-9_][a-z0-9_+.-]* (no ',', '=', ';' or"
                        + " whitespace)");
            } else if (!seen.add(t.toLowerCase(java.util.Locale.ROOT))) {
                c.add(f, t, "must not repeat a tag");
            }
        }
    }

    static void description(String f, Object value, Checks c) {
        String v = (String) value;
        if (v.length() > MAX_DESCRIPTION) {
            c.add(f, Formats.printable(v.substring(0, 40)) + "...", "must be at most " + MAX_DESCRIPTION
                    + " characters (Proxmox allows 8192; the rest is kept for the run's ownership marker)");
        }
        // '\r' and C1 controls rewrite what a terminal shows of the plan (issue 10, item 16)
        if (v.chars().anyMatch(ch -> (ch < 0x20 && ch != '\n' && ch != '\t') || (ch >= 0x7f && ch <= 0x9f))) {
            c.add(f, Formats.printable(v),
                    "must not contain control characters other than newline and tab (no carriage return)");
        }
    }

    /** PVE's 8192 less room for the marker line the provisioner appends. */
    static final int MAX_DESCRIPTION = 8192 - 100;

    static void ostemplate(String f, Object value, Checks c) {
        String v = (String) value;
        if (v.length() > 255 || Formats.hasControl(v) || v.isBlank()) {
            c.add(f, Formats.printable(v), "must be 1..255 characters without control characters");
        } else if (!(v.startsWith("/") ? Formats.isMpString(v) : Formats.isVolumeId(v) && Formats.isMpString(v))) {
            c.add(f, v, "must be a volume id such as local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst or an"
                    + " absolute path without '.'/'..' segments");
        }
    }

    static void cpulimit(String f, Object value, Checks c) {
        double v = (Double) value;
        if (!(v >= 0 && v <= 8192)) {
            c.add(f, String.valueOf(v), "must be between 0 and 8192");
        }
    }

    static void storage(String f, Object v, Checks c) {
        if (!Formats.isStorageId((String) v)) {
            c.add(f, Formats.printable((String) v), "must be a storage id ([a-z][a-z0-9-_.]*[a-z0-9])");
        }
    }

    static void bwlimit(String f, Object value, Checks c) {
        double v = (Double) value;
        if (!(v >= 0) || Double.isInfinite(v)) {
            c.add(f, String.valueOf(v), "must be a finite number of 0 or more");
        }
    }

    static void rootfs(String f, Object v, Checks c) {
        MountCodec.validate(f, (RootFs) v, c);
    }

    static void mp(String f, Object v, Checks c) {
        MountCodec.validate(f, (MountPoint) v, c);
    }

    static void net(String f, Object v, Checks c) {
        NetCodec.validate(f, (NetworkInterface) v, c);
    }

    static void dev(String f, Object v, Checks c) {
        DevCodec.validate(f, (DeviceEntry) v, c);
    }

    static void features(String f, Object v, Checks c) {
        FeaturesCodec.validate(f, (Features) v, c);
    }

    static void startup(String f, Object v, Checks c) {
        StartupCodec.validate(f, (Startup) v, c);
    }

    static void nameservers(String f, Object v, Checks c) {
        for (Object ns : (List<?>) v) {
            if (!isNameserver((String) ns)) {
                c.add(f, Formats.printable((String) ns), "each entry must be an IPv4 or IPv6 address");
            }
        }
    }

    static void searchDomains(String f, Object v, Checks c) {
        for (Object sd : (List<?>) v) {
            if (!Formats.isDnsName((String) sd)) {
                c.add(f, Formats.printable((String) sd), "each entry must be a DNS name");
            }
        }
    }

    static void timezone(String f, Object v, Checks c) {
        if (!Formats.isTimezone((String) v)) {
            c.add(f, Formats.printable((String) v), "must be 'host' or a zoneinfo name such as Europe/Berlin");
        }
    }

    static void environment(String f, Object value, Checks c) {
        ((Map<?, ?>) value).forEach((k, v) -> {
            if (!Formats.isEnvName((String) k)) {
                c.add(f, Formats.printable((String) k), "a variable name must match \\w+");
            }
            if (Formats.hasControl((String) v)) {
                c.add(f + "." + k, Formats.printable((String) v), "must not contain control characters");
            }
        });
    }

    static void entrypoint(String f, Object value, Checks c) {
        String v = (String) value;
        if (v.isEmpty() || Formats.hasControl(v)) {
            c.add(f, Formats.printable(v), "must be non-empty without control characters");
        }
    }

    static void hookscript(String f, Object value, Checks c) {
        String v = (String) value;
        if (Formats.hasControl(v) || !Formats.isVolumeId(v) || !Formats.isMpString(v)) {
            c.add(f, Formats.printable(v), "must be a volume id such as local:snippets/hook.sh");
        }
    }

    static void password(String f, Object value, Checks c) {
        String v = (String) value;
        if (v.length() < 5) {
            c.add(f, SpecCodec.MASK, "must be at least 5 characters");
        }
        if (Formats.hasControl(v)) {
            c.add(f, SpecCodec.MASK, "must not contain control characters");
        }
    }

    static void lock(String f, Object v, Checks c) {
        // the schema's enum; Proxmox adds lock names rarely, so a new one is a raw option until listed here
        if (!LOCKS.contains((String) v)) {
            c.add(f, Formats.printable((String) v), "must be one of " + String.join(", ", LOCKS));
        }
    }

    static void sshPublicKeys(String f, Object v, Checks c) {
        for (Object key : (List<?>) v) {
            if (!SSH_KEY.matcher((String) key).matches()) {
                c.add(f, Formats.printable((String) key),
                        "each entry must be one OpenSSH public key line 'type base64 [comment]'");
            }
        }
    }

    private static void crossField(ContainerSpec s, Checks c) {
        Map<String, String> mpPaths = new HashMap<>();
        s.mountPoints().forEach((i, mp) -> mp.path().ifPresent(path -> {
            String prev = mpPaths.putIfAbsent(path, "mp" + i);
            if (prev != null) {
                c.add("mp" + i + ".mp", path, "is already the path of " + prev);
            }
        }));
        Map<String, String> names = new HashMap<>();
        s.networks().forEach((i, n) -> {
            String f = "net" + i;
            NetCodec.validateCrossField(f, n, c);
            n.name().ifPresent(name -> {
                String prev = names.putIfAbsent(name, f);
                if (prev != null) {
                    c.add(f + ".name", name, "is already the name of " + prev);
                }
            });
        });
        if (s.unique().orElse(false) && !s.restore().orElse(false)) {
            c.add("unique", "1", "needs restore=1 (it only applies when restoring a backup)");
        }
        if (!s.isUnprivileged() && s.features().isPresent()) {
            Features f = s.features().get();
            for (String[] flag : new String[][] {{"keyctl", String.valueOf(f.keyctl())},
                    {"mknod", String.valueOf(f.mknod())}, {"force_rw_sys", String.valueOf(f.forceRwSys())}}) {
                if (flag[1].equals("true")) {
                    c.add("features." + flag[0], "1", "applies to unprivileged containers only (unprivileged=0 here)");
                }
            }
        }
        s.rootFs().ifPresent(r -> r.volume().ifPresent(v -> bareSize(s, "rootfs.volume", v, c)));
        s.mountPoints().forEach((i, mp) -> mp.volume().ifPresent(v -> bareSize(s, "mp" + i + ".volume", v, c)));
        s.rootFs().ifPresent(r -> idmap(s, "rootfs", r, c));
        s.mountPoints().forEach((i, mp) -> idmap(s, "mp" + i, mp, c));
    }

    /** A mount's idmap: Proxmox's overlap check, and only where it has an effect. */
    private static void idmap(ContainerSpec s, String field, Mount m, Checks c) {
        MountCodec.validateIdMap(field, m, c);
        if (!s.isUnprivileged() && m.idmap().isPresent()) {
            c.add(field + ".idmap", Formats.printable(m.idmap().get()), "applies to unprivileged containers only"
                    + " (unprivileged=0 here; Proxmox ignores it with a warning at start)");
        }
    }

    private static void bareSize(ContainerSpec s, String field, String v, Checks c) {
        // a bare size means "<storage>:<size>" and Proxmox falls back to the storage 'local'
        if (NUMBER_ONLY.matcher(v).matches() && s.storage().isEmpty()) {
            c.add(field, v, "a bare size needs the storage option (or write STORAGE:SIZE)");
        }
    }

    private static void index(Checks c, String field, int i, int max) {
        if (i < 0 || i > max) {
            c.add(field, Integer.toString(i), "index must be between 0 and " + max);
        }
    }

    private static boolean isNameserver(String v) {
        int pct = v.indexOf('%');
        if (pct > 0) {
            return Formats.isIpv6(v.substring(0, pct)) && v.substring(pct + 1).matches("[A-Za-z0-9_.-]+");
        }
        return Formats.isIpv4(v) || Formats.isIpv6(v);
    }

    private static void validateRaw(ContainerSpec s, Checks c) {
        Map<String, String> typed = SpecCodec.typedParameters(s, false);
        s.rawOptions().forEach((k, v) -> {
            String shown = k.equals("password") ? SpecCodec.MASK : Formats.printable(v);
            if (!CreateOptions.isCreateOption(k) || k.equals("node")) {
                c.add("rawOption", k, "must be a create option of POST /nodes/{node}/lxc other than node");
            } else if (typed.containsKey(k)) {
                c.add(k, shown, "is set both by a typed setter and as a raw option");
            }
            boolean multiLine = k.equals("description") || k.equals("ssh-public-keys");
            boolean nul = k.equals("env");
            if (v.chars().anyMatch(ch -> (ch < 0x20 || ch == 0x7f) && !(multiLine && ch == '\n')
                    && !(nul && ch == 0))) {
                c.add(k, shown, "a raw option must not contain control characters");
            }
        });
    }
}
