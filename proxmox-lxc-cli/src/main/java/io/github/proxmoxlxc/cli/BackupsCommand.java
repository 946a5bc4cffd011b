package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.client.BackupVolume;
import io.github.proxmoxlxc.core.client.Backups;
import io.github.proxmoxlxc.core.client.PruneEntry;
import io.github.proxmoxlxc.core.client.Retention;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code backups list|remove|prune}. */
@Command(name = "backups", description = "List, remove and prune container backups on a storage.",
        synopsisSubcommandLabel = "COMMAND", footer = ExitCodes.HELP,
        subcommands = {BackupsCommand.ListBackups.class, BackupsCommand.Remove.class, BackupsCommand.Prune.class})
final class BackupsCommand implements Runnable {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "missing COMMAND: one of list, remove, prune");
    }

    static Map<String, Object> json(BackupVolume b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("volid", b.volid());
        m.put("vmid", b.vmid().isPresent() ? b.vmid().getAsInt() : null);
        m.put("createdAt", TIME.format(b.createdAt()));
        m.put("size", b.size());
        m.put("format", b.format());
        m.put("notes", b.notes().orElse(null));
        m.put("protected", b.isProtected());
        return m;
    }

    /** Options of the subcommands that address a node's storage. */
    abstract static class OnStorage extends ClientCommand {
        @Option(names = "--node", paramLabel = "NODE", description = "The node (default: the first node of the cluster).")
        String node;

        OnStorage(CliContext ctx) {
            super(ctx);
        }

        Backups backups(Connection c) {
            String n = node != null ? node : c.client().nodes().list().get(0).node();
            return c.client().node(n).backups();
        }

        String nodeName(Connection c) {
            return node != null ? node : c.client().nodes().list().get(0).node();
        }
    }

    /** {@code backups list --storage S}. */
    @Command(name = "list", description = "List the backups on a storage, newest first.",
            footer = ExitCodes.HELP)
    static final class ListBackups extends OnStorage {
        @Option(names = "--storage", required = true, paramLabel = "STORAGE", description = "The storage, e.g. local.")
        String storage;

        @Option(names = "--vmid", paramLabel = "VMID", description = "Only this container's backups.")
        Integer vmid;

        ListBackups(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(Connection c, Out out) {
            Backups b = backups(c);
            List<BackupVolume> list = vmid == null ? b.list(storage) : b.list(storage, vmid);
            List<Map<String, Object>> docs = new ArrayList<>();
            list.forEach(v -> docs.add(json(v)));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("storage", storage);
            doc.put("backups", docs);
            out.document(doc);
            if (list.isEmpty()) {
                out.line("No backups on " + storage + (vmid == null ? "" : " for container " + vmid) + ".");
                return ExitCodes.OK;
            }
            out.line(String.format(Locale.ROOT, "%-10s %-21s %9s %-4s %s", "VMID", "CREATED", "SIZE", "PROT", "VOLID / NOTES"));
            for (BackupVolume v : list) {
                out.line(String.format(Locale.ROOT, "%-10s %-21s %9s %-4s %s%s",
                        v.vmid().isPresent() ? Integer.toString(v.vmid().getAsInt()) : "-", TIME.format(v.createdAt()),
                        size(v.size()), v.isProtected() ? "yes" : "", v.volid(),
                        v.notes().map(n -> "  " + n).orElse("")));
            }
            return ExitCodes.OK;
        }

        static String size(long bytes) {
            double mib = bytes / 1048576.0;
            return mib >= 1024 ? String.format(Locale.ROOT, "%.1fG", mib / 1024) : String.format(Locale.ROOT, "%.0fM", mib);
        }
    }

    /** {@code backups remove VOLID}. */
    @Command(name = "remove", description = "Remove one backup (a protected backup is refused).",
            footer = ExitCodes.HELP)
    static final class Remove extends OnStorage {
        @Parameters(index = "0", paramLabel = "VOLID", description = "The backup's volume id, e.g. "
                + "local:backup/vzdump-lxc-101-2026_12_07-01_00_00.tar.zst.")
        String volid;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
                description = "How long to wait for the task (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        Remove(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(Connection c, Out out) {
            if (!volid.matches("[A-Za-z][A-Za-z0-9\\-_.]*:.+")) {
                throw CliException.invalid("VOLID", volid, "must be storage:volume, e.g. "
                        + "local:backup/vzdump-lxc-101-2026_12_07-01_00_00.tar.zst");
            }
            String n = nodeName(c);
            TaskRun t = TaskRun.await(c, c.client().node(n).backups().remove(volid), timeout);
            out.line("Removed " + volid + t.suffix());
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("node", n);
            doc.put("volid", volid);
            doc.put("task", t.upid.toString());
            doc.put("exitStatus", t.result.exitStatus());
            doc.put("durationMs", t.millis);
            out.document(doc);
            return ExitCodes.OK;
        }
    }

    /** {@code backups prune --storage S --keep-last N ...}. */
    @Command(name = "prune", description = "Remove the backups a retention policy does not keep (protected ones stay).",
            footer = ExitCodes.HELP)
    static final class Prune extends OnStorage {
        @Option(names = "--storage", required = true, paramLabel = "STORAGE", description = "The storage, e.g. local.")
        String storage;

        @Option(names = "--vmid", paramLabel = "VMID", description = "Only this container's backups.")
        Integer vmid;

        @Option(names = "--keep-last", paramLabel = "N", description = "Keep the N newest backups.")
        int keepLast;

        @Option(names = "--keep-hourly", paramLabel = "N", description = "Keep one backup for each of the last N hours.")
        int keepHourly;

        @Option(names = "--keep-daily", paramLabel = "N", description = "Keep one backup for each of the last N days.")
        int keepDaily;

        @Option(names = "--keep-weekly", paramLabel = "N", description = "Keep one backup for each of the last N weeks.")
        int keepWeekly;

        @Option(names = "--keep-monthly", paramLabel = "N", description = "Keep one backup for each of the last N months.")
        int keepMonthly;

        @Option(names = "--keep-yearly", paramLabel = "N", description = "Keep one backup for each of the last N years.")
        int keepYearly;

        @Option(names = "--dry-run", description = "Only show what would be kept and removed.")
        boolean dryRun;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
                description = "How long to wait for the task (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        Prune(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(Connection c, Out out) {
            Retention r;
            try {
                r = Retention.builder().keepLast(keepLast).keepHourly(keepHourly).keepDaily(keepDaily)
                        .keepWeekly(keepWeekly).keepMonthly(keepMonthly).keepYearly(keepYearly).build();
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw CliException.invalid("--keep-*", "", "give at least one of --keep-last, --keep-hourly, "
                        + "--keep-daily, --keep-weekly, --keep-monthly, --keep-yearly with a positive count");
            }
            Backups b = backups(c);
            List<PruneEntry> plan = vmid == null ? b.prunePreview(storage, r) : b.prunePreview(storage, r, vmid);
            List<Map<String, Object>> docs = new ArrayList<>();
            for (PruneEntry e : plan) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("volid", e.volid());
                m.put("createdAt", TIME.format(e.createdAt()));
                m.put("mark", e.mark().name().toLowerCase(Locale.ROOT));
                docs.add(m);
                out.line(String.format(Locale.ROOT, "%-9s %s", e.mark().name().toLowerCase(Locale.ROOT), e.volid()));
            }
            long removed = plan.stream().filter(e -> e.mark() == PruneEntry.Mark.REMOVE).count();
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("storage", storage);
            doc.put("retention", r.wire());
            doc.put("dryRun", dryRun);
            doc.put("backups", docs);
            if (dryRun || removed == 0) {
                out.line((dryRun ? "Would remove " : "Removed ") + (dryRun ? removed : 0) + " of " + plan.size()
                        + " backup(s) (" + r.wire() + ")");
                out.document(doc);
                return ExitCodes.OK;
            }
            TaskRun t = TaskRun.await(c, vmid == null ? b.prune(storage, r) : b.prune(storage, r, vmid), timeout);
            out.line("Removed " + removed + " of " + plan.size() + " backup(s) (" + r.wire() + ")" + t.suffix());
            doc.put("task", t.upid.toString());
            doc.put("exitStatus", t.result.exitStatus());
            doc.put("durationMs", t.millis);
            out.document(doc);
            return ExitCodes.OK;
        }
    }
}
