package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.client.BackupMode;
import io.github.proxmoxlxc.core.client.BackupRequest;
import io.github.proxmoxlxc.core.client.BackupVolume;
import io.github.proxmoxlxc.core.client.Compression;
import io.github.proxmoxlxc.core.client.Container;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code backup VMID...}. */
@Command(name = "backup", description = "Back up one or more containers of one node with vzdump and wait for the job.",
        footer = ExitCodes.HELP)
final class BackupCommand extends ClientCommand {
    @Parameters(arity = "1..*", paramLabel = "VMID", description = "The containers (all on one node).")
    List<Integer> vmids;

    @Option(names = "--storage", required = true, paramLabel = "STORAGE",
            description = "A storage with content type 'backup', e.g. local.")
    String storage;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "snapshot",
            description = "snapshot, suspend or stop (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--compress", paramLabel = "ALGO", defaultValue = "zstd",
            description = "none, lzo, gzip or zstd (default: ${DEFAULT-VALUE}).")
    String compress;

    @Option(names = "--notes", paramLabel = "TEMPLATE",
            description = "Notes for each backup; {{guestname}}, {{vmid}}, {{node}} and {{cluster}} are replaced.")
    String notes;

    @Option(names = "--protected", description = "Protect the backups from removal and pruning.")
    boolean protect;

    @Option(names = "--node", paramLabel = "NODE", description = "The node the containers are on (default: looked up).")
    String node;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "2h", converter = DurationConverter.class,
            description = "How long to wait for the job, e.g. 30m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    BackupCommand(CliContext ctx) {
        super(ctx);
    }

    static <E extends Enum<E>> E choice(String flag, String value, Class<E> type, String allowed) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CliException.invalid(flag, value, "must be one of " + allowed);
        }
    }

    @Override
    int run(Connection c, Out out) {
        BackupMode m = choice("--mode", mode, BackupMode.class, "snapshot, suspend, stop");
        Compression z = choice("--compress", compress, Compression.class, "none, lzo, gzip, zstd");
        BackupRequest.Builder b = BackupRequest.builder().storage(storage).mode(m).compression(z).protect(protect);
        for (int v : vmids) {
            if (v < 100 || v > 999_999_999) {
                throw CliException.invalid("VMID", Integer.toString(v), "must be 100..999999999 (pve-vmid)");
            }
            b.addVmid(v);
        }
        if (notes != null) {
            b.notesTemplate(notes);
        }
        Container first = Containers.find(c.client(), vmids.get(0), node);
        String on = first.node();
        TaskRun t = TaskRun.await(c, c.client().node(on).backups().backup(b.build()), timeout);
        List<Map<String, Object>> made = new ArrayList<>();
        for (int v : vmids) {
            List<BackupVolume> list = c.client().node(on).backups().list(storage, v);
            if (!list.isEmpty()) {
                made.add(BackupsCommand.json(list.get(0)));
                out.line("Backed up container " + v + " to " + list.get(0).volid());
            }
        }
        out.line("Backup job on " + on + " finished" + t.suffix());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("storage", storage);
        f.put("backups", made);
        Map<String, Object> doc = t.document(vmids.get(0), on, f);
        doc.remove("vmid");
        doc.put("vmids", vmids);
        out.document(doc);
        return ExitCodes.OK;
    }
}
