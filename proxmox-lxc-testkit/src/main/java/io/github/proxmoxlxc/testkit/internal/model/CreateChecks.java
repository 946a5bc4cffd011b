package io.github.proxmoxlxc.testkit.internal.model;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The synchronous part of pve-container's {@code create_vm} (src/PVE/API2/LXC.pm), in its order:
 * {@code Sys.Modify} on {@code /} for a privileged container, {@code Sys.Console} for
 * {@code ha-managed}, the VMID in use, the SSH keys, the pool, {@code VM.Allocate},
 * {@code check_ct_modify_config_perm} ({@link ConfigPermissions}), the template's storage, mount
 * points without {@code rootfs}, then each used storage (enabled, {@code rootdir} content,
 * {@code Datastore.AllocateSpace}, online). Everything here fails the HTTP call; nothing is created.
 */
final class CreateChecks {

    /** Parameters create_vm extracts before check_ct_modify_config_perm sees the rest. */
    static final Set<String> EXTRACTED = Set.of("node", "vmid", "ignore-unpack-errors", "bwlimit", "start",
            "ha-managed", "unprivileged", "restore", "unique", "force", "password", "ssh-public-keys", "pool",
            "ostemplate", "storage");
    private static final Pattern KEY_TYPE = Pattern.compile(
            "(ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp(?:256|384|521)|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\\.com)");

    private CreateChecks() {
    }

    /** Runs the checks; {@code pools} answers whether a pool exists. */
    static void check(PveModel m, String node, String user, int vmid, Map<String, String> p, Pools pools) {
        Acl acl = m.acl();
        boolean unprivileged = !"0".equals(p.getOrDefault("unprivileged", "1"));
        if (!unprivileged) {
            acl.check(user, "/", "Sys.Modify");
        }
        if ("1".equals(p.get("ha-managed"))) {
            acl.check(user, "/", "Sys.Console");
        }
        Container existing = m.containers.get(vmid);
        if (existing != null) {
            // PVE::Cluster::check_vmid_unused
            throw PveError.die("CT " + vmid + " already exists on node '" + existing.node + "'");
        }
        String keys = p.get("ssh-public-keys");
        if (keys != null) {
            validateSshKeys(keys);
        }
        String pool = p.get("pool");
        if (pool != null && !pools.exists(pool)) {
            throw PveError.perm("pool '" + pool + "' does not exist");
        }
        if (!acl.has(user, "/vms/" + vmid, "VM.Allocate")
                && !(pool != null && acl.has(user, "/pool/" + pool, "VM.Allocate"))) {
            throw new PveError(403, "Permission check failed");
        }
        Map<String, String> rest = new LinkedHashMap<>();
        p.forEach((k, v) -> {
            if (!EXTRACTED.contains(k)) {
                rest.put(k, v);
            }
        });
        ConfigPermissions.check(acl, user, vmid, pool, null, rest, List.of(), unprivileged);
        String ostemplate = p.get("ostemplate");
        int colon = ostemplate.indexOf(':');
        if (colon <= 0 || ostemplate.startsWith("/")) {
            if (!Acl.ROOT.equals(user)) {
                throw PveError.die("Only root can pass arbitrary filesystem paths. at /usr/share/perl5/PVE/Storage.pm line 651.");
            }
        } else {
            String sid = ostemplate.substring(0, colon);
            String volname = ostemplate.substring(colon + 1);
            if (!volname.startsWith("vztmpl/")) {
                throw PveError.die("unable to use volume " + ostemplate + " - content type needs to be 'vztmpl'");
            }
            if (!acl.has(user, "/storage/" + sid, "Datastore.Allocate")) {
                acl.checkAny(user, "/storage/" + sid, "Datastore.AllocateSpace", "Datastore.Audit");
            }
        }
        String storage = p.getOrDefault("storage", "local");
        boolean hasMp = false;
        for (String k : p.keySet()) {
            hasMp |= k.equals("rootfs") || k.matches("mp\\d+");
        }
        if (hasMp && !p.containsKey("rootfs")) {
            throw PveError.die("mount points configured, but 'rootfs' not set - aborting");
        }
        List<String> used = new ArrayList<>();
        for (Map.Entry<String, String> e : p.entrySet()) {
            if (!e.getKey().equals("rootfs") && !e.getKey().matches("mp\\d+")) {
                continue;
            }
            String volid = ConfigPermissions.volumeOf(e.getValue());
            if (volid.matches("\\d+(\\.\\d+)?")) {
                volid = storage + ":" + volid;
            }
            if (volid.startsWith("/")) {
                if (!Acl.ROOT.equals(user)) {
                    throw PveError.die("Only root can pass arbitrary filesystem paths.");
                }
                continue;
            }
            used.add(volid.substring(0, volid.indexOf(':')));
        }
        if (!p.containsKey("rootfs")) {
            used.add(storage);
        }
        for (String sid : used) {
            checkAndActivate(m, node, user, sid);
        }
    }

    /** create_vm's {@code $check_and_activate_storage}. */
    private static void checkAndActivate(PveModel m, String node, String user, String sid) {
        Storage s = m.storage(node, sid);
        if (!s.enabled) {
            throw PveError.die("storage '" + sid + "' is disabled");
        }
        if (!s.content.contains("rootdir")) {
            throw PveError.params(Map.of("storage", "storage '" + sid + "' does not support container directories"));
        }
        m.acl().check(user, "/storage/" + sid, "Datastore.AllocateSpace");
        if (!s.active) {
            throw PveError.die("storage '" + sid + "' is not online");
        }
    }

    /**
     * PVE::Tools::validate_ssh_public_keys runs {@code ssh-keygen -l} per non-blank line; here a
     * line must be {@code [options] TYPE BASE64 [comment]} whose blob starts with the same type.
     */
    static void validateSshKeys(String raw) {
        for (String line : raw.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (!validKeyLine(line.trim())) {
                throw PveError.die("SSH public key validation error");
            }
        }
    }

    private static boolean validKeyLine(String line) {
        String[] f = line.split("\\s+");
        for (int i = 0; i + 1 < f.length; i++) {
            Matcher t = KEY_TYPE.matcher(f[i]);
            if (!t.matches()) {
                continue;
            }
            try {
                byte[] blob = Base64.getDecoder().decode(f[i + 1]);
                if (blob.length < 4) {
                    return false;
                }
                int len = ((blob[0] & 0xff) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
                return len == f[i].length() && blob.length >= 4 + len
                        && new String(blob, 4, len, java.nio.charset.StandardCharsets.US_ASCII).equals(f[i]);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }
}
