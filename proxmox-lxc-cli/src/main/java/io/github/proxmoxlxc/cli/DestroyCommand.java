package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.client.DestroyOptions;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code destroy VMID}. */
@Command(name = "destroy", description = "Destroy a stopped container with its disks (purged from jobs and HA).",
        footer = ExitCodes.HELP)
final class DestroyCommand extends TaskCommand {
    @Option(names = "--force", description = "Destroy even if running (Proxmox stops it first).")
    boolean force;

    DestroyCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(Connection c, Out out) {
        checkVmid();
        Container ct = Containers.find(c.client(), vmid, node);
        if (!force && ct.status().running()) {
            throw new CliException(ExitCodes.API, List.of(new ErrorEntry("vmid", Integer.toString(vmid),
                    "container " + vmid + " on " + ct.node() + " is running: stop it first (proxmox-lxc stop " + vmid
                    + ") or use --force", "")));
        }
        return finish(c, out, ct.node(), ct.destroy(DestroyOptions.purgeAll().toBuilder().force(force).build()), "Destroyed", "destroyed");
    }
}
