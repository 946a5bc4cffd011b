package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.client.NodeInfo;
import io.github.proxmoxlxc.hardware.gpu.Detection;
import io.github.proxmoxlxc.node.RemoteHardware;
import java.util.List;

/** GPU detection of a node over SSH/SFTP ({@code --ssh}), for {@code create} and {@code gpus}. */
final class RemoteGpus {
    private RemoteGpus() {
    }

    /**
     * Detection on {@code node}, or on the cluster's only node when {@code node} is null; asked
     * only when var_gpu or var_tun needs it.
     */
    static ProvisionInput.HostDetection detection(Connection c, String node) {
        return new ProvisionInput.HostDetection() {
            private String target;

            @Override
            public Detection detect() {
                target = node != null ? node : onlyNode(c);
                return RemoteHardware.over(c.nodes().require(target)).detect();
            }

            @Override
            public String where() {
                return "on node " + target + " (over SSH)";
            }
        };
    }

    /**
     * {@code gpus --ssh}: detection on the one target given (or the one named by {@code --node}),
     * no cluster API involved; {@code where[0]} gets the place for messages.
     */
    static Detection overSsh(SshOptions ssh, java.util.Map<String, String> env, String node, String[] where) {
        try (NodeChannels nodes = NodeChannels.from(ssh, env)) {
            io.github.proxmoxlxc.node.NodeConnection n = nodes.only(node);
            where[0] = "on " + n.target() + " (over SSH)";
            return RemoteHardware.over(n).detect();
        }
    }

    private static String onlyNode(Connection c) {
        List<String> names = c.client().nodes().list().stream().map(NodeInfo::node).toList();
        if (names.size() != 1) {
            throw CliException.invalid("--node", "", "must name the node when var_gpu or var_tun is set with "
                    + c.nodes().source() + ": its GPUs are detected there over SSH (the cluster has " + names + ")");
        }
        return names.get(0);
    }
}
