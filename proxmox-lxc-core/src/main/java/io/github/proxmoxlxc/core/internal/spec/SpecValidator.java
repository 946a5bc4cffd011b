package io.github.proxmoxlxc.core.internal.spec;

import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.core.spec.Features;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a whole spec: every value's format and range, then (when asked) cross-field rules. */
public final class SpecValidator {
    private static final Pattern SSH_KEY = Pattern.compile(
            "[A-Za-z0-9@._+-]+ [A-Za-z0-9+/]+={0,3}( [^\\x00-\\x1f\\x7f]*)?");
    private static final Pattern NUMBER_ONLY = Pattern.compile("\\d+(\\.\\d+)?");

    private SpecValidator() {
    }

    /**
     * Validates a spec.
     *
     * @param s the spec
     * @param crossField true to check cross-field rules too (build), false for a decoded config
     * @return the violations found
     */
    public static Checks validate(ContainerSpec s, boolean crossField) {
        Checks c = new Checks();
        s.vmid().ifPresent(v -> NetCodec.range(c, "vmid", v, 100, 999_999_999));
        s.hostname().ifPresent(v -> {
            if (!Formats.isDnsName(v)) {
                c.add("hostname", Formats.printable(v),
                        "must be a DNS name (labels of letters, digits and inner '-', joined by '.', at most 255"
                                + " characters)");
            }
        });
        s.pool().ifPresent(v -> {
            if (!Formats.isPoolId(v)) {
                c.add("pool", Formats.printable(v), "must be a pool id ([A-Za-z0-9_-]+, up to 3 levels with '/')");
            }
        });
        Set<String> seenTags = new HashSet<>();
        for (String t : s.tags()) {
            if (!Formats.isTag(t)) {
                c.add("tags", Formats.printable(t),
                        "each tag must match [a-z0-9_][a-z0-9_+.-]* (no ',', '=', ';' or whitespace)");
            } else if (!seenTags.add(t.toLowerCase(java.util.Locale.ROOT))) {
                c.add("tags", t, "must not repeat a tag");
            }
        }
        s.description().ifPresent(v -> {
            if (v.length() > MAX_DESCRIPTION) {
                c.add("description", Formats.printable(v.substring(0, 40)) + "...", "must be at most " + MAX_DESCRIPTION
                        + " characters (Proxmox allows 8192; the rest is kept for the run's ownership marker)");
            }
            // '\r' and C1 controls rewrite what a terminal shows of the plan (issue 10, item 16)
            if (v.chars().anyMatch(ch -> (ch < 0x20 && ch != '\n' && ch != '\t') || (ch >= 0x7f && ch <= 0x9f))) {
                c.add("description", Formats.printable(v),
                        "must not contain control characters other than newline and tab (no carriage return)");
            }
        });
        s.ostemplate().ifPresent(v -> {
            if (v.length() > 255 || Formats.hasControl(v) || v.isBlank()) {
                c.add("ostemplate", Formats.printable(v), "must be 1..255 characters without control characters");
            } else if (!(v.startsWith("/") ? Formats.isMpString(v) : Formats.isVolumeId(v) && Formats.isMpString(v))) {
                c.add("ostemplate", v,
                        "must be a volume id such as local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst or an"
                                + " absolute path without '.'/'..' segments");
            }
        });
        s.cores().ifPresent(v -> NetCodec.range(c, "cores", v, 1, 8192));
        s.cpulimit().ifPresent(v -> {
            if (!(v >= 0 && v <= 8192)) {
                c.add("cpulimit", String.valueOf(v), "must be between 0 and 8192");
            }
        });
        s.cpuunits().ifPresent(v -> NetCodec.range(c, "cpuunits", v, 0, 500_000));
        s.memoryMiB().ifPresent(v -> NetCodec.range(c, "memory", v, 16, Integer.MAX_VALUE));
        s.swapMiB().ifPresent(v -> NetCodec.range(c, "swap", v, 0, Integer.MAX_VALUE));
        s.storage().ifPresent(v -> {
            if (!Formats.isStorageId(v)) {
                c.add("storage", Formats.printable(v), "must be a storage id ([a-z][a-z0-9-_.]*[a-z0-9])");
            }
        });
        s.bwlimit().ifPresent(v -> {
            if (!(v >= 0) || Double.isInfinite(v)) {
                c.add("bwlimit", String.valueOf(v), "must be a finite number of 0 or more");
            }
        });
        s.rootfs().ifPresent(r -> MountCodec.validate("rootfs", r, c));
        Map<String, String> mpPaths = new HashMap<>();
        s.mountPoints().forEach((i, mp) -> {
            String f = "mp" + i;
            index(c, f, i, ContainerSpec.MAX_MP_INDEX);
            MountCodec.validate(f, mp, c);
            if (crossField && mp.path().isPresent()) {
                String prev = mpPaths.putIfAbsent(mp.path().get(), f);
                if (prev != null) {
                    c.add(f + ".mp", mp.path().get(), "is already the path of " + prev);
                }
            }
        });
        Map<String, String> names = new HashMap<>();
        s.networks().forEach((i, n) -> {
            String f = "net" + i;
            index(c, f, i, ContainerSpec.MAX_NET_INDEX);
            NetCodec.validate(f, n, c);
            if (crossField) {
                NetCodec.validateCrossField(f, n, c);
                n.name().ifPresent(name -> {
                    String prev = names.putIfAbsent(name, f);
                    if (prev != null) {
                        c.add(f + ".name", name, "is already the name of " + prev);
                    }
                });
            }
        });
        for (String ns : s.nameservers()) {
            if (!isNameserver(ns)) {
                c.add("nameserver", Formats.printable(ns), "each entry must be an IPv4 or IPv6 address");
            }
        }
        for (String sd : s.searchDomains()) {
            if (!Formats.isDnsName(sd)) {
                c.add("searchdomain", Formats.printable(sd), "each entry must be a DNS name");
            }
        }
        s.features().ifPresent(f -> FeaturesCodec.validate("features", f, c));
        s.devices().forEach((i, d) -> {
            String f = "dev" + i;
            index(c, f, i, ContainerSpec.MAX_DEV_INDEX);
            DevCodec.validate(f, d, c);
        });
        s.startup().ifPresent(v -> StartupCodec.validate("startup", v, c));
        s.timezone().ifPresent(v -> {
            if (!Formats.isTimezone(v)) {
                c.add("timezone", Formats.printable(v), "must be 'host' or a zoneinfo name such as Europe/Berlin");
            }
        });
        s.tty().ifPresent(v -> NetCodec.range(c, "tty", v, 0, 6));
        s.environment().forEach((k, v) -> {
            if (!Formats.isEnvName(k)) {
                c.add("env", Formats.printable(k), "a variable name must match \\w+");
            }
            if (Formats.hasControl(v)) {
                c.add("env." + k, Formats.printable(v), "must not contain control characters");
            }
        });
        s.entrypoint().ifPresent(v -> {
            if (v.isEmpty() || Formats.hasControl(v)) {
                c.add("entrypoint", Formats.printable(v), "must be non-empty without control characters");
            }
        });
        s.hookscript().ifPresent(v -> {
            if (Formats.hasControl(v) || !Formats.isVolumeId(v) || !Formats.isMpString(v)) {
                c.add("hookscript", Formats.printable(v), "must be a volume id such as local:snippets/hook.sh");
            }
        });
        s.password().ifPresent(v -> {
            if (v.length() < 5) {
                c.add("password", SpecCodec.MASK, "must be at least 5 characters");
            }
            if (Formats.hasControl(v)) {
                c.add("password", SpecCodec.MASK, "must not contain control characters");
            }
        });
        for (String key : s.sshPublicKeys()) {
            if (!SSH_KEY.matcher(key).matches()) {
                c.add("ssh-public-keys", Formats.printable(key),
                        "each entry must be one OpenSSH public key line 'type base64 [comment]'");
            }
        }
        validateRaw(s, c);
        if (crossField) {
            crossField(s, c);
        }
        return c;
    }

    private static void crossField(ContainerSpec s, Checks c) {
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
        s.rootfs().ifPresent(r -> r.volume().ifPresent(v -> bareSize(s, "rootfs.volume", v, c)));
        s.mountPoints().forEach((i, mp) -> mp.volume().ifPresent(v -> bareSize(s, "mp" + i + ".volume", v, c)));
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

    /** PVE's 8192 less room for the marker line the provisioner appends. */
    static final int MAX_DESCRIPTION = 8192 - 100;

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
