package io.github.proxmoxlxc.core.internal.provision;

import io.github.proxmoxlxc.core.internal.spec.LxcOption;
import io.github.proxmoxlxc.core.provision.PlannedCall;
import io.github.proxmoxlxc.core.provision.ProvisionOptions;
import io.github.proxmoxlxc.core.provision.ProvisionPlan;
import io.github.proxmoxlxc.core.provision.ProvisionRequest;
import io.github.proxmoxlxc.core.provision.ProvisionStep;
import io.github.proxmoxlxc.core.provision.RequiredPrivilege;
import io.github.proxmoxlxc.core.provision.RequiredPrivilege.Kind;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.core.spec.PrivilegeRequirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link ProvisionPlan} of a request from what is known: offline only the request and
 * options; after preflight also node, storages and template volume. The create parameters come
 * from {@link #createParams}, the same method the run uses, so the plan shows what is sent.
 */
public final class PlanBuilder {
    /** A VMID stand-in for rendering a command when the VMID is not known yet. */
    private static final int VMID_MARK = 999_999_999;
    static final String NODE_PH = "{node}";
    static final String VMID_PH = "{vmid}";

    /**
     * What is known about where and how a request will run.
     *
     * @param node the node, or null
     * @param vmid the VMID, or null
     * @param rootFsStorage the rootfs storage, or null
     * @param templateStorage the template storage, or null
     * @param templateVolume the template volume, or null
     * @param downloadFile the template file to download, or null when stored (or unknown)
     * @param downloadKnown whether {@code downloadFile} is known (false offline for a reference)
     * @param resolved whether this came from the cluster
     */
    public record Facts(String node, Integer vmid, String rootFsStorage, String templateStorage, String templateVolume,
                        String downloadFile, boolean downloadKnown, boolean resolved) {
    }

    private PlanBuilder() {
    }

    /**
     * The offline facts: what the request and options say.
     *
     * @param request the request
     * @param options the options
     * @return the facts
     */
    public static Facts offline(ProvisionRequest request, ProvisionOptions options) {
        TemplateName t = TemplateName.parse(request.template());
        String tplStorage = t.volumeStorage().or(request::templateStorage)
                .orElse(options.templateStorage().orElse(null));
        String rootfs = Placement.specRootfsStorage(request.spec()).orElse(options.rootFsStorage().orElse(null));
        return new Facts(request.node().orElse(null), request.spec().vmid().isPresent()
                ? request.spec().vmid().getAsInt() : null, rootfs, tplStorage, t.volumeId(), null, t.exactVolume(), false);
    }

    /**
     * The spec as it is created: VMID, template volume and (when the spec has none) a rootfs on the
     * chosen storage filled in.
     *
     * @param spec the requested spec
     * @param vmid the VMID
     * @param templateVolume the template volume
     * @param rootFsStorage the rootfs storage (used only when the spec has no rootfs)
     * @param rootfsGiB the rootfs size in GiB (used only when the spec has no rootfs)
     * @return the spec to create
     */
    public static ContainerSpec createSpec(ContainerSpec spec, int vmid, String templateVolume, String rootFsStorage,
            int rootfsGiB) {
        ContainerSpec.Builder b = spec.toBuilder().vmid(vmid).osTemplate(templateVolume);
        if (spec.rootFs().isEmpty() && rootFsStorage != null) {
            b.rootFs(rootFsStorage, rootfsGiB);
        }
        return b.build();
    }

    /**
     * The rootfs size for a spec without {@code rootfs}: the request's, else the default.
     *
     * @param request the request
     * @return the size in GiB
     */
    public static int rootfsGiB(ProvisionRequest request) {
        return request.rootFsSizeGiB().orElse(ProvisionRequest.DEFAULT_ROOTFS_GIB);
    }

    /**
     * The exact create parameters ({@code start} removed: the provisioner starts the container
     * itself, after the node patch).
     *
     * @param spec the spec from {@link #createSpec}
     * @return the parameters
     */
    public static Map<String, String> createParams(ContainerSpec spec) {
        Map<String, String> p = new LinkedHashMap<>(spec.toParameters());
        p.remove("start");
        return p;
    }

    /**
     * Builds the plan.
     *
     * @param request the request
     * @param options the options
     * @param f the facts
     * @return the plan
     */
    public static ProvisionPlan build(ProvisionRequest request, ProvisionOptions options, Facts f) {
        ContainerSpec spec = request.spec();
        String node = f.node() == null ? NODE_PH : f.node();
        String vmid = f.vmid() == null ? VMID_PH : f.vmid().toString();
        String tpl = f.templateStorage() == null ? "{template-storage}" : f.templateStorage();
        String vol = f.templateVolume() == null ? "{template-volume}" : f.templateVolume();
        String root = f.rootFsStorage() == null ? "{rootfs-storage}" : f.rootFsStorage();
        ProvisionAccess.Plan b = ProvisionAccess.plan(request.label(), request.template()).node(f.node())
                .vmid(f.vmid()).templateVolume(f.templateVolume()).rootFsStorage(f.rootFsStorage())
                .templateStorage(f.templateStorage()).resolved(f.resolved());
        String base = "/nodes/" + node;

        if (options.preflight()) {
            b.addCall(read(ProvisionStep.PREFLIGHT, "/version", List.of(), "reachability and version"));
            b.addCall(read(ProvisionStep.PREFLIGHT, "/access/permissions", List.of(), "privileges of the caller"));
        }
        b.addCall(read(ProvisionStep.PLACEMENT, "/nodes", List.of(), f.node() == null
                ? "choose a node (" + "strategy)" : "check the node is online"));
        b.addCall(read(ProvisionStep.PLACEMENT, base + "/storage", List.of(), "rootfs storage with rootdir, template storage with vztmpl"));
        b.addCall(new PlannedCall(ProvisionStep.TEMPLATE, "GET", base + "/storage/" + tpl + "/content",
                Map.of("content", "vztmpl"), List.of(acl("/storage/" + tpl, "Datastore.Audit", "list templates")),
                "pveam list " + tpl, ""));
        if (!f.downloadKnown() || f.downloadFile() != null) {
            String note = f.downloadKnown() ? "" : "only if no stored template matches " + request.template();
            String file = f.downloadFile() != null ? f.downloadFile() : "{newest " + request.template() + "}";
            b.addCall(new PlannedCall(ProvisionStep.TEMPLATE, "GET", base + "/aplinfo", Map.of(), List.of(),
                    "pveam available --section system", note));
            b.addCall(new PlannedCall(ProvisionStep.TEMPLATE, "POST", base + "/aplinfo",
                    ordered("storage", tpl, "template", file),
                    List.of(acl("/storage/" + tpl, "Datastore.AllocateTemplate", "download a template")),
                    "pveam download " + tpl + " " + file, note));
        }
        if (f.vmid() == null) {
            b.addCall(new PlannedCall(ProvisionStep.VMID, "GET", "/cluster/nextid", Map.of(), List.of(),
                    "pvesh get /cluster/nextid", options.vmidFirst().isPresent() ? "candidates from "
                    + options.vmidFirst().get() + ".." + options.vmidLast().get() + " instead" : ""));
            b.addNote("the VMID is allocated at run time; {vmid} stands for it");
        }
        int gib = rootfsGiB(request);
        ContainerSpec created = createSpec(spec, f.vmid() == null ? VMID_MARK : f.vmid(), vol.startsWith("{")
                ? "local:vztmpl/template.tar.zst" : vol, f.rootFsStorage() == null ? "local" : root, gib);
        Map<String, String> params = new LinkedHashMap<>(createParams(created));
        params.replaceAll((k, v) -> k.equals("password") ? "***" : v);
        if (f.vmid() == null) {
            params.put("vmid", VMID_PH);
        }
        if (vol.startsWith("{")) {
            params.put("ostemplate", vol);
        }
        if (spec.rootFs().isEmpty()) {
            params.put("rootfs", root + ":" + gib);
        }
        String pct = created.toPctCommand().replace(Integer.toString(VMID_MARK), VMID_PH)
                .replace("local:vztmpl/template.tar.zst", vol);
        if (spec.rootFs().isEmpty()) {
            pct = pct.replace("local:" + gib, root + ":" + gib);
        }
        b.addCall(new PlannedCall(ProvisionStep.CREATE, "POST", base + "/lxc", params,
                createPrivileges(spec, withDescription(params.keySet()), vmid, root, tpl), pct, "then wait for the vzcreate task"));
        if (!request.nodePatch().isEmpty()) {
            List<RequiredPrivilege> np = new ArrayList<>();
            if (!request.nodePatch().confLines().isEmpty() || !request.nodePatch().removeRawLines().isEmpty()) {
                np.add(new RequiredPrivilege(Kind.NODE_ACCESS, "/etc/pve/lxc/" + vmid + ".conf", "root shell",
                        "raw lxc.* lines cannot be set through the API"));
            }
            if (!request.nodePatch().subuidLines().isEmpty()) {
                np.add(new RequiredPrivilege(Kind.NODE_ACCESS, "/etc/subuid", "root shell", "delegate host uids"));
            }
            if (!request.nodePatch().subgidLines().isEmpty()) {
                np.add(new RequiredPrivilege(Kind.NODE_ACCESS, "/etc/subgid", "root shell", "delegate host gids"));
            }
            b.addCall(new PlannedCall(ProvisionStep.NODE_PATCH, "NODE", "/etc/pve/lxc/" + vmid + ".conf", Map.of(), np,
                    "", "applied before the first start; see nodePatch lines"));
            b.nodePatch(request.nodePatch(), PatchLines.render(f.node(), f.vmid(), request.nodePatch()));
        }
        String ct = base + "/lxc/" + vmid;
        b.addCall(new PlannedCall(ProvisionStep.START, "POST", ct + "/status/start", Map.of(),
                List.of(acl("/vms/" + vmid, "VM.PowerMgmt", "start the container")), "pct start " + vmid,
                "then wait for the vzstart task"));
        b.addCall(new PlannedCall(ProvisionStep.WAIT_RUNNING, "GET", ct + "/status/current", Map.of(),
                List.of(acl("/vms/" + vmid, "VM.Audit", "read the status")), "pct status " + vmid,
                "until status is running"));
        if (options.waitForIp()) {
            b.addCall(new PlannedCall(ProvisionStep.WAIT_IP, "GET", ct + "/interfaces", Map.of(),
                    List.of(acl("/vms/" + vmid, "VM.Audit", "read the addresses")),
                    "pvesh get " + ct + "/interfaces", "until an address other than loopback appears (timeout "
                    + options.ipTimeout() + ")"));
        }
        spec.requiresRootAtPam().forEach(r -> b.addWarning(r.field() + ": " + r.reason()
                + " - an API token cannot set it; use a root@pam ticket or a node patch"));
        List<String> idmapped = new ArrayList<>();
        spec.rootFs().filter(r -> r.idmap().isPresent()).ifPresent(r -> idmapped.add("rootfs"));
        spec.mountPoints().forEach((i, mp) -> mp.idmap().ifPresent(x -> idmapped.add("mp" + i)));
        if (!idmapped.isEmpty()) {
            b.addWarning(String.join(", ", idmapped) + ": idmap needs pve-container 6.1.6 or newer on the node;"
                    + " PVE 9.1 (pve-container 6.0.18) refuses the create with 'invalid key in comma-separated list"
                    + " property: idmap'");
        }
        if (!request.nodePatch().isEmpty()) {
            b.addWarning("the node patch needs root on the node; the default applier only prints it");
        }
        b.addNote(options.keepOnFailure() ? "on failure the container is kept for inspection"
                : "on failure after create: POST " + ct + "/status/stop (if running), DELETE " + ct
                + " purge=1 destroy-unreferenced-disks=1");
        return b.build();
    }

    private static List<RequiredPrivilege> createPrivileges(ContainerSpec spec, java.util.Set<String> keys, String vmid,
                                                            String root, String tpl) {
        List<RequiredPrivilege> p = new ArrayList<>();
        // create_vm takes VM.Allocate, and check_ct_modify_config_perm each option's VM.Config.*, on the
        // pool path when a pool is given (RPCEnvironment::check_vm_perm: /pool/<pool>, else /vms/<vmid>)
        String guestPath = spec.pool().map(x -> "/pool/" + x).orElse("/vms/" + vmid);
        p.add(acl(guestPath, "VM.Allocate", "create the container"));
        // pve-container check_ct_modify_config_perm, applied to the create parameters: the option table
        // names each option's VM.Config.* privilege (none for create-only and root@pam-only options)
        for (String k : keys) {
            Optional<String> privilege = LxcOption.forKey(k).flatMap(LxcOption::privilege);
            if (privilege.isEmpty()) {
                continue;
            }
            String priv = privilege.get();
            p.add(acl(guestPath, priv, "set " + (priv.equals("VM.Config.Options") ? "options" : priv.substring(
                    "VM.Config.".length()).toLowerCase(java.util.Locale.ROOT) + " options") + " on create"));
        }
        p.add(acl("/storage/" + root, "Datastore.AllocateSpace", "allocate the root disk"));
        spec.mountPoints().values().forEach(mp -> mp.volume().filter(v -> !v.startsWith("/") && v.contains(":"))
                .map(v -> v.substring(0, v.indexOf(':'))).ifPresent(s -> p.add(acl("/storage/" + s,
                        "Datastore.AllocateSpace", "allocate a mount point"))));
        p.add(acl("/storage/" + tpl, "Datastore.Audit", "read the template volume"));
        spec.networks().values().forEach(n -> n.bridge().ifPresent(br -> p.add(acl("/sdn/zones/localnetwork/" + br,
                "SDN.Use", "attach to bridge " + br))));
        if (!spec.isUnprivileged()) {
            p.add(acl("/", "Sys.Modify", "create a privileged container"));
        }
        if (spec.haManaged().orElse(false)) {
            // pve-container create_vm checks Sys.Console on / for ha-managed
            p.add(acl("/", "Sys.Console", "add the container as an HA resource"));
        }
        for (PrivilegeRequirement r : spec.requiresRootAtPam()) {
            p.add(new RequiredPrivilege(Kind.ROOT_AT_PAM, r.field(), "root@pam", r.reason()));
        }
        return p.stream().distinct().toList();
    }

    /** The run adds its ownership marker to the description, so the create always sets it. */
    private static java.util.Set<String> withDescription(java.util.Set<String> keys) {
        java.util.Set<String> k = new java.util.LinkedHashSet<>(keys);
        k.add("description");
        return k;
    }

    private static RequiredPrivilege acl(String path, String priv, String reason) {
        return new RequiredPrivilege(Kind.ACL, path, priv, reason);
    }

    private static PlannedCall read(ProvisionStep step, String path, List<RequiredPrivilege> privs, String note) {
        return new PlannedCall(step, "GET", path, Map.of(), privs, "", note);
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
