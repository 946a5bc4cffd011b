package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.node.ExecResult;
import io.github.proxmoxlxc.node.NodeConnection;
import io.github.proxmoxlxc.node.OutputListener;
import io.github.proxmoxlxc.node.RemoteCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pct exec} and {@code pct push} over the node channel, kept out of the command classes so
 * picocli's reflection on them never loads the SSH library for {@code --help}.
 */
final class NodeExec {
    /** Stages stdin in a temporary file on the node and pct-pushes it; the temp file is always removed. */
    private static final String PUSH = "set -eu; tmp=$(mktemp /tmp/proxmox-lxc-push.XXXXXX); trap 'rm -f \"$tmp\"' EXIT;"
            + " cat > \"$tmp\"; if [ -n \"$3\" ]; then pct push \"$1\" \"$tmp\" \"$2\" --perms \"$3\";"
            + " else pct push \"$1\" \"$tmp\" \"$2\"; fi";

    private NodeExec() {
    }

    /** How an exec ended. */
    record Outcome(String node, int exitStatus, String stdout, String stderr, long durationMs) {
    }

    private static NodeConnection channel(Connection c, String node, String verb) {
        if (!c.nodes().configured()) {
            throw CliException.invalid("--ssh", "", verb + " runs on the container's node over SSH: give --ssh"
                    + " [USER@]HOST (or PVE_SSH), with PVE_SSH_KEY and PVE_SSH_FINGERPRINT or PVE_SSH_KNOWN_HOSTS");
        }
        return c.nodes().require(node);
    }

    static Outcome exec(Connection c, int vmid, String node, List<String> command, Duration timeout, Out out) {
        Container ct = Containers.find(c.client(), vmid, node);
        NodeConnection n = channel(c, ct.node(), "exec");
        List<String> outer = new ArrayList<>(List.of("exec", Integer.toString(vmid), "--"));
        boolean json = out.json();
        OutputListener stream = new OutputListener() {
            @Override
            public void stdout(String line) {
                if (!json) {
                    synchronized (c) {
                        out.ctx().out().println(line);
                        out.ctx().out().flush();
                    }
                }
            }

            @Override
            public void stderr(String line) {
                if (!json) {
                    synchronized (c) {
                        out.ctx().err().println(line);
                        out.ctx().err().flush();
                    }
                }
            }
        };
        ExecResult r = n.exec(RemoteCommand.wrap("pct", outer, command), timeout, stream);
        return new Outcome(ct.node(), r.exitStatus(), r.stdout(), r.stderr(), r.duration().toMillis());
    }

    static String push(Connection c, int vmid, String node, byte[] content, String remote, String perms) {
        Container ct = Containers.find(c.client(), vmid, node);
        NodeConnection n = channel(c, ct.node(), "push");
        ExecResult r = n.exec(RemoteCommand.script(PUSH, Integer.toString(vmid), remote, perms == null ? "" : perms)
                .withInput(content));
        if (!r.success()) {
            throw CliException.invalid("REMOTE", remote, "pct push on node " + ct.node() + " failed (exit status "
                    + r.exitStatus() + "): " + CliText.clean((r.stderr() + r.stdout()).strip()));
        }
        return ct.node();
    }
}
