package io.github.proxmoxlxc.testkit.internal.model;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The privilege checks pve-container's create handler makes itself (its schema says only
 * {@code user: all}), in its order: {@code VM.Allocate} on {@code /vms/<vmid>} (or on
 * {@code /pool/<pool>}), {@code SDN.Use} per bridge, read access to the template's storage,
 * {@code Datastore.AllocateSpace} on each rootfs/mount point storage. {@code VM.Config.*} per option
 * and {@code Sys.Modify} for privileged containers are not checked.
 */
final class CreatePermissions {

    private CreatePermissions() {
    }

    /** {@code VM.Allocate}; Proxmox raises a bare {@code Permission check failed} here. */
    static void vmAllocate(Acl acl, String user, int vmid, Map<String, String> p) {
        String pool = p.get("pool");
        if (acl.has(user, "/vms/" + vmid, "VM.Allocate")
                || pool != null && acl.has(user, "/pool/" + pool, "VM.Allocate")) {
            return;
        }
        throw new PveError(403, "Permission check failed");
    }

    /** Bridges, template storage, volume storages. */
    static void resources(Acl acl, String user, Map<String, String> p) {
        for (Map.Entry<String, String> e : p.entrySet()) {
            if (e.getKey().matches("net\\d+")) {
                Map<String, String> kv = props(e.getValue());
                String bridge = kv.get("bridge");
                if (bridge != null) {
                    String tag = kv.get("tag");
                    acl.check(user, "/sdn/zones/localnetwork/" + bridge + (tag == null ? "" : "/" + tag), "SDN.Use");
                }
            }
        }
        String ostemplate = p.get("ostemplate");
        int colon = ostemplate.indexOf(':');
        if (colon > 0 && !ostemplate.startsWith("/")) {
            // PVE::Storage::check_volume_access for vztmpl
            acl.checkAny(user, "/storage/" + ostemplate.substring(0, colon), "Datastore.AllocateSpace",
                    "Datastore.Audit");
        }
        String defaultStorage = p.getOrDefault("storage", "local");
        Set<String> storages = new LinkedHashSet<>();
        String rootfs = p.get("rootfs");
        if (rootfs == null) {
            storages.add(defaultStorage);
        }
        for (Map.Entry<String, String> e : p.entrySet()) {
            if (e.getKey().equals("rootfs") || e.getKey().matches("mp\\d+")) {
                String volume = e.getValue().split(",", 2)[0].replaceFirst("^volume=", "");
                if (volume.matches("\\d+(\\.\\d+)?")) {
                    storages.add(defaultStorage);
                } else if (!volume.startsWith("/") && volume.indexOf(':') > 0) {
                    storages.add(volume.substring(0, volume.indexOf(':')));
                }
            }
        }
        for (String s : storages) {
            acl.check(user, "/storage/" + s, "Datastore.AllocateSpace");
        }
    }

    private static Map<String, String> props(String value) {
        Map<String, String> kv = new java.util.HashMap<>();
        for (String part : value.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                kv.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return kv;
    }
}
