package io.github.proxmoxlxc.testkit.internal.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The built-in roles of pve-access-control ({@code PVE::AccessControl::create_roles} from
 * {@code $privgroups}): {@code NoAccess}, {@code Administrator}, {@code PVEAdmin},
 * {@code PVE<Cat>Admin}, {@code PVE<Cat>User}, {@code PVEAuditor}, {@code PVETemplateUser}.
 */
final class Roles {

    /** category -> {root, admin, user, audit} privileges. */
    private static final Map<String, List<List<String>>> PRIVGROUPS = new LinkedHashMap<>();

    static {
        PRIVGROUPS.put("VM", List.of(List.of(),
                List.of("VM.Config.Disk", "VM.Config.CPU", "VM.Config.Memory", "VM.Config.Network", "VM.Config.HWType",
                        "VM.Config.Options", "VM.Allocate", "VM.Clone", "VM.GuestAgent.Unrestricted", "VM.Migrate",
                        "VM.Replicate", "VM.Snapshot", "VM.Snapshot.Rollback"),
                List.of("VM.Config.CDROM", "VM.Config.Cloudinit", "VM.Console", "VM.Backup", "VM.GuestAgent.FileRead",
                        "VM.GuestAgent.FileSystemMgmt", "VM.GuestAgent.FileWrite", "VM.PowerMgmt"),
                List.of("VM.Audit", "VM.GuestAgent.Audit")));
        PRIVGROUPS.put("Sys", List.of(List.of("Sys.PowerMgmt", "Sys.Modify", "Sys.Incoming", "Sys.AccessNetwork"),
                List.of("Sys.Console", "Sys.Syslog"), List.of(), List.of("Sys.Audit")));
        PRIVGROUPS.put("Datastore", List.of(List.of(), List.of("Datastore.Allocate", "Datastore.AllocateTemplate"),
                List.of("Datastore.AllocateSpace"), List.of("Datastore.Audit")));
        PRIVGROUPS.put("SDN", List.of(List.of(), List.of("SDN.Allocate", "SDN.Audit"), List.of("SDN.Use"),
                List.of("SDN.Audit")));
        PRIVGROUPS.put("User", List.of(List.of("Realm.Allocate"), List.of("User.Modify", "Group.Allocate",
                "Realm.AllocateUser"), List.of(), List.of()));
        PRIVGROUPS.put("Pool", List.of(List.of(), List.of("Pool.Allocate"), List.of("Pool.Audit"), List.of("Pool.Audit")));
        PRIVGROUPS.put("Mapping", List.of(List.of(), List.of("Mapping.Modify"), List.of("Mapping.Use"),
                List.of("Mapping.Audit")));
    }

    /** The built-in roles, name to privileges. */
    static final Map<String, Set<String>> BUILT_IN = build();

    private Roles() {
    }

    private static Map<String, Set<String>> build() {
        Map<String, Set<String>> r = new LinkedHashMap<>();
        r.put("NoAccess", new TreeSet<>());
        r.put("Administrator", new TreeSet<>(Acl.ALL_PRIVILEGES));
        for (Map.Entry<String, List<List<String>>> e : PRIVGROUPS.entrySet()) {
            String cat = e.getKey();
            List<List<String>> g = e.getValue();
            for (int i = 1; i < 4; i++) {
                for (String p : g.get(i)) {
                    r.computeIfAbsent("PVE" + cat + "Admin", k -> new TreeSet<>()).add(p);
                    r.computeIfAbsent("PVEAdmin", k -> new TreeSet<>()).add(p);
                }
            }
            if (!g.get(2).isEmpty()) {
                for (int i = 2; i < 4; i++) {
                    for (String p : g.get(i)) {
                        r.computeIfAbsent("PVE" + cat + "User", k -> new TreeSet<>()).add(p);
                    }
                }
            }
            for (String p : g.get(3)) {
                r.computeIfAbsent("PVEAuditor", k -> new TreeSet<>()).add(p);
            }
        }
        r.get("PVEAdmin").remove("Mapping.Modify");
        r.put("PVETemplateUser", new TreeSet<>(Set.of("VM.Clone", "VM.Audit")));
        Map<String, Set<String>> out = new LinkedHashMap<>();
        r.forEach((k, v) -> out.put(k, Collections.unmodifiableSet(v)));
        return Collections.unmodifiableMap(out);
    }
}
