package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.config.ConfigMapping;
import io.github.proxmoxlxc.core.config.ConfigWarning;
import io.github.proxmoxlxc.core.config.ResolvedConfig;
import io.github.proxmoxlxc.core.config.VarsKeys;
import io.github.proxmoxlxc.core.config.ResolvedValue;
import io.github.proxmoxlxc.core.config.TemplateRef;
import io.github.proxmoxlxc.core.provision.NodePatch;
import io.github.proxmoxlxc.core.provision.ProvisionOptions;
import io.github.proxmoxlxc.core.provision.ProvisionRequest;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.hardware.gpu.Detection;
import io.github.proxmoxlxc.hardware.gpu.GpuDetector;
import io.github.proxmoxlxc.hardware.passthrough.GpuSelection;
import io.github.proxmoxlxc.hardware.passthrough.PassthroughPlanner;
import io.github.proxmoxlxc.hardware.passthrough.TargetContainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code plan} and {@code create} provision: the resolved layers mapped to a spec, the
 * template reference ({@code var_os}/{@code var_version}), and the node patch for
 * {@code var_gpu}/{@code var_tun} planned from the host's devices.
 */
final class ProvisionInput {
    /** The warning for a var_* key only the node channel applies, in the CLI's words. */
    static final String NODE_CHANNEL_NOTE = "acts inside the container or on the node: create applies it over SSH to"
            + " the node (--ssh or PVE_SSH); without it this changes nothing";
    final ResolvedConfig config;
    final ContainerSpec spec;
    final String template;
    final NodePatch nodePatch;
    final List<String> warnings;
    final Optional<String> templateStorage;
    final int rootfsGiB;

    private ProvisionInput(ResolvedConfig config, ContainerSpec spec, String template, NodePatch nodePatch,
            List<String> warnings, Optional<String> templateStorage, int rootfsGiB) {
        this.config = config;
        this.spec = spec;
        this.template = template;
        this.nodePatch = nodePatch;
        this.warnings = List.copyOf(warnings);
        this.templateStorage = templateStorage;
        this.rootfsGiB = rootfsGiB;
    }

    /** GPU detection on the target node over SSH ({@code --ssh}), in place of this host's tree. */
    interface HostDetection {
        /** Detects the node's GPUs. */
        Detection detect();

        /** Where, for messages: {@code on node pve1 (over SSH)}. */
        String where();
    }

    static ProvisionInput resolve(ConfigOptions options, Path hostRoot, CliContext ctx) {
        return resolve(options, hostRoot, ctx, null);
    }

    /** As {@link #resolve(ConfigOptions, Path, CliContext)}, detecting on the node when {@code remote} is given and no --host-root. */
    static ProvisionInput resolve(ConfigOptions options, Path hostRoot, CliContext ctx, HostDetection remote) {
        ResolvedConfig cfg = options.resolve(ctx);
        ConfigMapping mapping = ConfigMapping.of(cfg);
        ContainerSpec spec = mapping.build(mapping.specBuilder());
        List<String> warnings = new ArrayList<>();
        for (ConfigWarning w : cfg.warnings()) {
            warnings.add(w.message().equals(VarsKeys.NODE_CHANNEL_WARNING)
                    ? w.key() + ": " + NODE_CHANNEL_NOTE + (w.source().isEmpty() ? "" : " (" + w.source() + ")")
                    : w.toString());
        }
        for (ConfigWarning w : mapping.warnings()) {
            warnings.add(w.toString());
        }
        warnings.addAll(options.notes);
        TemplateRef ref = mapping.template().orElseThrow(() -> CliException.invalid("var_os", "",
                "var_os and var_version must be set (the built-in defaults set them unless turned off)"));
        String template = ref.searchPrefix() + (ref.flavour().equals("-standard_") ? "-standard" : "-default");
        boolean gpu = cfg.bool("var_gpu").orElse(false);
        boolean tun = cfg.bool("var_tun").orElse(false);
        NodePatch patch = NodePatch.builder().build();
        if (gpu || tun) {
            Detection d;
            String where;
            if (remote != null && hostRoot == null) {
                d = remote.detect();
                where = remote.where();
            } else {
                Path root = hostRoot != null ? ctx.cwd().resolve(hostRoot) : ctx.root();
                d = GpuDetector.at(root).detect();
                where = "under " + root;
            }
            patch = PassthroughPlanner.builder()
                    .gpus(gpu ? GpuSelection.all() : GpuSelection.none())
                    .tun(tun)
                    .target(TargetContainer.builder().privileged(!spec.isUnprivileged()).template(template).build())
                    .build()
                    .plan(d);
            if (gpu && d.gpus().isEmpty()) {
                warnings.add("var_gpu: yes, but no usable GPU was found " + where + "; nothing is passed through");
            }
            patch.notes().forEach(n -> warnings.add("passthrough: " + n));
        }
        return new ProvisionInput(cfg, spec, template, patch, warnings, ref.storage(), mapping.rootFsSizeGiB());
    }

    ProvisionRequest request(String node) {
        ProvisionRequest.Builder b = ProvisionRequest.builder().spec(spec).template(template).nodePatch(nodePatch)
                .rootFsSizeGiB(rootfsGiB);
        if (node != null) {
            b.node(node);
        }
        return b.build();
    }

    ProvisionOptions.Builder options() {
        ProvisionOptions.Builder b = ProvisionOptions.builder();
        templateStorage.ifPresent(b::templateStorage);
        return b;
    }

    /** The resolved value of a key, for provenance output. */
    Optional<ResolvedValue> value(String key) {
        return config.get(key);
    }
}
