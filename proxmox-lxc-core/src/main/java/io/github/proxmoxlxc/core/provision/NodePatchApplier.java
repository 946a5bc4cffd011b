package io.github.proxmoxlxc.core.provision;

import io.github.proxmoxlxc.core.internal.provision.PatchLines;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link NodePatch} to a freshly created container, between create and first start.
 * Raw {@code lxc.*} lines and {@code /etc/subuid}/{@code /etc/subgid} entries cannot go through
 * the API, so this is pluggable: the default {@link #printOnly()} applies nothing and hands the
 * lines back for a person to apply; the hardware module's {@code LocalNodePatchApplier} edits the
 * files when the code runs on the node itself.
 *
 * <p>Implementations should be idempotent (the provisioner retries transient failures: a
 * {@link io.github.proxmoxlxc.core.client.TransportException} or a transient
 * {@link io.github.proxmoxlxc.core.client.LockedException}) and thread-safe (bulk runs call it
 * concurrently for different containers).
 */
@FunctionalInterface
public interface NodePatchApplier {

    /**
     * Applies the patch to container {@code vmid} on {@code node}.
     *
     * @param node the node that owns the container
     * @param vmid the container id
     * @param patch the patch, never empty
     * @return what happened: applied, or the lines left for the user
     */
    NodePatchReport apply(String node, int vmid, NodePatch patch);

    /**
     * The default: applies nothing, logs the lines at INFO and returns them (not applied) so the
     * provisioner can put them into the result's warnings.
     *
     * @return the print-only applier
     */
    static NodePatchApplier printOnly() {
        Logger log = LoggerFactory.getLogger(NodePatchApplier.class);
        return printOnly(line -> log.info("{}", line));
    }

    /**
     * Applies nothing and passes each line (file headers as {@code # /etc/pve/lxc/<vmid>.conf}) to
     * {@code out}.
     *
     * @param out where the lines go, e.g. {@code System.out::println}
     * @return the print-only applier
     */
    static NodePatchApplier printOnly(Consumer<String> out) {
        Objects.requireNonNull(out, "out");
        return (node, vmid, patch) -> {
            List<String> lines = PatchLines.render(node, vmid, patch);
            lines.forEach(out);
            return NodePatchReport.notApplied(lines);
        };
    }
}
