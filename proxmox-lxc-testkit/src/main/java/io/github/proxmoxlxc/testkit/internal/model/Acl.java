package io.github.proxmoxlxc.testkit.internal.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The access control list of the simulated cluster, reduced to what a client can observe.
 *
 * <p>{@code root@pam} is the superuser and holds every privilege everywhere, as in Proxmox. The one
 * API token holds the privileges of its ACL: a map of ACL path to privileges. An entry applies to
 * its path and every path below it (by whole segments: {@code /storage} covers
 * {@code /storage/local}, not {@code /storagex}); the most specific entry wins, so an entry on a
 * deeper path replaces what is inherited from above (an empty set there is Proxmox's
 * {@code NoAccess}). The default ACL is every privilege on {@code /}. Every entry propagates
 * (there is no {@code propagate=0}). Thread-safe: the ACL is an immutable snapshot, replaced whole.
 */
public final class Acl {

    /** The superuser. */
    public static final String ROOT = "root@pam";

    /** Every privilege of Proxmox VE 9 ({@code pveum role list}, role {@code Administrator}). */
    public static final Set<String> ALL_PRIVILEGES = Collections.unmodifiableSet(new TreeSet<>(List.of(
            "Datastore.Allocate", "Datastore.AllocateSpace", "Datastore.AllocateTemplate", "Datastore.Audit",
            "Group.Allocate", "Mapping.Audit", "Mapping.Modify", "Mapping.Use", "Permissions.Modify",
            "Pool.Allocate", "Pool.Audit", "Realm.Allocate", "Realm.AllocateUser", "SDN.Allocate", "SDN.Audit",
            "SDN.Use", "Sys.AccessNetwork", "Sys.Audit", "Sys.Console", "Sys.Incoming", "Sys.Modify",
            "Sys.PowerMgmt", "Sys.Syslog", "User.Modify", "VM.Allocate", "VM.Audit", "VM.Backup", "VM.Clone",
            "VM.Config.CDROM", "VM.Config.CPU", "VM.Config.Cloudinit", "VM.Config.Disk", "VM.Config.HWType",
            "VM.Config.Memory", "VM.Config.Network", "VM.Config.Options", "VM.Console", "VM.GuestAgent.Audit",
            "VM.GuestAgent.FileRead", "VM.GuestAgent.FileSystemMgmt", "VM.GuestAgent.FileWrite",
            "VM.GuestAgent.Unrestricted", "VM.Migrate", "VM.PowerMgmt", "VM.Replicate", "VM.Snapshot",
            "VM.Snapshot.Rollback")));

    /** The paths {@code GET /access/permissions} always considers (pve-access-control get_effective_permissions). */
    private static final List<String> TOP_PATHS = List.of("/", "/access", "/access/groups", "/nodes", "/pools",
            "/sdn", "/storage", "/vms");

    private final String tokenId;
    private volatile Map<String, Set<String>> tokenAcl;

    /**
     * Creates the ACL.
     *
     * @param tokenId the API token id ({@code user@realm!name})
     * @param tokenAcl the token's ACL, path to privileges (validated, copied)
     * @throws IllegalArgumentException if a path or privilege is malformed or unknown
     */
    public Acl(String tokenId, Map<String, ? extends Collection<String>> tokenAcl) {
        this.tokenId = tokenId;
        setTokenAcl(tokenAcl);
    }

    /** The default token ACL: every privilege on {@code /}. */
    public static Map<String, Set<String>> allOnRoot() {
        return Map.of("/", ALL_PRIVILEGES);
    }

    /**
     * Replaces the token's ACL.
     *
     * @throws IllegalArgumentException if a path or privilege is malformed or unknown
     */
    public void setTokenAcl(Map<String, ? extends Collection<String>> acl) {
        this.tokenAcl = copyValidated(acl);
    }

    /** The token's ACL (immutable, sorted by path). */
    public Map<String, Set<String>> tokenAcl() {
        return tokenAcl;
    }

    /** The token id this ACL belongs to. */
    public String tokenId() {
        return tokenId;
    }

    /** Whether {@code userid} names a known identity: root@pam or the token. */
    public boolean knows(String userid) {
        return ROOT.equals(userid) || tokenId.equals(userid);
    }

    /**
     * Effective privileges of an identity on a path. Only root@pam and the token can authenticate,
     * so every identity other than root@pam is treated as the token.
     */
    public Set<String> privileges(String user, String path) {
        if (ROOT.equals(user)) {
            return ALL_PRIVILEGES;
        }
        Map<String, Set<String>> acl = tokenAcl;
        String p = path;
        while (true) {
            Set<String> s = acl.get(p);
            if (s != null) {
                return s;
            }
            if (p.equals("/")) {
                return Set.of();
            }
            int i = p.lastIndexOf('/');
            p = i == 0 ? "/" : p.substring(0, i);
        }
    }

    /** Whether the identity holds the privilege on the path. */
    public boolean has(String user, String path, String privilege) {
        return privileges(user, path).contains(privilege);
    }

    /**
     * Requires every privilege, like pve-access-control {@code RPCEnvironment::check}.
     *
     * @throws PveError 403 {@code Permission check failed (<path>, <first missing privilege>)}
     */
    public void check(String user, String path, String... privileges) {
        Set<String> have = privileges(user, path);
        for (String priv : privileges) {
            if (!have.contains(priv)) {
                throw PveError.perm(path + ", " + priv);
            }
        }
    }

    /**
     * Requires one of the privileges, like {@code RPCEnvironment::check_any}.
     *
     * @throws PveError 403 {@code Permission check failed (<path>, <priv1>|<priv2>)}
     */
    public void checkAny(String user, String path, String... privileges) {
        Set<String> have = privileges(user, path);
        for (String priv : privileges) {
            if (have.contains(priv)) {
                return;
            }
        }
        throw PveError.perm(path + ", " + String.join("|", privileges));
    }

    /**
     * The body of {@code GET /access/permissions}: path to (privilege to propagate flag). Without a
     * path: the top-level paths and every ACL path, omitting paths without privileges; with a path:
     * only that path (possibly empty).
     */
    public Map<String, Map<String, Integer>> effective(String user, String path) {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        if (path != null) {
            out.put(path, flags(privileges(user, normalize(path))));
            return out;
        }
        Set<String> paths = new TreeSet<>(TOP_PATHS);
        if (!ROOT.equals(user)) {
            paths.addAll(tokenAcl.keySet());
        }
        for (String p : paths) {
            Set<String> privs = privileges(user, p);
            if (!privs.isEmpty()) {
                out.put(p, flags(privs));
            }
        }
        return out;
    }

    /** Proxmox's {@code normalize_path}: collapses repeated slashes, drops a trailing one. */
    public static String normalize(String path) {
        String p = ("/" + path).replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static Map<String, Integer> flags(Set<String> privs) {
        Map<String, Integer> m = new TreeMap<>();
        privs.forEach(p -> m.put(p, 1));
        return m;
    }

    private static Map<String, Set<String>> copyValidated(Map<String, ? extends Collection<String>> acl) {
        if (acl == null) {
            throw new IllegalArgumentException("token ACL must not be null");
        }
        Map<String, Set<String>> out = new TreeMap<>();
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, ? extends Collection<String>> e : acl.entrySet()) {
            String path = e.getKey();
            if (path == null || !path.matches("/|(/[^/\\s]+)+")) {
                bad.add("ACL path '" + path + "' must be '/' or '/segment[/segment...]' without a trailing slash");
                continue;
            }
            if (e.getValue() == null) {
                bad.add("ACL path '" + path + "': privileges must not be null");
                continue;
            }
            int before = bad.size();
            for (String priv : e.getValue()) {
                if (priv == null || !ALL_PRIVILEGES.contains(priv)) {
                    bad.add("ACL path '" + path + "': privilege '" + priv + "' is not a Proxmox VE privilege "
                            + "(e.g. VM.Allocate, Datastore.AllocateSpace)");
                }
            }
            if (bad.size() == before) {
                out.put(path, Collections.unmodifiableSet(new TreeSet<>(e.getValue())));
            }
        }
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", bad));
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(out));
    }
}
