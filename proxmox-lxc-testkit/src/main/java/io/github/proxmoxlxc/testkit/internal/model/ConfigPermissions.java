package io.github.proxmoxlxc.testkit.internal.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-option privilege rules of pve-container's {@code PVE::LXC::check_ct_modify_config_perm}
 * (src/PVE/LXC.pm), which both the create handler ({@code API2/LXC.pm create_vm}) and the config
 * update ({@code API2/LXC/Config.pm update_vm}) call. {@link #TABLE} is the one place the option to
 * privilege mapping lives in the testkit; it is deliberately independent of the library's own
 * preflight so the two check each other.
 *
 * <p>Proxmox walks the options in Perl hash order (random); the simulator walks them in request
 * order, so with several missing privileges the one named may differ from a real node's.
 */
final class ConfigPermissions {

    /** What a rule does beyond (or instead of) requiring its privilege. */
    enum Extra {
        NONE, VOLUME, BRIDGE, FEATURES, ROOT_ONLY
    }

    /** One row: options matching {@code pattern} need {@code privilege} on the guest (or its pool). */
    record Rule(Pattern pattern, String privilege, Extra extra, String rootOnlyText) {
        boolean matches(String option) {
            return pattern.matcher(option).matches();
        }
    }

    /** The rules in check_ct_modify_config_perm's order; the first matching row applies. */
    static final List<Rule> TABLE = List.of(
            rule("cores|cpuunits|cpulimit", "VM.Config.CPU", Extra.NONE, null),
            rule("rootfs|mp\\d+", "VM.Config.Disk", Extra.VOLUME, null),
            rule("memory|swap", "VM.Config.Memory", Extra.NONE, null),
            rule("net\\d+", "VM.Config.Network", Extra.BRIDGE, null),
            rule("dev\\d+", null, Extra.ROOT_ONLY, "configuring device passthrough is only allowed for root@pam"),
            rule("nameserver|searchdomain|hostname", "VM.Config.Network", Extra.NONE, null),
            rule("features", null, Extra.FEATURES, null),
            rule("hookscript", null, Extra.ROOT_ONLY, "changing the hookscript is only allowed for root@pam"),
            // GuestHelpers::assert_tag_permissions: VM.Config.Options; with datacenter.cfg's default
            // user-tag-access (free, no registered tags) no further check applies
            rule("tags", "VM.Config.Options", Extra.NONE, null),
            rule(".*", "VM.Config.Options", Extra.NONE, null));

    /** pve-container {@code $NEW_DISK_RE}: {@code STORAGE:SIZE} in GiB. */
    static final Pattern NEW_DISK = Pattern.compile("^([^:\\s]+):(\\d+(\\.\\d+)?)$");
    private static final Pattern OWNED = Pattern.compile("^([^:\\s]+):(?:\\d+/)?(?:base|vm|subvol)-(\\d+)-.*");

    private ConfigPermissions() {
    }

    private static Rule rule(String regex, String privilege, Extra extra, String text) {
        return new Rule(Pattern.compile(regex), privilege, extra, text);
    }

    static Rule ruleOf(String option) {
        for (Rule r : TABLE) {
            if (r.matches(option)) {
                return r;
            }
        }
        throw new IllegalStateException("the last rule matches every option");
    }

    /**
     * The privilege an option needs on {@code /vms/<vmid>} (or {@code /pool/<pool>}); empty for
     * root-only options ({@code dev[n]}, {@code hookscript}) and for {@code features}, whose
     * privilege depends on the value ({@code nesting}: {@code VM.Allocate}, others root-only).
     */
    public static Optional<String> privilegeOf(String option) {
        return Optional.ofNullable(ruleOf(option).privilege());
    }

    /**
     * check_ct_modify_config_perm: every option of {@code newConf} (in order), then every deleted
     * option. Passes for root@pam.
     *
     * @param pool the pool given to create (null on update: Proxmox passes undef there)
     * @param oldConf the current config (null on create)
     * @throws PveError 403 {@code Permission check failed (<path>, <privilege>)} or a root-only text,
     *     500 from {@code check_volume_access} for a bare-number size
     */
    static void check(Acl acl, String user, int vmid, String pool, Map<String, String> oldConf,
            Map<String, String> newConf, Collection<String> delete, boolean unprivileged) {
        if (Acl.ROOT.equals(user)) {
            return;
        }
        for (Map.Entry<String, String> e : newConf.entrySet()) {
            checkOne(acl, user, vmid, pool, e.getKey(), false, oldConf, newConf, unprivileged);
        }
        for (String d : delete) {
            checkOne(acl, user, vmid, pool, d, true, oldConf, newConf, unprivileged);
        }
    }

    private static void checkOne(Acl acl, String user, int vmid, String pool, String opt, boolean delete,
            Map<String, String> oldConf, Map<String, String> newConf, boolean unprivileged) {
        Rule r = ruleOf(opt);
        switch (r.extra()) {
            case ROOT_ONLY:
                throw PveError.perm(r.rootOnlyText());
            case FEATURES:
                features(acl, user, vmid, pool, delete, oldConf, newConf.get(opt), unprivileged);
                return;
            default:
                break;
        }
        vmPerm(acl, user, vmid, pool, r.privilege());
        if (r.extra() == Extra.VOLUME && !delete) {
            volume(acl, user, vmid, newConf.get(opt));
        } else if (r.extra() == Extra.BRIDGE) {
            if (oldConf != null && oldConf.get(opt) != null) {
                bridge(acl, user, oldConf.get(opt));
            }
            if (newConf.get(opt) != null) {
                bridge(acl, user, newConf.get(opt));
            }
        }
    }

    /** RPCEnvironment::check_vm_perm: the pool path first (quietly), then {@code /vms/<vmid>}. */
    static void vmPerm(Acl acl, String user, int vmid, String pool, String privilege) {
        if (pool != null && acl.has(user, "/pool/" + pool, privilege)) {
            return;
        }
        acl.check(user, "/vms/" + vmid, privilege);
    }

    private static void volume(Acl acl, String user, int vmid, String value) {
        String volid = volumeOf(value);
        if (volid.startsWith("/")) {
            throw PveError.perm("mount point type " + (volid.startsWith("/dev/") ? "device" : "bind")
                    + " is only allowed for root@pam");
        }
        Matcher nd = NEW_DISK.matcher(volid);
        if (nd.matches()) {
            acl.check(user, "/storage/" + nd.group(1), "Datastore.AllocateSpace");
            return;
        }
        volumeAccess(acl, user, vmid, volid);
    }

    /** PVE::Storage::check_volume_access for a rootdir volume that already exists (or a bare number). */
    private static void volumeAccess(Acl acl, String user, int vmid, String volid) {
        int colon = volid.indexOf(':');
        if (colon <= 0) {
            // die without a trailing newline: Perl appends the location (Storage.pm line 651 at 0c56bad)
            throw PveError.die("Only root can pass arbitrary filesystem paths. at /usr/share/perl5/PVE/Storage.pm line 651.");
        }
        String sid = volid.substring(0, colon);
        if (acl.has(user, "/storage/" + sid, "Datastore.Allocate")) {
            return;
        }
        Matcher m = OWNED.matcher(volid);
        if (m.matches() && Integer.parseInt(m.group(2)) == vmid) {
            return;
        }
        if (m.matches()) {
            acl.check(user, "/storage/" + sid, "Datastore.Audit");
            acl.check(user, "/vms/" + m.group(2), "VM.Config.Disk");
            return;
        }
        throw PveError.die("missing privileges to access " + volid);
    }

    /** The volume of a mount point property string ({@code volume=} is the default key). */
    static String volumeOf(String value) {
        String first = value.split(",", 2)[0];
        for (String part : value.split(",")) {
            if (part.startsWith("volume=")) {
                return part.substring("volume=".length());
            }
        }
        return first.contains("=") && !first.startsWith("/") ? "" : first;
    }

    /** check_bridge_access / GuestHelpers::check_vnet_access: SDN.Use on the zone path of the bridge. */
    private static void bridge(Acl acl, String user, String net) {
        Map<String, String> kv = props(net);
        String bridge = kv.get("bridge");
        if (bridge == null) {
            return;
        }
        String tag = kv.get("tag");
        acl.check(user, "/sdn/zones/localnetwork/" + bridge + (tag == null ? "" : "/" + tag), "SDN.Use");
    }

    private static void features(Acl acl, String user, int vmid, String pool, boolean delete,
            Map<String, String> oldConf, String value, boolean unprivileged) {
        if (!unprivileged) {
            throw PveError.perm("changing feature flags for privileged container is only allowed for root@pam");
        }
        boolean nesting = false;
        boolean other = false;
        String old = oldConf == null ? null : oldConf.get("features");
        if (!delete) {
            Map<String, String> now = props(value == null ? "" : value);
            if (old != null && !old.isEmpty()) {
                Map<String, String> before = props(old);
                java.util.Set<String> names = new java.util.LinkedHashSet<>(before.keySet());
                names.addAll(now.keySet());
                for (String f : names) {
                    if (!before.getOrDefault(f, "").equals(now.getOrDefault(f, ""))) {
                        if (f.equals("nesting")) {
                            nesting = true;
                        } else {
                            other = true;
                            break;
                        }
                    }
                }
            } else if (now.size() == 1 && now.containsKey("nesting")) {
                nesting = true;
            } else if (!now.isEmpty()) {
                other = true;
            }
        } else {
            Map<String, String> before = props(old == null ? "" : old);
            if (before.size() == 1 && before.containsKey("nesting")) {
                nesting = true;
            } else if (!before.isEmpty()) {
                other = true;
            }
        }
        if (other) {
            throw PveError.perm("changing feature flags (except nesting) is only allowed for root@pam");
        }
        if (nesting) {
            vmPerm(acl, user, vmid, pool, "VM.Allocate");
        }
    }

    static Map<String, String> props(String value) {
        Map<String, String> kv = new TreeMap<>();
        for (String part : value.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                kv.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return kv;
    }
}
