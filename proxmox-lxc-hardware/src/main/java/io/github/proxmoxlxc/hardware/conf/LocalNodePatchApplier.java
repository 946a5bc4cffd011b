package io.github.proxmoxlxc.hardware.conf;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.provision.NodePatch;
import io.github.proxmoxlxc.core.provision.NodePatchApplier;
import io.github.proxmoxlxc.core.provision.NodePatchReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The provisioner's {@link NodePatchApplier} for code running on the Proxmox VE node itself: edits
 * {@code /etc/pve/lxc/<vmid>.conf}, {@code /etc/subuid} and {@code /etc/subgid} through
 * {@link NodePatchWriter} (checked first, replaced atomically, idempotent). It only handles its
 * own node: a container placed on another node is refused, since {@code /etc/pve/lxc} is the
 * local node's directory.
 *
 * <pre>{@code
 * ProvisionOptions.builder()
 *         .nodePatchApplier(LocalNodePatchApplier.onNode("pve1"))
 *         .build();
 * }</pre>
 */
public final class LocalNodePatchApplier implements NodePatchApplier {
    private final String node;
    private final NodePatchWriter writer;

    private LocalNodePatchApplier(String node, NodePatchWriter writer) {
        this.node = node;
        this.writer = writer;
    }

    /**
     * An applier for the node this code runs on (files under {@code /}).
     *
     * @param node the local node's name
     * @return the applier
     */
    public static LocalNodePatchApplier onNode(String node) {
        return at(node, Path.of("/"));
    }

    /**
     * An applier for files under a root directory (for tests, or a mounted node filesystem).
     *
     * @param node the node whose files these are
     * @param root the directory standing for {@code /}
     * @return the applier
     */
    public static LocalNodePatchApplier at(String node, Path root) {
        return new LocalNodePatchApplier(Objects.requireNonNull(node, "node"), NodePatchWriter.at(root));
    }

    /**
     * Applies the patch with {@link NodePatchWriter#apply(int, NodePatch)}.
     *
     * @param node the container's node; must be this applier's node
     * @param vmid the container id
     * @param patch the patch
     * @return an applied report with the lines per file ({@link NodePatch#fileLines(String, int)})
     * @throws ProxmoxException when the container is on another node, or the writer fails
     */
    @Override
    public NodePatchReport apply(String node, int vmid, NodePatch patch) {
        if (!this.node.equals(node)) {
            throw new ProxmoxException("container " + vmid + " is on node '" + node + "' but this applier edits the "
                    + "files of node '" + this.node + "'; pin the request to " + this.node + " or use another applier");
        }
        writer.apply(vmid, patch);
        List<String> lines = patch.fileLines(node, vmid);
        return NodePatchReport.applied(lines);
    }

    @Override
    public String toString() {
        return "LocalNodePatchApplier[" + node + "]";
    }
}
