package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.client.RestoreRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code restore VOLID --vmid N}. */
@Command(name = "restore", description = "Restore a backup into a new container, or over a stopped one with --force.",
        footer = ExitCodes.HELP)
final class RestoreCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "VOLID", description = "The backup's volume id, e.g. "
            + "local:backup/vzdump-lxc-101-2026_12_07-01_00_00.tar.zst.")
    String volid;

    @Option(names = "--vmid", required = true, paramLabel = "VMID", description = "The container id to restore into.")
    int vmid;

    @Option(names = "--storage", paramLabel = "STORAGE",
            description = "Put every volume on this storage (default: the storages recorded in the backup).")
    String storage;

    @Option(names = "--force", description = "Overwrite the existing, stopped container VMID. Its disks are removed "
            + "first: if the restore then fails, the container is gone.")
    boolean force;

    @Option(names = "--unique", description = "Give the network interfaces new MAC addresses.")
    boolean unique;

    @Option(names = "--start", description = "Start the container after the restore.")
    boolean start;

    @Option(names = "--node", paramLabel = "NODE", description = "The node to restore on (default: the first node).")
    String node;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "1h", converter = DurationConverter.class,
            description = "How long to wait for the restore (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    RestoreCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(Connection c, Out out) {
        if (vmid < 100 || vmid > 999_999_999) {
            throw CliException.invalid("--vmid", Integer.toString(vmid), "must be 100..999999999 (pve-vmid)");
        }
        RestoreRequest.Builder b;
        try {
            b = RestoreRequest.builder().vmid(vmid).archive(volid).force(force).unique(unique).start(start);
        } catch (IllegalArgumentException e) {
            throw CliException.invalid("VOLID", volid, "must be storage:volume, e.g. "
                    + "local:backup/vzdump-lxc-101-2026_12_07-01_00_00.tar.zst");
        }
        if (storage != null) {
            b.storage(storage);
        }
        String n = node != null ? node : c.client().nodes().list().get(0).node();
        out.note("Restoring " + volid + " into container " + vmid + " on " + n + " ...");
        TaskRun t = TaskRun.awaitWithProgress(c, c.client().node(n).backups().restore(b.build()), timeout, out);
        out.line("Restored container " + vmid + " on " + n + " from " + volid + (start ? " and started it" : "")
                + t.suffix());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("archive", volid);
        f.put("storage", storage);
        f.put("overwritten", force);
        f.put("started", start);
        out.document(t.document(vmid, n, f));
        return ExitCodes.OK;
    }
}
