package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.config.ResolvedValue;
import io.github.proxmoxlxc.core.provision.PlannedCall;
import io.github.proxmoxlxc.core.provision.ProvisionPlan;
import io.github.proxmoxlxc.core.provision.ProvisionStep;
import io.github.proxmoxlxc.core.provision.Provisioner;
import io.github.proxmoxlxc.core.provision.RequiredPrivilege;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code plan}: resolve the layers and print what {@code create} would do. Offline. */
@Command(name = "plan", footer = ExitCodes.HELP,
        description = {"Resolve the configuration layers and print the plan; offline, no cluster needed.",
            "Shows every value with its layer and source, the exact create parameters (values only the cluster knows,"
                    + " such as vmid, node, template volume and rootfs storage, are {placeholders}), the node-side patch,"
                    + " the privileges"
                    + " each step needs and the equivalent pct command."})
final class PlanCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ConfigOptions config;

    @Mixin
    JsonOption jsonOption;

    @Option(names = "--node", paramLabel = "NODE", description = "The node to create on (default: chosen at run time).")
    String node;

    @Option(names = "--host-root", paramLabel = "DIR",
            description = "Host tree for var_gpu/var_tun device detection (default: /).")
    Path hostRoot;

    @Option(names = "--keep-on-failure", description = "Plan to keep a failed container instead of rolling it back.")
    boolean keepOnFailure;

    PlanCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Out out = new Out(ctx, jsonOption.json);
        ProvisionInput in = ProvisionInput.resolve(config, hostRoot, ctx);
        ProvisionPlan plan = Provisioner.offline(in.options().keepOnFailure(keepOnFailure).build())
                .plan(in.request(node));
        // configuration warnings once, on stderr (stdout keeps the plan, or the JSON document)
        in.warnings.forEach(w -> out.note("warning: " + w));
        out.document(document(in, plan));
        if (!out.json()) {
            out.line("Configuration (a higher layer wins: builtin < defaults < app-profile < app-vars < env"
                    + " < explicit):");
            String explained = in.config.explain();
            int w = explained.startsWith("Warnings:\n") ? 0 : explained.indexOf("\nWarnings:\n") + 1;
            if (w > 0 || explained.startsWith("Warnings:\n")) {
                explained = explained.substring(0, w);
            }
            explained.strip().lines().forEach(l -> out.line("  " + l));
            out.line("");
            out.line(plan.render().strip());
        }
        return ExitCodes.OK;
    }

    static Map<String, Object> document(ProvisionInput in, ProvisionPlan plan) {
        PlannedCall create = plan.calls().stream().filter(c -> c.step() == ProvisionStep.CREATE).findFirst()
                .orElseThrow();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("node", plan.node().orElse("{node}"));
        params.putAll(create.params());
        Map<String, Object> provenance = new LinkedHashMap<>();
        for (ResolvedValue v : in.config.values().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("value", v.displayValue());
            m.put("layer", v.layer().id());
            m.put("source", v.provenance().location());
            provenance.put(v.key(), m);
        }
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("config", in.nodePatch.confLines());
        patch.put("subuid", in.nodePatch.subuidLines());
        patch.put("subgid", in.nodePatch.subgidLines());
        List<Object> privileges = new ArrayList<>();
        for (RequiredPrivilege p : plan.privileges()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", p.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            m.put("path", p.path());
            m.put("privilege", p.privilege());
            m.put("reason", p.reason());
            privileges.add(m);
        }
        List<String> warnings = new ArrayList<>(in.warnings);
        warnings.addAll(plan.warnings());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("template", in.template);
        doc.put("templateStorage", in.templateStorage.orElse(null));
        doc.put("rootfsGiB", in.spec.rootFs().isPresent() ? null : in.rootfsGiB);
        doc.put("params", params);
        doc.put("provenance", provenance);
        doc.put("nodePatch", patch);
        doc.put("privileges", privileges);
        doc.put("warnings", warnings);
        doc.put("notes", plan.notes());
        doc.put("pct", create.command());
        return doc;
    }
}
