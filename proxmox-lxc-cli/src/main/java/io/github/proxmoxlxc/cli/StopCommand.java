package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.client.Container;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stop VMID}. */
@Command(name = "stop", description = "Stop a container (immediately, or cleanly with --shutdown) and wait for the task.",
        footer = ExitCodes.HELP)
final class StopCommand extends TaskCommand {
    @Option(names = "--shutdown", description = "Shut down cleanly (the container's init), stopping it if it does not end in time.")
    boolean shutdown;

    StopCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(Connection c, Out out) {
        checkVmid();
        Container ct = Containers.find(c.client(), vmid, node);
        return finish(c, out, ct.node(), shutdown ? ct.shutdown(true) : ct.stop(), "Stopped", "stopped");
    }
}
