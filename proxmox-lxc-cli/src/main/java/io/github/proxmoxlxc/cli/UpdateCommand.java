package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.apps.AppCatalogue;
import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.node.ContainerUpdate;
import io.github.proxmoxlxc.node.InstallScript;
import io.github.proxmoxlxc.node.SnapshotPolicy;
import io.github.proxmoxlxc.node.UpdateFailedException;
import io.github.proxmoxlxc.node.UpdateProgress;
import io.github.proxmoxlxc.node.UpdateResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code update VMID}: the OS packages or an app, with a snapshot first and a rollback on failure. */
@Command(name = "update", footer = ExitCodes.HELP,
        description = {"Update a running container over SSH to its node (pct exec): the OS packages (apt, apk, dnf,"
                + " pacman or zypper by its ostype) or, with --app, the app's community update script"
                + " (ct/<app>.sh, run unattended). A snapshot is taken first and rolled back if the update or"
                + " --verify fails; on a storage without snapshots the update is refused unless --no-snapshot.",
            "Exit 9: the update failed and the container was rolled back to its snapshot; exit 10: it may be left"
                + " on a half-applied change (no snapshot, or the rollback failed)."})
final class UpdateCommand extends VmidCommand {
    @Option(names = "--app", paramLabel = "APP", description = "Run the app's update script (ct/<APP>.sh of the community"
            + " scripts) instead of the OS package upgrade.")
    String app;

    @Option(names = "--scripts-dir", paramLabel = "DIR", description = "A local checkout of the community scripts: "
            + "ct/<APP>.sh is sent from there instead of being downloaded on the node.")
    Path scriptsDir;

    @Option(names = "--no-snapshot", description = "Update without a snapshot (no rollback if it fails); needed on "
            + "storages that cannot snapshot (directory, NFS, thick LVM).")
    boolean noSnapshot;

    @Option(names = "--remove-snapshot", description = "Remove the snapshot after a successful update (default: keep"
            + " it, so the update can still be rolled back with 'snapshot rollback').")
    boolean removeSnapshot;

    @Option(names = "--verify", paramLabel = "COMMAND", description = "A shell command run in the container after the"
            + " update; if it fails, the update is rolled back, e.g. --verify 'systemctl is-active jellyfin'.")
    String verify;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m", converter = DurationConverter.class,
            description = "How long the update may run, e.g. 45m (default: ${DEFAULT-VALUE}).")
    Duration updateTimeout;

    @Mixin
    SshOptions ssh;

    UpdateCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    SshOptions sshOptions() {
        return ssh;
    }

    @Override
    int run(Connection c, Out out) {
        checkVmid();
        if (!c.nodes().configured()) {
            throw CliException.invalid("--ssh", "", "is needed: the update runs inside the container with pct exec on"
                    + " its node; give the node's SSH target with --ssh root@<node> or PVE_SSH");
        }
        String slug = app == null ? null : appSlug(app);
        InstallScript local = slug == null || scriptsDir == null ? null : localScript(slug);
        Container ct = Containers.find(c.client(), vmid, node);
        ContainerUpdate.Builder b = ContainerUpdate.builder(c.client(), c.nodes().resolver())
                .snapshot(noSnapshot ? SnapshotPolicy.NONE : SnapshotPolicy.REQUIRED)
                .keepSnapshot(!removeSnapshot).commandTimeout(updateTimeout);
        if (slug != null) {
            if (local != null) {
                b.app(slug, local);
            } else {
                b.app(slug);
            }
        }
        if (verify != null) {
            b.verify(List.of("sh", "-c", verify));
        }
        List<Map<String, Object>> steps = new ArrayList<>();
        UpdateResult r;
        try {
            r = b.build().run(ct, p -> {
                if (p.phase() != UpdateProgress.Phase.STARTED) {
                    out.note(progress(p));
                }
            });
        } catch (UpdateFailedException e) {
            throw failure(e);
        }
        r.steps().forEach(p -> steps.add(step(p)));
        String snap = r.snapshot().map(s -> r.snapshotKept() ? "; snapshot " + s + " kept (roll back with"
                + " 'proxmox-lxc snapshot rollback " + vmid + " " + s + "')" : "; snapshot " + s + " removed")
                .orElse("; no snapshot");
        out.line("Updated " + r.action() + " in container " + vmid + " on " + r.node() + " ("
                + Durations.format(r.duration().toMillis()) + ")" + snap);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("vmid", vmid);
        doc.put("node", r.node());
        doc.put("action", r.action());
        doc.put("snapshot", r.snapshot().orElse(null));
        doc.put("snapshotKept", r.snapshotKept());
        doc.put("noSnapshotReason", r.noSnapshotReason().orElse(null));
        doc.put("steps", steps);
        doc.put("outputTail", r.outputTail());
        doc.put("durationMs", r.duration().toMillis());
        out.document(doc);
        return ExitCodes.OK;
    }

    private static String appSlug(String name) {
        try {
            return AppCatalogue.bundled().get(name).slug();
        } catch (RuntimeException e) {
            throw CliException.invalid("--app", name, CliText.clean(e.getMessage()));
        }
    }

    private InstallScript localScript(String slug) {
        Path f = scriptsDir.resolve("ct").resolve(slug + ".sh");
        if (!Files.isRegularFile(f)) {
            throw CliException.invalid("--scripts-dir", scriptsDir.toString(), "has no ct/" + slug + ".sh; point it at"
                    + " a checkout of the community scripts (the directory that holds ct/ and install/)");
        }
        return InstallScript.file(f);
    }

    private static String progress(UpdateProgress p) {
        String phase = p.phase().name().toLowerCase(java.util.Locale.ROOT);
        String time = p.phase() == UpdateProgress.Phase.SKIPPED ? "" : " (" + Durations.format(p.elapsed().toMillis())
                + ")";
        return p.step() + ": " + phase + time + (p.message().isEmpty() ? "" : " " + cliWords(p.message()));
    }

    /** The library's text with its Java option names in the CLI's flags. */
    private static String cliWords(String text) {
        return CliText.clean(text).replace("choose SnapshotPolicy.IF_SUPPORTED or NONE", "run again with --no-snapshot");
    }

    private static Map<String, Object> step(UpdateProgress p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", p.step());
        m.put("phase", p.phase().name().toLowerCase(java.util.Locale.ROOT));
        m.put("elapsedMs", p.elapsed().toMillis());
        m.put("message", p.message());
        return m;
    }

    /** The failure in the CLI's words: exit 9 rolled back, 10 may be half-applied, else by its cause. */
    private CliException failure(UpdateFailedException e) {
        String text = cliWords(e.getMessage());
        int code;
        if (e.mayBeHalfApplied()) {
            code = ExitCodes.NEEDS_ATTENTION;
        } else if (e.rolledBack()) {
            code = ExitCodes.ROLLED_BACK;
        } else if (e.getCause() != null) {
            code = Errors.classify(e.getCause()).exitCode();
        } else {
            code = ExitCodes.INVALID_INPUT;
        }
        return new CliException(code, List.of(new ErrorEntry("update step", e.step(), text,
                e.snapshot().map(s -> "snapshot " + s).orElse(""))));
    }
}
