package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.client.Container;
import picocli.CommandLine.Command;

/** {@code start VMID}. */
@Command(name = "start", description = "Start a container and wait for the task.",
        footer = ExitCodes.HELP)
final class StartCommand extends TaskCommand {
    StartCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(Connection c, Out out) {
        checkVmid();
        Container ct = Containers.find(c.client(), vmid, node);
        return finish(c, out, ct.node(), ct.start(), "Started", "running");
    }
}
