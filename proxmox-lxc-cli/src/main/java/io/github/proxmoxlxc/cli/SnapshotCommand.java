package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.client.Snapshot;
import io.github.proxmoxlxc.core.client.SnapshotTree;
import io.github.proxmoxlxc.core.client.Snapshots;
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

/** {@code snapshot create|list|rollback|delete}. */
@Command(name = "snapshot", description = "Take, list, roll back and delete container snapshots.",
        synopsisSubcommandLabel = "COMMAND", footer = ExitCodes.HELP,
        subcommands = {SnapshotCommand.Create.class, SnapshotCommand.ListSnapshots.class,
            SnapshotCommand.Rollback.class, SnapshotCommand.Delete.class})
final class SnapshotCommand implements Runnable {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "missing COMMAND: one of create, list, rollback, delete");
    }

    /** A subcommand naming a snapshot after the VMID. */
    abstract static class Named extends TaskCommand {
        @Parameters(index = "1", paramLabel = "NAME", description = "The snapshot name (a letter, then letters, digits, "
                + "'-' or '_'; at most 40).")
        String name;

        Named(CliContext ctx) {
            super(ctx);
        }

        String checkedName() {
            try {
                return Snapshots.checkName(name);
            } catch (IllegalArgumentException e) {
                throw CliException.invalid("NAME", name, e.getMessage().replaceFirst("^snapshot name: '[^']*' ", ""));
            }
        }
    }

    /** {@code snapshot create VMID NAME}. */
    @Command(name = "create", description = "Take a snapshot and wait for the task (the storage must support snapshots).",
            footer = ExitCodes.HELP)
    static final class Create extends Named {
        @Option(names = "--description", paramLabel = "TEXT", description = "A comment stored with the snapshot.")
        String description = "";

        Create(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(Connection c, Out out) {
            checkVmid();
            String n = checkedName();
            Container ct = Containers.find(c.client(), vmid, node);
            TaskRun t = TaskRun.await(c, ct.snapshots().create(n, description), timeout);
            out.line("Took snapshot '" + n + "' of container " + vmid + " on " + ct.node() + t.suffix());
            out.document(t.document(vmid, ct.node(), Map.of("snapshot", n)));
            return ExitCodes.OK;
        }
    }

    /** {@code snapshot list VMID}. */
    @Command(name = "list", description = "Show a container's snapshots as a tree; 'current' marks where it is now.",
            footer = ExitCodes.HELP)
    static final class ListSnapshots extends VmidCommand {
        ListSnapshots(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(Connection c, Out out) {
            checkVmid();
            Container ct = Containers.find(c.client(), vmid, node);
            SnapshotTree tree = ct.snapshots().list();
            List<Map<String, Object>> snaps = new ArrayList<>();
            for (Snapshot s : tree.snapshots()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", s.name());
                m.put("parent", s.parent().orElse(null));
                m.put("takenAt", s.takenAt().map(TIME::format).orElse(null));
                m.put("description", s.description());
                m.put("state", s.rawState().orElse(null));
                snaps.add(m);
            }
            Map<String, Object> current = new LinkedHashMap<>();
            current.put("parent", tree.current().parent().orElse(null));
            current.put("running", tree.current().running());
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("vmid", vmid);
            doc.put("node", ct.node());
            doc.put("current", current);
            doc.put("snapshots", snaps);
            out.document(doc);
            if (tree.snapshots().isEmpty()) {
                out.line("Container " + vmid + " has no snapshots.");
                return ExitCodes.OK;
            }
            out.line(String.format(Locale.ROOT, "%-34s %-21s %s", "NAME", "TAKEN", "DESCRIPTION"));
            tree.walk((depth, s) -> {
                String label = "  ".repeat(depth) + (depth > 0 ? "`- " : "") + s.name();
                String taken = s.isCurrent() ? (s.running() ? "(now, running)" : "(now)")
                        : s.takenAt().map(TIME::format).orElse("");
                String desc = s.description().lines().findFirst().orElse("")
                        + s.rawState().map(st -> " [" + st + "]").orElse("");
                out.line(String.format(Locale.ROOT, "%-34s %-21s %s", label, taken, desc).stripTrailing());
            });
            return ExitCodes.OK;
        }
    }

    /** {@code snapshot rollback VMID NAME}. */
    @Command(name = "rollback", description = "Roll a container back to a snapshot (a running container is stopped; "
            + "what was written since is lost).", footer = ExitCodes.HELP)
    static final class Rollback extends Named {
        @Option(names = "--start", description = "Start the container once rolled back.")
        boolean start;

        Rollback(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(Connection c, Out out) {
            checkVmid();
            String n = checkedName();
            Container ct = Containers.find(c.client(), vmid, node);
            TaskRun t = TaskRun.await(c, ct.snapshots().rollback(n, start), timeout);
            out.line("Rolled back container " + vmid + " on " + ct.node() + " to snapshot '" + n + "'"
                    + (start ? " and started it" : "") + t.suffix());
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("snapshot", n);
            f.put("started", start);
            out.document(t.document(vmid, ct.node(), f));
            return ExitCodes.OK;
        }
    }

    /** {@code snapshot delete VMID NAME}. */
    @Command(name = "delete", description = "Delete a snapshot; its children hang below its parent afterwards.",
            footer = ExitCodes.HELP)
    static final class Delete extends Named {
        @Option(names = "--force", description = "Remove it from the config even if removing a disk snapshot fails.")
        boolean force;

        Delete(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(Connection c, Out out) {
            checkVmid();
            String n = checkedName();
            Container ct = Containers.find(c.client(), vmid, node);
            TaskRun t = TaskRun.await(c, ct.snapshots().delete(n, force), timeout);
            out.line("Deleted snapshot '" + n + "' of container " + vmid + " on " + ct.node() + t.suffix());
            out.document(t.document(vmid, ct.node(), Map.of("snapshot", n)));
            return ExitCodes.OK;
        }
    }
}
