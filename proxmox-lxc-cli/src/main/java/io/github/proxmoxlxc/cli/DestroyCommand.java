package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.client.DestroyOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code destroy VMID}. */
@Command(name = "destroy", description = "Destroy a stopped container with its disks (purged from jobs and HA).",
        mixinStandardHelpOptions = true, footer = ExitCodes.HELP)
final class DestroyCommand extends VmidCommand {
    @Option(names = "--force", description = "Destroy even if running (Proxmox stops it first).")
    boolean force;

    DestroyCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(Connection c, Out out) {
        checkVmid();
        Container ct = Containers.find(c.client(), vmid, node);
        return finish(c, out, ct.node(), ct.destroy(DestroyOptions.purgeAll().toBuilder().force(force).build()), "Destroyed", "destroyed");
    }
}
