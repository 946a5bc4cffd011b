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
import java.util.Objects;
import java.util.function.Function;

/**
 * The access control list of the simulated cluster, as pve-access-control evaluates it
 * ({@code PVE::AccessControl::roles}, {@code PVE::RPCEnvironment::permissions} and
 * {@code compile_acl_path}).
 *
 * <p>{@code root@pam} holds every privilege everywhere. Other users and API tokens get the roles
 * of the ACL entries on the path and its parents: walking from {@code /} down, the entries of a
 * level that apply (the final path, or {@code propagate}) replace what was inherited; a token's own
 * entries are looked at before its user's. A privilege-separated token holds the intersection of
 * its own privileges and its user's; one without privilege separation holds its user's. Roles
 * granted on {@code /pool/<pool>} apply to the pool's guests and storages unless their own ACL
 * sets {@code NoAccess}. Groups are not modelled.
 *
 * <p>The primary token's ACL ({@link #setTokenAcl}) is a map of path to privileges, each entry a
 * propagating anonymous role; its user, unless defined with {@link #defineUser}, is treated as
 * holding every privilege (so the token's ACL alone decides). Thread-safe: state is replaced
 * whole under the object lock and read from volatile snapshots.
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

    /** The paths {@code GET /access/permissions} always considers (RPCEnvironment get_effective_permissions). */
    private static final List<String> TOP_PATHS = List.of("/", "/access", "/access/groups", "/nodes", "/pool",
            "/sdn", "/storage", "/vms");
    private static final String ANON = "\u0000";

    /** One ACL entry: a role for a user or token on a path. */
    public record Entry(String path, String subject, String role, boolean propagate) { }

    private record Token(String secret, boolean privsep) { }

    private final String tokenId;
    private volatile Map<String, Set<String>> tokenAcl;
    private volatile Map<String, Set<String>> roles = Roles.BUILT_IN;
    private volatile Map<String, String> users = Map.of();
    private volatile Map<String, Token> tokens = Map.of();
    private volatile List<Entry> entries = List.of();
    private volatile Function<String, List<String>> poolsOf = path -> List.of();

    /**
     * Creates the ACL.
     *
     * @param tokenId the primary API token id ({@code user@realm!name})
     * @param tokenAcl the primary token's ACL, path to privileges (validated, copied)
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
     * Replaces the primary token's ACL.
     *
     * @throws IllegalArgumentException if a path or privilege is malformed or unknown
     */
    public void setTokenAcl(Map<String, ? extends Collection<String>> acl) {
        this.tokenAcl = copyValidated(acl);
    }

    /** The primary token's ACL (immutable, sorted by path). */
    public Map<String, Set<String>> tokenAcl() {
        return tokenAcl;
    }

    /** The primary token id. */
    public String tokenId() {
        return tokenId;
    }

    /** Where pool-derived roles come from: the pools a path ({@code /vms/<id>}, {@code /storage/<id>}) belongs to. */
    public void poolMembership(Function<String, List<String>> pools) {
        this.poolsOf = Objects.requireNonNull(pools, "pools");
    }

    /**
     * Defines a user ({@code name@realm}); {@code password} (may be null) allows a ticket login.
     *
     * @throws IllegalArgumentException if the id is malformed or root@pam
     */
    public synchronized void defineUser(String userid, String password) {
        if (userid == null || !userid.matches("[^\\s:/!]+@[A-Za-z][A-Za-z0-9.\\-_]+") || ROOT.equals(userid)) {
            throw new IllegalArgumentException("user id '" + userid + "' must look like name@realm (and not root@pam)");
        }
        Map<String, String> next = new TreeMap<>(users);
        next.put(userid, password == null ? "" : password);
        users = Collections.unmodifiableMap(next);
    }

    /**
     * Defines an API token {@code user@realm!name} with its secret and privilege separation.
     *
     * @throws IllegalArgumentException if the id is malformed or its user is not defined
     */
    public synchronized void defineToken(String id, String secret, boolean privsep) {
        if (id == null || !id.matches("[^\\s:/!]+@[A-Za-z][A-Za-z0-9.\\-_]+![A-Za-z][A-Za-z0-9.\\-_]+")) {
            throw new IllegalArgumentException("token id '" + id + "' must look like user@realm!name");
        }
        String user = id.substring(0, id.indexOf('!'));
        if (!ROOT.equals(user) && !users.containsKey(user)) {
            throw new IllegalArgumentException("token '" + id + "': user '" + user + "' is not defined");
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("token '" + id + "': secret must not be blank");
        }
        Map<String, Token> next = new TreeMap<>(tokens);
        next.put(id, new Token(secret, privsep));
        tokens = Collections.unmodifiableMap(next);
    }

    /**
     * Defines a custom role.
     *
     * @throws IllegalArgumentException if the name is a built-in role or a privilege is unknown
     */
    public synchronized void defineRole(String name, Collection<String> privileges) {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9.\\-_]*") || Roles.BUILT_IN.containsKey(name)) {
            throw new IllegalArgumentException("role '" + name + "' must be a new name (built-in roles: "
                    + Roles.BUILT_IN.keySet() + ")");
        }
        Map<String, Set<String>> next = new LinkedHashMap<>(roles);
        next.put(name, validPrivileges("role '" + name + "'", privileges));
        roles = Collections.unmodifiableMap(next);
    }

    /**
     * Adds an ACL entry for a defined user or token: a role, or (with {@code role == null}) a set
     * of privileges as an anonymous role.
     *
     * @throws IllegalArgumentException naming the path, subject, role or privilege that is wrong
     */
    public synchronized void addEntry(String path, String subject, String role, Collection<String> privileges,
            boolean propagate) {
        if (path == null || !path.matches("/|(/[^/\\s]+)+")) {
            throw new IllegalArgumentException("ACL path '" + path + "' must be '/' or '/segment[/segment...]'");
        }
        if (!knows(subject) || ROOT.equals(subject)) {
            throw new IllegalArgumentException("ACL entry on '" + path + "': '" + subject
                    + "' is not a defined user or token");
        }
        String r = role;
        if (r == null) {
            r = ANON + path + ANON + subject + ANON + entries.size();
            Map<String, Set<String>> next = new LinkedHashMap<>(roles);
            next.put(r, validPrivileges("ACL entry on '" + path + "'", privileges == null ? List.of() : privileges));
            roles = Collections.unmodifiableMap(next);
        } else if (!roles.containsKey(r)) {
            throw new IllegalArgumentException("ACL entry on '" + path + "': role '" + r + "' does not exist (built-in: "
                    + Roles.BUILT_IN.keySet() + ")");
        }
        List<Entry> next = new ArrayList<>(entries);
        next.add(new Entry(path, subject, r, propagate));
        entries = List.copyOf(next);
    }

    /** Whether the token id and secret match a defined token (the primary token is checked by the caller). */
    public boolean tokenMatches(String id, String secret) {
        Token t = tokens.get(id);
        return t != null && java.security.MessageDigest.isEqual(t.secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Whether a defined user (not root@pam) has this non-empty password. */
    public boolean passwordMatches(String userid, String password) {
        String p = users.get(userid);
        return p != null && !p.isEmpty() && java.security.MessageDigest.isEqual(
                p.getBytes(java.nio.charset.StandardCharsets.UTF_8), password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Whether {@code userid} names a known identity: root@pam, a defined user, the primary or a defined token. */
    public boolean knows(String userid) {
        return ROOT.equals(userid) || tokenId.equals(userid) || users.containsKey(userid) || tokens.containsKey(userid);
    }

    /** Effective privileges of an identity on a path (empty for unknown identities). */
    public Set<String> privileges(String user, String path) {
        if (ROOT.equals(user)) {
            return ALL_PRIVILEGES;
        }
        int bang = user.indexOf('!');
        if (bang > 0) {
            String owner = user.substring(0, bang);
            boolean primary = tokenId.equals(user);
            Token t = tokens.get(user);
            if (!primary && t == null) {
                return Set.of();
            }
            Set<String> userPrivs = ROOT.equals(owner) || primary && !users.containsKey(owner) ? ALL_PRIVILEGES
                    : privileges(owner, path);
            if (t != null && !t.privsep) {
                return userPrivs;
            }
            Set<String> own = compile(user, path);
            Set<String> both = new TreeSet<>(own);
            both.retainAll(userPrivs);
            return Collections.unmodifiableSet(both);
        }
        if (!users.containsKey(user)) {
            return Set.of();
        }
        return compile(user, path);
    }

    /** compile_acl_path: roles on the path (with propagation), plus roles from the pools it belongs to. */
    private Set<String> compile(String subject, String path) {
        Map<String, Boolean> r = roles(subject, path);
        if (!r.containsKey("NoAccess")) {
            Map<String, Boolean> fromPools = new LinkedHashMap<>();
            for (String pool : poolsOf.apply(path)) {
                roles(subject, "/pool/" + pool).keySet().forEach(x -> fromPools.put(x, false));
            }
            if (fromPools.containsKey("NoAccess")) {
                r = Map.of("NoAccess", false);
            } else {
                Map<String, Boolean> merged = new LinkedHashMap<>(r);
                fromPools.keySet().forEach(x -> merged.putIfAbsent(x, false));
                r = merged;
            }
        }
        Set<String> privs = new TreeSet<>();
        r.keySet().forEach(role -> privs.addAll(roleDefinition(role)));
        return Collections.unmodifiableSet(privs);
    }

    /** PVE::AccessControl::roles for one subject: deeper levels that apply replace what was inherited. */
    private Map<String, Boolean> roles(String subject, String path) {
        List<String> levels = new ArrayList<>();
        levels.add("/");
        if (!path.equals("/")) {
            StringBuilder sb = new StringBuilder();
            for (String seg : path.substring(1).split("/")) {
                sb.append('/').append(seg);
                levels.add(sb.toString());
            }
        }
        boolean primary = tokenId.equals(subject);
        Map<String, Boolean> result = new LinkedHashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            String level = levels.get(i);
            boolean last = i == levels.size() - 1;
            Map<String, Boolean> found = new LinkedHashMap<>();
            if (primary) {
                Set<String> privs = tokenAcl.get(level);
                if (privs != null) {
                    found.put(ANON + "primary" + level, true);
                }
            }
            for (Entry e : entries) {
                if (e.path.equals(level) && e.subject.equals(subject) && (last || e.propagate)) {
                    found.put(e.role, e.propagate);
                }
            }
            if (!found.isEmpty()) {
                result = found;
            }
        }
        if (result.containsKey("NoAccess")) {
            return Map.of("NoAccess", result.get("NoAccess"));
        }
        return result;
    }

    private Set<String> roleDefinition(String role) {
        if (role.startsWith(ANON + "primary")) {
            return tokenAcl.getOrDefault(role.substring((ANON + "primary").length()), Set.of());
        }
        return roles.getOrDefault(role, Set.of());
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
     * path: the top-level paths, every ACL path and every pool member path, omitting paths without
     * privileges; with a path: only that path (possibly empty).
     */
    public Map<String, Map<String, Integer>> effective(String user, String path) {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        if (path != null) {
            out.put(path, flags(privileges(user, normalize(path))));
            return out;
        }
        Set<String> paths = new TreeSet<>(TOP_PATHS);
        paths.addAll(tokenAcl.keySet());
        entries.forEach(e -> paths.add(e.path));
        for (String p : paths) {
            Set<String> privs = privileges(user, p);
            if (!privs.isEmpty()) {
                out.put(p, flags(privs));
            }
        }
        return out;
    }

    /** Adds paths (pool members) {@link #effective} considers too, returning the same map filled in. */
    public Map<String, Map<String, Integer>> effective(String user, String path, Collection<String> morePaths) {
        Map<String, Map<String, Integer>> out = effective(user, path);
        if (path == null) {
            for (String p : morePaths) {
                Set<String> privs = privileges(user, p);
                if (!privs.isEmpty()) {
                    out.put(p, flags(privs));
                }
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

    private static Set<String> validPrivileges(String where, Collection<String> privileges) {
        List<String> bad = new ArrayList<>();
        for (String priv : privileges) {
            if (priv == null || !ALL_PRIVILEGES.contains(priv)) {
                bad.add(where + ": privilege '" + priv + "' is not a Proxmox VE privilege (e.g. VM.Allocate, "
                        + "Datastore.AllocateSpace)");
            }
        }
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", bad));
        }
        return Collections.unmodifiableSet(new TreeSet<>(privileges));
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
