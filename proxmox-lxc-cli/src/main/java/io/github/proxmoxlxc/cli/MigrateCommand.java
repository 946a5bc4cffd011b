package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.client.MigrateRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code migrate VMID --target NODE [--restart] [--target-storage S]}. */
@Command(name = "migrate", description = "Move a container to another node and wait for the task (a running "
        + "container needs --restart: it is shut down, moved and started on the target).",
        footer = ExitCodes.HELP)
final class MigrateCommand extends VmidCommand {
    @Option(names = "--target", required = true, paramLabel = "NODE", description = "The node to move to.")
    String target;

    @Option(names = "--restart", description = "Restart mode: shut a running container down, move it, start it "
            + "on the target.")
    boolean restart;

    @Option(names = "--target-storage", paramLabel = "STORAGE",
            description = "The storage on the target node for the container's local volumes.")
    String targetStorage;

    MigrateCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(Connection c, Out out) {
        checkVmid();
        if (!target.matches("[a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?")) {
            throw CliException.invalid("--target", target, "must be a node name, e.g. pve2");
        }
        MigrateRequest.Builder b = MigrateRequest.builder().target(target).restart(restart);
        if (targetStorage != null) {
            if (!targetStorage.matches("[A-Za-z][A-Za-z0-9\\-_.]*")) {
                throw CliException.invalid("--target-storage", targetStorage, "must be a storage id, e.g. local-lvm");
            }
            b.targetStorage(targetStorage);
        }
        Container ct = Containers.find(c.client(), vmid, node);
        String from = ct.node();
        TaskRun t = TaskRun.awaitWithProgress(c, ct.migrate(b.build()), timeout, out);
        String status = c.client().node(target).container(vmid).status().rawStatus();
        out.line("Migrated container " + vmid + " from " + from + " to " + target + " (" + status + ")" + t.suffix());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("from", from);
        f.put("target", target);
        f.put("restart", restart);
        f.put("targetStorage", targetStorage);
        f.put("containerStatus", status);
        out.document(t.document(vmid, target, f));
        return ExitCodes.OK;
    }
}
