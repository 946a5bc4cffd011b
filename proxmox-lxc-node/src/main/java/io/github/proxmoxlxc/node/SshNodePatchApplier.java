package io.github.proxmoxlxc.node;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.provision.NodePatch;
import io.github.proxmoxlxc.core.provision.NodePatchApplier;
import io.github.proxmoxlxc.core.provision.NodePatchReport;
import io.github.proxmoxlxc.core.provision.ProvisionRequest;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.core.spec.DeviceEntry;
import io.github.proxmoxlxc.core.spec.Features;
import io.github.proxmoxlxc.core.spec.MountPoint;
import io.github.proxmoxlxc.core.spec.PrivilegeRequirement;
import io.github.proxmoxlxc.node.internal.NodeScripts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provisioner's {@link NodePatchApplier} over SSH: applies a {@link NodePatch} on the node
 * between create and first start, as {@code build.func} does as root on the node.
 * <ul>
 *   <li>config keys ({@code devN}, {@code features}, {@code mpN} bind mounts, {@code hookscript})
 *   with one {@code pct set <vmid> -key value ...} (pct takes PVE's config lock itself);</li>
 *   <li>raw {@code lxc.*} lines in {@code /etc/pve/lxc/<vmid>.conf} under
 *   {@code flock /run/lock/lxc/pve-config-<vmid>.lock} (PVE's own lock), before the first snapshot
 *   section;</li>
 *   <li>{@code /etc/subuid} and {@code /etc/subgid} lines under a lock of their own.</li>
 * </ul>
 * Every edit is idempotent (lines added only when absent), atomic (temp file + rename in the same
 * directory), refuses symlinks and keeps mode and owner; every value reaches the shell quoted.
 *
 * <pre>{@code
 * ProvisionOptions.builder()
 *         .nodePatchApplier(SshNodePatchApplier.forNode("pve1", connection))
 *         .build();
 * }</pre>
 */
public final class SshNodePatchApplier implements NodePatchApplier {
    private static final Logger log = LoggerFactory.getLogger(SshNodePatchApplier.class);
    /** The lock for /etc/subuid and /etc/subgid edits (no PVE lock covers them). */
    static final String SUBID_LOCK = "/run/lock/proxmox-lxc-subid.lock";

    private final Function<String, NodeConnection> nodes;
    private final String root;
    private final Duration lockWait;

    private SshNodePatchApplier(Function<String, NodeConnection> nodes, String root, Duration lockWait) {
        this.nodes = nodes;
        this.root = root;
        this.lockWait = lockWait;
    }

    /**
     * An applier for containers on one node.
     *
     * @param node the node's name in the cluster
     * @param connection the SSH connection to it (as root)
     * @return the applier
     */
    public static SshNodePatchApplier forNode(String node, NodeConnection connection) {
        return forNodes(Map.of(Objects.requireNonNull(node, "node"), Objects.requireNonNull(connection, "connection")));
    }

    /**
     * An applier for a cluster: one SSH connection per node name.
     *
     * @param connections node name to connection
     * @return the applier
     */
    public static SshNodePatchApplier forNodes(Map<String, NodeConnection> connections) {
        Map<String, NodeConnection> copy = Map.copyOf(new LinkedHashMap<>(connections));
        return new SshNodePatchApplier(n -> {
            NodeConnection c = copy.get(n);
            if (c == null) {
                throw new ProxmoxException("no SSH connection for node '" + n + "' (have " + copy.keySet()
                        + "); give one per node, e.g. --ssh " + n + "=root@<address>");
            }
            return c;
        }, "", Duration.ofSeconds(60));
    }

    /**
     * An applier for a cluster whose connections are looked up (and opened) per node name when a
     * patch is applied.
     *
     * @param nodes node name to connection (throw a clear error for an unknown node)
     * @return the applier
     */
    public static SshNodePatchApplier forNodes(Function<String, NodeConnection> nodes) {
        return new SshNodePatchApplier(Objects.requireNonNull(nodes, "nodes"), "", Duration.ofSeconds(60));
    }

    /**
     * For an API-token client with SSH to the node: moves the options Proxmox takes only from
     * {@code root@pam} ({@link ContainerSpec#requiresRootAtPam()}: features other than nesting,
     * {@code devN}, bind and device mount points, a hook script) out of the request's spec into its
     * node patch, so this applier sets them with {@code pct set} after create and before the first
     * start; the container ends with the config a root@pam run gives it. Options with no config
     * value to carry (e.g. a template path) stay in the spec for preflight to name.
     *
     * @param request the request
     * @return the request with those options in its node patch (the same request when there are none)
     */
    public static ProvisionRequest rootOnlyOptionsInPatch(ProvisionRequest request) {
        ContainerSpec spec = request.spec();
        List<PrivilegeRequirement> rootOnly = spec.requiresRootAtPam();
        if (rootOnly.isEmpty()) {
            return request;
        }
        ContainerSpec.Builder sb = spec.toBuilder();
        NodePatch.Builder pb = request.nodePatch().toBuilder();
        boolean moved = false;
        for (PrivilegeRequirement r : rootOnly) {
            String field = r.field();
            Optional<String> value = Optional.empty();
            if (field.equals("features")) {
                value = spec.features().map(Features::encode);
            } else if (field.equals("hookscript")) {
                value = spec.hookScript();
            } else if (field.matches("dev\\d+")) {
                value = Optional.ofNullable(spec.devices().get(Integer.parseInt(field.substring(3))))
                        .map(DeviceEntry::encode);
            } else if (field.matches("mp\\d+")) {
                value = Optional.ofNullable(spec.mountPoints().get(Integer.parseInt(field.substring(2))))
                        .map(MountPoint::encode);
            }
            if (value.isPresent() && !request.nodePatch().keys().containsKey(field)) {
                sb.clear(field);
                pb.putKey(field, value.get());
                moved = true;
            }
        }
        return moved ? request.toBuilder().spec(sb.build()).nodePatch(pb.build()).build() : request;
    }

    /**
     * A copy whose file paths are under another directory on the node (for tests against a plain
     * SSH server; {@code pct} is not affected).
     *
     * @param directory an absolute directory standing for {@code /}
     * @return the applier
     */
    public SshNodePatchApplier underRoot(String directory) {
        if (!directory.startsWith("/")) {
            throw new IllegalArgumentException("root must be absolute: " + directory);
        }
        return new SshNodePatchApplier(nodes, directory.endsWith("/") ? directory.substring(0, directory.length() - 1)
                : directory, lockWait);
    }

    /**
     * A copy that waits this long for a lock held by someone else (default 60 s).
     *
     * @param wait the wait, whole seconds
     * @return the applier
     */
    public SshNodePatchApplier lockWait(Duration wait) {
        if (wait.toSeconds() < 1) {
            throw new IllegalArgumentException("lockWait must be at least one second: " + wait);
        }
        return new SshNodePatchApplier(nodes, root, wait);
    }

    @Override
    public NodePatchReport apply(String node, int vmid, NodePatch patch) {
        NodeConnection c = nodes.apply(node);
        List<String> report = new ArrayList<>();
        String conf = "/etc/pve/lxc/" + vmid + ".conf";
        if (!patch.keys().isEmpty()) {
            List<String> argv = new ArrayList<>(List.of("pct", "set", Integer.toString(vmid)));
            patch.keys().forEach((k, v) -> {
                argv.add("-" + k);
                argv.add(v);
            });
            c.exec(RemoteCommand.of(argv)).requireSuccess();
            report.add("# pct set " + vmid);
            patch.keys().forEach((k, v) -> report.add(k + ": " + v));
        }
        if (!patch.rawLines().isEmpty() || !patch.removeRawLines().isEmpty()) {
            String r = edit(c, "/run/lock/lxc/pve-config-" + vmid + ".lock", conf, patch.rawLines(),
                    patch.removeRawLines(), "conf", false);
            report.add("# " + conf + " (" + r + ")");
            report.addAll(patch.rawLines());
        }
        if (!patch.subuidLines().isEmpty()) {
            String r = edit(c, SUBID_LOCK, "/etc/subuid", patch.subuidLines(), List.of(), "plain", true);
            report.add("# /etc/subuid (" + r + ")");
            report.addAll(patch.subuidLines());
        }
        if (!patch.subgidLines().isEmpty()) {
            String r = edit(c, SUBID_LOCK, "/etc/subgid", patch.subgidLines(), List.of(), "plain", true);
            report.add("# /etc/subgid (" + r + ")");
            report.addAll(patch.subgidLines());
        }
        log.info("node patch for {} applied on {} over SSH ({} line(s))", vmid, node, report.size());
        return NodePatchReport.applied(report);
    }

    private String edit(NodeConnection c, String lock, String file, List<String> add, List<String> remove, String mode,
            boolean create) {
        RemoteCommand cmd = RemoteCommand.script(NodeScripts.UNDER_LOCK, root + lock, Long.toString(lockWait.toSeconds()),
                NodeScripts.EDIT_LINES, root + file, String.join("\n", add) + "\n", String.join("\n", remove) + "\n",
                mode, create ? "create" : "no");
        ExecResult r = c.exec(cmd);
        if (r.exitStatus() == 1 && r.stdout().isEmpty() && r.stderr().isEmpty()) {
            throw new CommandFailedException("could not get the lock " + root + lock + " on " + c.target() + " within "
                    + lockWait + " to edit " + file + " (someone holds it; retry later)", 1, List.of());
        }
        r.requireSuccess();
        return r.stdout().strip();
    }

    @Override
    public String toString() {
        return "SshNodePatchApplier" + (root.isEmpty() ? "" : "[root " + root + "]");
    }
}
