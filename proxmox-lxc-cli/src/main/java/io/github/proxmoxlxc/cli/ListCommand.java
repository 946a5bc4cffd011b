package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.client.ClusterResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code list}. */
@Command(name = "list", description = "List the cluster's LXC containers.",
        footer = ExitCodes.HELP)
final class ListCommand extends ClientCommand {
    ListCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(Connection c, Out out) {
        List<ClusterResource> cts = new ArrayList<>();
        for (ClusterResource r : c.client().cluster().resources("vm")) {
            if ("lxc".equals(r.type()) && r.vmid().isPresent()) {
                cts.add(r);
            }
        }
        cts.sort(Comparator.comparingInt(r -> r.vmid().getAsInt()));
        List<Map<String, Object>> list = new ArrayList<>();
        for (ClusterResource r : cts) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("vmid", r.vmid().getAsInt());
            m.put("node", r.node().orElse(null));
            m.put("name", r.name().orElse(null));
            m.put("status", r.rawStatus().orElse(null));
            m.put("tags", r.tags());
            list.add(m);
        }
        out.document(Map.of("containers", list));
        if (cts.isEmpty()) {
            out.line("No containers.");
            return ExitCodes.OK;
        }
        out.line(String.format(Locale.ROOT, "%-10s %-12s %-9s %s", "VMID", "NODE", "STATUS", "NAME"));
        for (ClusterResource r : cts) {
            out.line(String.format(Locale.ROOT, "%-10d %-12s %-9s %s", r.vmid().getAsInt(), r.node().orElse(null),
                    r.rawStatus().orElse(null), r.name().orElse("")));
        }
        return ExitCodes.OK;
    }
}
