package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.client.ContainerStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code status VMID}. */
@Command(name = "status", description = "Show a container's status, resources and addresses.",
        footer = ExitCodes.HELP)
final class StatusCommand extends VmidCommand {
    StatusCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(Connection c, Out out) {
        checkVmid();
        Container ct = Containers.find(c.client(), vmid, node);
        ContainerStatus s = ct.status();
        List<String> addresses = s.running() ? Containers.addresses(ct) : List.of();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("vmid", vmid);
        doc.put("node", ct.node());
        doc.put("name", s.name().orElse(null));
        doc.put("status", s.rawStatus());
        doc.put("lock", s.lock().orElse(null));
        doc.put("uptimeSeconds", s.uptime().toSeconds());
        doc.put("cpus", s.cpus() == Math.rint(s.cpus()) ? (Object) (long) s.cpus() : (Object) s.cpus());
        doc.put("memoryBytes", s.mem());
        doc.put("maxMemoryBytes", s.maxMem());
        doc.put("diskBytes", s.disk());
        doc.put("maxDiskBytes", s.maxDisk());
        doc.put("addresses", addresses);
        out.document(doc);
        out.line(String.format(Locale.ROOT, "%-10s %d", "vmid", vmid));
        out.line(String.format(Locale.ROOT, "%-10s %s", "name", s.name().orElse("-")));
        out.line(String.format(Locale.ROOT, "%-10s %s", "node", ct.node()));
        out.line(String.format(Locale.ROOT, "%-10s %s%s", "status", s.rawStatus(),
                s.lock().map(l -> " (locked: " + l + ")").orElse("")));
        out.line(String.format(Locale.ROOT, "%-10s %ds", "uptime", s.uptime().toSeconds()));
        out.line(String.format(Locale.ROOT, "%-10s %s", "cpus", trim(s.cpus())));
        out.line(String.format(Locale.ROOT, "%-10s %d MiB of %d MiB", "memory", s.mem() >> 20, s.maxMem() >> 20));
        out.line(String.format(Locale.ROOT, "%-10s %d MiB of %d MiB", "disk", s.disk() >> 20, s.maxDisk() >> 20));
        out.line(String.format(Locale.ROOT, "%-10s %s", "addresses",
                addresses.isEmpty() ? "-" : String.join(", ", addresses)));
        return ExitCodes.OK;
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
