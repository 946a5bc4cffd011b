package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.client.Container;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code resize VMID DISK SIZE}. */
@Command(name = "resize", description = "Grow a container's root or mount-point volume (never shrinks).",
        footer = ExitCodes.HELP)
final class ResizeCommand extends TaskCommand {
    @Parameters(index = "1", paramLabel = "DISK", description = "rootfs or mpN.")
    String disk;

    @Parameters(index = "2", paramLabel = "SIZE", description = "+2G to add, or 16G as the new size (K, M, G, T).")
    String size;

    ResizeCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(Connection c, Out out) {
        checkVmid();
        if (!disk.matches("rootfs|mp\\d{1,3}")) {
            throw CliException.invalid("DISK", disk, "must be rootfs or mpN, e.g. mp0");
        }
        if (!size.matches("\\+?\\d+(\\.\\d+)?[KMGT]?")) {
            throw CliException.invalid("SIZE", size, "must be +N to add or N as the new size, with K, M, G or T, "
                    + "e.g. +2G; volumes never shrink");
        }
        Container ct = Containers.find(c.client(), vmid, node);
        TaskRun t = TaskRun.await(c, ct.resize(disk, size), timeout);
        String now = ct.config().values().getOrDefault(disk, "").replaceAll("^.*size=([^,]+).*$", "$1");
        out.line("Resized " + disk + " of container " + vmid + " on " + ct.node() + " to " + now + t.suffix());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("disk", disk);
        f.put("size", now);
        out.document(t.document(vmid, ct.node(), f));
        return ExitCodes.OK;
    }
}
