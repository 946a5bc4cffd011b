package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.provision.DriftAction;
import io.github.proxmoxlxc.core.provision.DriftChange;
import io.github.proxmoxlxc.core.provision.DriftPolicy;
import io.github.proxmoxlxc.core.provision.NodePatchApplier;
import io.github.proxmoxlxc.core.provision.ProvisionRequest;
import io.github.proxmoxlxc.core.provision.ProvisionResult;
import io.github.proxmoxlxc.core.provision.Provisioner;
import io.github.proxmoxlxc.core.provision.SpecMismatchException;
import io.github.proxmoxlxc.core.spec.SpecDifference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ensure}: converge an existing container to the configuration, or create it when it is missing. */
@Command(name = "ensure", footer = ExitCodes.HELP,
        description = {"Make sure a container as configured exists: when it is missing it is created (as create"
                + " does); when it exists, what differs is applied (live, or pending until the next restart, with"
                + " the config digest so a concurrent change is not overwritten), a smaller disk is grown, and what"
                + " needs a re-create is reported, never done. Nothing is ever destroyed.",
            "The container is found by --vmid, else by the marker of its ensure key (--key, default the hostname)"
                + " in its description, never by hostname or tags alone. Exit 10 when differences remain"
                + " (re-create needed, changed by hand, or a concurrent change); --check only reports them."})
final class EnsureCommand extends ClientCommand {
    @Mixin
    ConfigOptions config;

    @Option(names = "--vmid", paramLabel = "VMID", description = "The container's id (default: found by its ensure"
            + " key; allocated when it is created).")
    Integer vmid;

    @Option(names = "--key", paramLabel = "KEY", description = "The ensure key that identifies the container across"
            + " runs when --vmid is not given (letters, digits, . _ : @ / -; default: hostname:<hostname>). Keep it"
            + " when you rename the container.")
    String key;

    @Option(names = "--node", paramLabel = "NODE", description = "The node to create on when it is missing (default:"
            + " most free memory).")
    String node;

    @Option(names = "--host-root", paramLabel = "DIR",
            description = "Host tree for var_gpu/var_tun device detection (default: /).")
    Path hostRoot;

    @Option(names = "--check", description = "Only report the differences; change nothing (exit 10 when it"
            + " differs).")
    boolean check;

    EnsureCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(Connection c, Out out) {
        ProvisionInput in = ProvisionInput.resolve(config, hostRoot, ctx);
        ProvisionRequest request = in.request(node);
        ProvisionRequest.Builder rb = request.toBuilder();
        if (vmid != null) {
            if (vmid < 100 || vmid > 999_999_999) {
                throw CliException.invalid("--vmid", Integer.toString(vmid), "must be 100..999999999 (pve-vmid)");
            }
            rb.spec(request.spec().toBuilder().vmid(vmid).build());
        }
        if (key != null) {
            try {
                rb.ensureKey(key);
            } catch (IllegalArgumentException e) {
                throw CliException.invalid("--key", key, "must be 1 to 128 letters, digits or . _ : @ / -"
                        + " (e.g. media/jellyfin)");
            }
        }
        in.warnings.forEach(w -> out.note("warning: " + w));
        List<String> patchLines = java.util.Collections.synchronizedList(new ArrayList<>());
        Provisioner p = Provisioner.on(c.client(), in.options()
                .nodePatchApplier(NodePatchApplier.printOnly(patchLines::add)).build());
        ProvisionResult r;
        List<Map<String, Object>> drift = new ArrayList<>();
        try {
            r = p.ensure(rb.build(), check ? DriftPolicy.FAIL : DriftPolicy.CONVERGE);
        } catch (SpecMismatchException e) {
            e.differences().forEach(d -> drift.add(entry(d, "differs", "")));
            String where = "Container " + e.vmid().orElse(0) + e.node().map(n -> " on " + n).orElse("");
            out.line(where + " differs from the configuration in " + drift.size() + " option(s); nothing was"
                    + " changed (--check):");
            e.differences().forEach(d -> out.line(String.format(Locale.ROOT, "  %-16s %s", "differs", change(d))));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("vmid", e.vmid().isPresent() ? e.vmid().getAsInt() : null);
            doc.put("node", e.node().orElse(null));
            doc.put("created", false);
            doc.put("converged", false);
            doc.put("drift", drift);
            out.document(doc);
            return ExitCodes.NEEDS_ATTENTION;
        }
        boolean remaining = false;
        for (DriftChange d : r.drift()) {
            drift.add(entry(d.difference(), label(d.action()), d.reason()));
            remaining |= !d.written();
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("vmid", r.vmid());
        doc.put("node", r.node());
        doc.put("hostname", r.hostname().orElse(null));
        doc.put("created", r.created());
        doc.put("status", r.status());
        doc.put("converged", !remaining);
        doc.put("drift", drift);
        doc.put("warnings", r.warnings());
        out.document(doc);
        String name = "Container " + r.vmid() + r.hostname().map(h -> " (" + h + ")").orElse("") + " on " + r.node();
        if (r.created()) {
            out.line("Created container " + r.vmid() + r.hostname().map(h -> " (" + h + ")").orElse("") + " on "
                    + r.node() + ": " + r.status() + " (it did not exist)");
            if (!patchLines.isEmpty()) {
                out.line("Node patch NOT applied: as root on node " + r.node() + ", apply these lines, then restart"
                        + " the container:");
                patchLines.forEach(l -> out.line("  " + l));
            }
        } else if (r.drift().isEmpty()) {
            out.line(name + " matches the configuration; nothing to do.");
        } else {
            out.line(name + ": " + r.drift().size() + " difference(s) from the configuration:");
            for (DriftChange d : r.drift()) {
                out.line(String.format(Locale.ROOT, "  %-16s %s%s", label(d.action()), change(d.difference()),
                        d.reason().isEmpty() ? "" : " (" + CliText.clean(d.reason()) + ")"));
            }
            if (remaining) {
                out.line("Not everything could be applied: see the lines above (re-create, change by hand, or run"
                        + " ensure again after a concurrent change).");
            }
        }
        if (c.simulated()) {
            out.line("This ran against the embedded simulator: nothing real was changed.");
        }
        return remaining ? ExitCodes.NEEDS_ATTENTION : ExitCodes.OK;
    }

    private static String label(DriftAction a) {
        switch (a) {
            case APPLIED:
                return "applied";
            case PENDING:
                return "pending";
            case RESIZED:
                return "resized";
            case NEEDS_RECREATE:
                return "needs re-create";
            case NOT_APPLIED:
                return "not applied";
            default:
                return "conflict";
        }
    }

    private static String change(SpecDifference d) {
        return d.key() + ": " + d.actualValue().orElse("(unset)") + " -> " + d.expectedValue().orElse("(unset)");
    }

    private static Map<String, Object> entry(SpecDifference d, String action, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", d.key());
        m.put("expected", d.expectedValue().orElse(null));
        m.put("actual", d.actualValue().orElse(null));
        m.put("action", action);
        m.put("reason", reason);
        return m;
    }
}
