package io.github.proxmoxlxc.core.internal.provision;

import io.github.proxmoxlxc.core.client.NodeInfo;
import io.github.proxmoxlxc.core.client.StorageInfo;
import io.github.proxmoxlxc.core.provision.PreflightProblem;
import io.github.proxmoxlxc.core.provision.ProvisionOptions;
import io.github.proxmoxlxc.core.provision.ProvisionRequest;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.core.spec.RootFs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which nodes can take a container: online, with a rootfs storage (content {@code rootdir},
 * enabled, active, room for the disk) and a template storage (content {@code vztmpl}, enabled,
 * active). Every reason a node does not qualify becomes a {@link PreflightProblem}.
 */
final class Placement {
    private static final Pattern ALLOC = Pattern.compile("([^:\\s]+):(\\d+(?:\\.\\d+)?)");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)([KMGT]?)");

    /** A qualifying node with the storages chosen on it. */
    record Candidate(NodeInfo info, String rootFsStorage, String templateStorage, boolean templateShared) {
    }

    private Placement() {
    }

    /** The rootfs storage the spec names, if any. */
    static Optional<String> specRootfsStorage(ContainerSpec spec) {
        return spec.rootFs().flatMap(RootFs::volume).filter(v -> !v.startsWith("/") && v.contains(":"))
                .map(v -> v.substring(0, v.indexOf(':')));
    }

    /** Bytes the rootfs needs on its storage (0 for an existing volume or a bind mount). */
    static long rootfsBytes(ProvisionRequest request) {
        ContainerSpec spec = request.spec();
        Optional<RootFs> r = spec.rootFs();
        if (r.isEmpty()) {
            return (long) PlanBuilder.rootfsGiB(request) << 30;
        }
        String vol = r.get().volume().orElse("");
        Matcher m = ALLOC.matcher(vol);
        if (m.matches()) {
            return (long) (Double.parseDouble(m.group(2)) * (1L << 30));
        }
        Optional<String> size = r.get().size();
        if (size.isPresent()) {
            Matcher s = SIZE.matcher(size.get());
            if (s.matches()) {
                double n = Double.parseDouble(s.group(1));
                int shift = "KMGT".indexOf(s.group(2).isEmpty() ? "G" : s.group(2)) * 10 + 10;
                return (long) (n * (1L << shift));
            }
        }
        return 0;
    }

    static List<Candidate> qualify(ProvisionRequest request, ProvisionOptions options, Lookups lookups,
                                   List<PreflightProblem> problems) {
        ContainerSpec spec = request.spec();
        List<NodeInfo> nodes = new ArrayList<>(lookups.nodes());
        nodes.sort(Comparator.comparing(NodeInfo::node));
        Optional<String> pinned = request.node();
        if (pinned.isPresent()) {
            Optional<NodeInfo> n = nodes.stream().filter(i -> i.node().equals(pinned.get())).findFirst();
            if (n.isEmpty()) {
                problems.add(new PreflightProblem("node", pinned.get(), "no such node in the cluster (nodes: "
                        + nodes.stream().map(NodeInfo::node).toList() + ")", "name an existing node or let placement choose"));
                return List.of();
            }
            nodes = List.of(n.get());
        }
        String wantRoot = specRootfsStorage(spec).orElse(options.rootFsStorage().orElse(null));
        String wantTpl = TemplateName.parse(request.template()).volumeStorage()
                .or(request::templateStorage).orElse(options.templateStorage().orElse(null));
        long need = rootfsBytes(request);
        List<Candidate> out = new ArrayList<>();
        List<PreflightProblem> all = new ArrayList<>();
        for (NodeInfo n : nodes) {
            List<PreflightProblem> p = new ArrayList<>();
            if (!n.online()) {
                p.add(new PreflightProblem("node", n.node(), "is " + n.rawStatus(), "bring the node online or choose another"));
            } else {
                List<StorageInfo> storages = lookups.storages(n.node());
                String root = choose(n.node(), storages, wantRoot, "rootdir", need, p, "rootfs storage");
                String tpl = choose(n.node(), storages, wantTpl, "vztmpl", 0, p, "template storage");
                if (p.isEmpty()) {
                    boolean shared = storages.stream().anyMatch(s -> s.storage().equals(tpl) && s.shared());
                    out.add(new Candidate(n, root, tpl, shared));
                }
            }
            all.addAll(p);
        }
        if (out.isEmpty()) {
            problems.addAll(all);
        }
        return out;
    }

    private static String choose(String node, List<StorageInfo> storages, String wanted, String content, long need,
                                 List<PreflightProblem> p, String what) {
        String subject = node + "/" + (wanted == null ? "*" : wanted);
        if (wanted != null) {
            Optional<StorageInfo> s = storages.stream().filter(i -> i.storage().equals(wanted)).findFirst();
            if (s.isEmpty()) {
                p.add(new PreflightProblem("storage", subject, what + " does not exist on the node (storages: "
                        + storages.stream().map(StorageInfo::storage).toList() + ")",
                        "create it (Datacenter -> Storage) or choose another storage; if it exists, grant "
                                + "Datastore.Audit on /storage/" + wanted + " (Proxmox lists only storages the caller "
                                + "holds Datastore.Audit or Datastore.AllocateSpace on)"));
                return null;
            }
            List<String> why = unusable(s.get(), content, need);
            why.forEach(w -> p.add(new PreflightProblem("storage", subject, what + " " + w, remedy(w, content))));
            return why.isEmpty() ? wanted : null;
        }
        Optional<StorageInfo> best = storages.stream().filter(s -> unusable(s, content, need).isEmpty())
                .max(Comparator.comparingLong(StorageInfo::available).thenComparing(StorageInfo::storage,
                        Comparator.reverseOrder()));
        if (best.isEmpty()) {
            List<String> reasons = new ArrayList<>();
            storages.forEach(s -> {
                List<String> w = unusable(s, content, need);
                reasons.add(s.storage() + ": " + String.join(", ", w));
            });
            p.add(new PreflightProblem("storage", subject, "no " + what + " with content " + content
                    + (need > 0 ? " and " + gib(need) + " free" : "") + " is enabled and active (" + reasons + ")",
                    "enable content '" + content + "' on a storage (Datacenter -> Storage -> Edit -> Content) or free space;"
                            + " if one has it, grant Datastore.Audit on /storage/<id> (Proxmox lists only storages the"
                            + " caller holds Datastore.Audit or Datastore.AllocateSpace on)"));
            return null;
        }
        return best.get().storage();
    }

    private static List<String> unusable(StorageInfo s, String content, long need) {
        List<String> out = new ArrayList<>();
        if (!s.content().contains(content)) {
            out.add("has no content type '" + content + "' (has " + s.content().stream().sorted().toList() + ")");
        }
        if (!s.enabled()) {
            out.add("is disabled");
        }
        if (!s.active()) {
            out.add("is not active");
        }
        if (need > 0 && s.available() > 0 && s.available() < need) {
            out.add("has " + gib(s.available()) + " free, needs " + gib(need));
        }
        return out;
    }

    private static String remedy(String why, String content) {
        if (why.startsWith("has no content")) {
            return "add content '" + content + "' to the storage (Datacenter -> Storage -> Edit -> Content)";
        }
        if (why.equals("is disabled")) {
            return "enable the storage (pvesm set <storage> --disable 0)";
        }
        if (why.equals("is not active")) {
            return "check that the storage is reachable and mounted (pvesm status)";
        }
        return "free space, choose a smaller disk or another storage";
    }

    static String gib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
