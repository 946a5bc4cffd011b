package io.github.proxmoxlxc.core.internal.provision;

import io.github.proxmoxlxc.core.provision.NodePatch;
import java.util.ArrayList;
import java.util.List;

/** Renders a node patch as the lines a person would put into each file on the node. */
public final class PatchLines {
    private PatchLines() {
    }

    /**
     * The lines per file, each file introduced by a {@code # <path>} header; removals as
     * {@code # remove: <line>}.
     *
     * @param node the node, or null when not known yet
     * @param vmid the container id, or null when not known yet
     * @param patch the patch
     * @return the lines, empty for an empty patch
     */
    public static List<String> render(String node, Integer vmid, NodePatch patch) {
        List<String> out = new ArrayList<>();
        if (patch.isEmpty()) {
            return out;
        }
        String id = vmid == null ? "{vmid}" : vmid.toString();
        String where = node == null ? "" : " (node " + node + ")";
        if (!patch.confLines().isEmpty() || !patch.removeRawLines().isEmpty()) {
            out.add("# /etc/pve/lxc/" + id + ".conf" + where);
            patch.removeRawLines().forEach(l -> out.add("# remove: " + l));
            out.addAll(patch.confLines());
        }
        if (!patch.subuidLines().isEmpty()) {
            out.add("# /etc/subuid" + where);
            out.addAll(patch.subuidLines());
        }
        if (!patch.subgidLines().isEmpty()) {
            out.add("# /etc/subgid" + where);
            out.addAll(patch.subgidLines());
        }
        return List.copyOf(out);
    }
}
