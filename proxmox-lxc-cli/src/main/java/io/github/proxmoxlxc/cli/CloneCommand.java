package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.client.CloneRequest;
import io.github.proxmoxlxc.core.client.Container;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clone VMID NEWID}. */
@Command(name = "clone", description = "Clone a container (full copy) or a template (linked by default) and wait for it.",
        footer = ExitCodes.HELP)
final class CloneCommand extends TaskCommand {
    @Parameters(index = "1", paramLabel = "NEWID", description = "The id of the copy.")
    int newid;

    @Option(names = "--full", description = "Copy every volume (the default for a container that is not a template).")
    boolean full;

    @Option(names = "--linked", description = "Share the template's volumes (templates only).")
    boolean linked;

    @Option(names = "--target", paramLabel = "NODE", description = "Create the copy on this node (shared storage).")
    String target;

    @Option(names = "--storage", paramLabel = "STORAGE", description = "Storage of a full clone's volumes.")
    String storage;

    @Option(names = "--pool", paramLabel = "POOL", description = "Add the copy to this pool.")
    String pool;

    @Option(names = "--hostname", paramLabel = "NAME", description = "The copy's host name.")
    String hostname;

    CloneCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(Connection c, Out out) {
        checkVmid();
        if (newid < 100 || newid > 999_999_999) {
            throw CliException.invalid("NEWID", Integer.toString(newid), "must be 100..999999999 (pve-vmid)");
        }
        if (full && linked) {
            throw CliException.invalid("--linked", "", "cannot be combined with --full; choose one");
        }
        CloneRequest.Builder b = CloneRequest.builder().newid(newid);
        if (full) {
            b.full();
        }
        if (linked) {
            b.linked();
        }
        if (target != null) {
            b.target(target);
        }
        if (storage != null) {
            b.storage(storage);
        }
        if (pool != null) {
            b.pool(pool);
        }
        if (hostname != null) {
            b.hostname(hostname);
        }
        CloneRequest req;
        try {
            req = b.build();
        } catch (IllegalStateException e) {
            throw CliException.invalid("--storage", storage, "a linked clone stays on the template's storage; add "
                    + "--full to copy it elsewhere");
        }
        Container ct = Containers.find(c.client(), vmid, node);
        TaskRun t = TaskRun.await(c, ct.cloneTo(req), timeout);
        String on = target != null ? target : ct.node();
        out.line("Cloned container " + vmid + " to " + newid + " on " + on + t.suffix());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("newid", newid);
        f.put("target", on);
        f.put("kind", full ? "full" : linked ? "linked" : "default");
        out.document(t.document(vmid, ct.node(), f));
        return ExitCodes.OK;
    }
}
