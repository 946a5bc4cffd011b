package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.client.StatusChange;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code watch VMID... [--timeout]}: one line (or JSON object) per status, lock or node change. */
@Command(name = "watch", description = "Print one line per status, lock or node change of the containers until "
        + "--timeout (with --json one JSON object per line).", footer = ExitCodes.HELP)
final class WatchCommand extends ClientCommand {
    @Parameters(arity = "1..*", paramLabel = "VMID", description = "The containers.")
    List<Integer> vmids;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT10M", converter = DurationConverter.class,
            description = "How long to watch, e.g. 90s, 1h (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    WatchCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(Connection c, Out out) {
        for (int v : vmids) {
            if (v < 100 || v > 999_999_999) {
                throw CliException.invalid("VMID", Integer.toString(v), "must be 100..999999999 (pve-vmid)");
            }
        }
        c.client().watch(vmids).run(timeout, ch -> {
            if (out.json()) {
                out.ctx().out().println(Json.line(json(ch)));
            } else {
                out.ctx().out().println(line(ch));
            }
            out.ctx().out().flush();
            return true;
        });
        return ExitCodes.OK;
    }

    static String line(StatusChange ch) {
        String at = DateTimeFormatter.ISO_INSTANT.format(ch.time());
        StringBuilder sb = new StringBuilder(at).append(' ').append(ch.vmid()).append(' ');
        if (ch.initial()) {
            sb.append(ch.rawStatus());
        } else {
            sb.append(ch.previousRawStatus().orElse("")).append(" -> ").append(ch.rawStatus());
        }
        ch.lock().ifPresent(l -> sb.append(" lock=").append(l));
        if (!ch.initial() && ch.previousLock().isPresent() && ch.lock().isEmpty()) {
            sb.append(" unlocked (was ").append(ch.previousLock().get()).append(')');
        }
        ch.node().ifPresent(n -> sb.append(" on ").append(n));
        if (ch.previousNode().isPresent() && ch.node().isPresent() && !ch.previousNode().equals(ch.node())) {
            sb.append(" (moved from ").append(ch.previousNode().get()).append(')');
        }
        return sb.toString();
    }

    static Map<String, Object> json(StatusChange ch) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", DateTimeFormatter.ISO_INSTANT.format(ch.time()));
        m.put("vmid", ch.vmid());
        m.put("status", ch.rawStatus());
        m.put("previousStatus", ch.previousRawStatus().orElse(null));
        m.put("lock", ch.lock().orElse(null));
        m.put("previousLock", ch.previousLock().orElse(null));
        m.put("node", ch.node().orElse(null));
        m.put("previousNode", ch.previousNode().orElse(null));
        return m;
    }
}
