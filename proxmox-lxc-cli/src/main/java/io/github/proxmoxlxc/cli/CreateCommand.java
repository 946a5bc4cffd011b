package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.apps.App;
import io.github.proxmoxlxc.core.apps.AppAccess;
import io.github.proxmoxlxc.core.apps.ScriptSource;
import io.github.proxmoxlxc.core.provision.NodePatchApplier;
import io.github.proxmoxlxc.core.provision.NodePatchReport;
import io.github.proxmoxlxc.core.provision.ProvisionEvent;
import io.github.proxmoxlxc.core.provision.ProvisionOptions;
import io.github.proxmoxlxc.core.provision.ProvisionRequest;
import io.github.proxmoxlxc.core.provision.ProvisionResult;
import io.github.proxmoxlxc.core.provision.ProvisionStep;
import io.github.proxmoxlxc.core.provision.Provisioner;
import io.github.proxmoxlxc.hardware.conf.LocalNodePatchApplier;
import io.github.proxmoxlxc.node.InContainerSetup;
import io.github.proxmoxlxc.node.InstallScript;
import io.github.proxmoxlxc.node.OutputListener;
import io.github.proxmoxlxc.node.SshNodePatchApplier;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code create}: provision a container with live progress, then a summary. */
@Command(name = "create", footer = ExitCodes.HELP,
        description = {"Provision a container from the configuration layers, with live progress.",
            "Steps: preflight, placement, template (downloaded when missing), vmid, create, node patch, start, wait"
                    + " for running and an address. With --ssh (or PVE_SSH) also build.func's steps inside the"
                    + " container (DNS, proxy, host CA, locale, timezone, base packages, SSH key, --install script,"
                    + " var_post_install hook). A failure after create rolls the container back unless"
                    + " --keep-on-failure. Progress goes to stderr; the summary (or --json document) to stdout."})
final class CreateCommand extends ClientCommand {
    @Mixin
    ConfigOptions config;

    @Option(names = "--node", paramLabel = "NODE", description = "The node to create on (default: most free memory).")
    String node;

    @Option(names = "--host-root", paramLabel = "DIR",
            description = "Host tree for var_gpu/var_tun device detection (default: /).")
    Path hostRoot;

    @Option(names = "--keep-on-failure", description = "Keep a container whose provisioning failed (exit 10) instead"
            + " of rolling it back (exit 9).")
    boolean keepOnFailure;

    @Option(names = "--apply-on-node", paramLabel = "NODE",
            description = "This machine is node NODE: write the node patch (devN, lxc.* lines, /etc/subuid,"
                    + " /etc/subgid) into its files before the first start, as build.func does, and create the"
                    + " container there. Default: print the lines for you to apply.")
    String applyOnNode;

    @Option(names = "--wait-ip", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Wait for an IP address after start (default: wait).")
    boolean waitIp;

    @Option(names = "--ip-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for an address, e.g. 60s (default: the provisioner's).")
    Duration ipTimeout;

    @Mixin
    SshOptions ssh;

    /** {@code --install} without a value: the {@code --app}'s own install script. */
    private static final String APP_SCRIPT = "<app>";
    private static final Pattern SETUP_DONE = Pattern.compile("(.+): done in (\\d+) ms");

    @Option(names = "--install", arity = "0..1", fallbackValue = APP_SCRIPT, paramLabel = "FILE|URL",
            description = "Run an install script in the container over SSH to the node (needs --ssh or PVE_SSH),"
                    + " as build.func does, with its environment and FUNCTIONS_FILE_PATH. Without a value: the"
                    + " --app's script from the community scripts (or --scripts-dir, --scripts-mirror); with one:"
                    + " a local FILE, or an https:// URL the node fetches. A failing script rolls the container"
                    + " back (or keeps it with --keep-on-failure) and the error shows its last lines.")
    String install;

    @Option(names = "--scripts-dir", paramLabel = "DIR",
            description = "A local checkout of community-scripts/ProxmoxVE: --install reads the install script and"
                    + " misc/install.func from it and pushes them (instead of the node fetching them from GitHub).")
    Path scriptsDir;

    @Option(names = "--scripts-mirror", paramLabel = "URL",
            description = "A mirror laid out like community-scripts/ProxmoxVE (e.g. https://git.example.org/raw/"
                    + "ProxmoxVE/): the node fetches install/<app>-install.sh and misc/install.func from it.")
    String scriptsMirror;

    CreateCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    SshOptions sshOptions() {
        return ssh;
    }

    @Override
    Path embeddedHostTree() {
        return hostRoot != null ? ctx.cwd().resolve(hostRoot) : super.embeddedHostTree();
    }

    @Override
    int run(Connection c, Out out) {
        checkSetupOptions(c); // before anything reaches the node (GPU detection over SFTP included)
        ProvisionInput in = ProvisionInput.resolve(config, hostRoot, ctx, c.nodes().configured() && applyOnNode == null
                ? RemoteGpus.detection(c, node) : null);
        String target = node;
        List<String> patchLines = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> sshLines = java.util.Collections.synchronizedList(new ArrayList<>());
        NodePatchApplier applier = NodePatchApplier.printOnly(patchLines::add);
        if (applyOnNode != null) {
            if (c.nodes().configured()) {
                throw CliException.invalid("--apply-on-node", applyOnNode, "cannot be combined with "
                        + c.nodes().source() + ": write the node patch either on this machine or over SSH");
            }
            if (node != null && !node.equals(applyOnNode)) {
                throw CliException.invalid("--apply-on-node", applyOnNode, "must name the same node as --node ("
                        + node + "): the patch can only be written on this machine's node");
            }
            target = applyOnNode;
            applier = LocalNodePatchApplier.at(applyOnNode, ctx.root());
        } else if (c.nodes().configured()) {
            NodePatchApplier overSsh = SshNodePatchApplier.forNodes(c.nodes().resolver());
            applier = (n, vmid, patch) -> {
                NodePatchReport report = overSsh.apply(n, vmid, patch);
                sshLines.addAll(report.lines());
                return report;
            };
        }
        Optional<InContainerSetup> setup = setup(c, in);
        // the keys the node channel applies only warn when there is none
        List<String> inputWarnings = in.warnings.stream()
                .filter(w -> setup.isEmpty() || !w.contains(ProvisionInput.NODE_CHANNEL_NOTE)).toList();
        inputWarnings.forEach(w -> out.note("warning: " + w));
        out.note("Creating a container from " + in.template + (target == null ? "" : " on " + target) + ":");
        ProvisionResult r;
        Map<String, Object> setupSteps = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        try (ProgressPrinter progress = new ProgressPrinter(ctx.err(), ctx.errTerminal())) {
            ProvisionOptions.Builder o = in.options().keepOnFailure(keepOnFailure).waitForIp(waitIp)
                    .nodePatchApplier(applier).listener(e -> {
                        if (e.step() == ProvisionStep.CONTAINER_SETUP && e.kind() == ProvisionEvent.Kind.PROGRESS) {
                            Matcher m = SETUP_DONE.matcher(e.message());
                            if (m.matches()) {
                                setupSteps.put(m.group(1), Long.parseLong(m.group(2)));
                            }
                        }
                        progress.onEvent(e);
                    });
            if (ipTimeout != null) {
                o.ipTimeout(ipTimeout);
            }
            ProvisionRequest request = in.request(target);
            if (c.nodes().configured() && applyOnNode == null && c.client().usesApiToken()) {
                // Proxmox refuses keyctl, devN and bind mounts to API tokens: pct sets them over SSH
                request = SshNodePatchApplier.rootOnlyOptionsInPatch(request);
            }
            setup.ifPresent(o::addContainerSetup);
            r = Provisioner.on(c.client(), o.build()).provision(request);
        }
        List<String> warnings = new ArrayList<>(inputWarnings);
        warnings.addAll(r.warnings());
        Map<String, Object> timings = new LinkedHashMap<>();
        r.timings().forEach((step, d) -> timings.put(ProgressPrinter.stepName(step), d.toMillis()));
        timings.put("total", r.total().toMillis());
        if (!setupSteps.isEmpty()) {
            timings.put("setupSteps", new LinkedHashMap<>(setupSteps));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("vmid", r.vmid());
        doc.put("node", r.node());
        doc.put("hostname", r.hostname().orElse(null));
        doc.put("addresses", r.addresses());
        doc.put("status", r.status());
        doc.put("timings", timings);
        Optional<AppAccess> access = access(r);
        access.ifPresent(a -> doc.put("access", accessJson(a)));
        boolean installed = install != null;
        if (installed) {
            doc.put("installed", true);
        }
        doc.put("warnings", warnings);
        Map<String, Object> applied = applied(in, r);
        doc.put("applied", applied);
        if (!sshLines.isEmpty()) {
            doc.put("nodePatchOverSsh", List.copyOf(sshLines));
        }
        out.document(doc);
        if (!out.json()) {
            summary(out, c, r, patchLines, sshLines, applied);
            access.ifPresent(a -> {
                out.line("Access (" + a.app().name() + (installed ? "):" : ", once its install script has run):"));
                a.lines().forEach(l -> out.line("  " + l));
            });
            if (access.isEmpty() && installed && !r.addresses().isEmpty()) {
                out.line("Installed: " + install + " ran in container " + r.vmid() + " (address "
                        + r.access().getOrDefault("ip", r.addresses().get(0)) + ")");
            }
        }
        return ExitCodes.OK;
    }

    /**
     * The in-container steps over the node channel: the var_* keys as build.func applies them, and
     * the --install script; empty without --ssh/PVE_SSH.
     */
    /** The setup options' own rules, checked before anything is sent to the cluster or the node. */
    private void checkSetupOptions(Connection c) {
        if (scriptsDir != null && scriptsMirror != null) {
            throw CliException.invalid("--scripts-dir", scriptsDir.toString(), "cannot be combined with"
                    + " --scripts-mirror: the scripts come from one place");
        }
        if (!c.nodes().configured() && install != null) {
            throw CliException.invalid("--install", install.equals(APP_SCRIPT) ? "" : install, "runs inside"
                    + " the container over SSH to the node: give --ssh [USER@]HOST (or set PVE_SSH)");
        }
        if (scriptsDir != null && !java.nio.file.Files.isDirectory(ctx.cwd().resolve(scriptsDir).resolve("misc"))) {
            throw CliException.invalid("--scripts-dir", scriptsDir.toString(), "must be a checkout of"
                    + " community-scripts/ProxmoxVE (a directory with misc/ and install/)");
        }
    }

    private Optional<InContainerSetup> setup(Connection c, ProvisionInput in) {
        if (!c.nodes().configured()) {
            return Optional.empty();
        }
        ScriptSource source = ScriptSource.communityScripts();
        if (scriptsDir != null) {
            source = ScriptSource.localCheckout(ctx.cwd().resolve(scriptsDir));
        } else if (scriptsMirror != null) {
            try {
                source = ScriptSource.mirror(URI.create(scriptsMirror));
            } catch (IllegalArgumentException e) {
                throw CliException.invalid("--scripts-mirror", scriptsMirror, "must be an https:// URL with a host"
                        + " and no query, e.g. https://mirror.example.org/ProxmoxVE/");
            }
        }
        InContainerSetup.Builder b;
        try {
            b = InContainerSetup.fromConfig(in.config, c.nodes().resolver());
        } catch (ProxmoxException e) {
            String m = e.getMessage();
            String key = m.startsWith("var_") && m.indexOf(' ') > 0 ? m.substring(0, m.indexOf(' ')) : "var_timezone";
            throw CliException.invalid(key, in.config.value(key).orElse(""), m);
        }
        if (in.config.bool("var_verbose").orElse(false)) {
            b.output(new OutputListener() {
                @Override
                public void stdout(String line) {
                    ctx.err().println("  | " + line);
                }

                @Override
                public void stderr(String line) {
                    ctx.err().println("  | " + line);
                }
            });
        }
        if (install != null) {
            if (install.equals(APP_SCRIPT)) {
                App app = config.catalogueApp().orElseThrow(() -> CliException.invalid("--install", "",
                        "without a value runs the --app's install script: give --app with a catalogue app (see"
                                + " 'apps list'), or --install FILE|URL"));
                try {
                    b.app(app, config.variant == null ? App.DEFAULT_VARIANT : config.variant, source);
                } catch (ProxmoxException e) {
                    throw CliException.invalid("--app", app.slug(), e.getMessage());
                }
            } else {
                try {
                    InstallScript script = install.contains("://") ? InstallScript.url(install)
                            : InstallScript.file(ctx.cwd().resolve(install));
                    b.installScript(script.withFunctions(source));
                } catch (ProxmoxException | IllegalArgumentException e) {
                    throw CliException.invalid("--install", install, e.getMessage());
                }
            }
        }
        return Optional.of(b.build());
    }

    /** What the container was created with: the resolved values that reached Proxmox. */
    private static Map<String, Object> applied(ProvisionInput in, ProvisionResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hostname", r.hostname().or(in.spec::hostname).orElse(null));
        m.put("cores", in.spec.cores().isPresent() ? in.spec.cores().getAsInt() : null);
        m.put("memoryMiB", in.spec.memoryMiB().isPresent() ? in.spec.memoryMiB().getAsInt() : null);
        m.put("diskGiB", in.spec.rootFs().isPresent() ? null : in.rootfsGiB);
        m.put("rootfs", in.spec.rootFs().map(f -> f.encode()).orElse(null));
        m.put("unprivileged", in.spec.isUnprivileged());
        m.put("template", r.template().orElse(in.template));
        return m;
    }

    /** The catalogue app's access details, when {@code --app} names one and an address is known. */
    private Optional<AppAccess> access(ProvisionResult r) {
        Optional<App> app = config.catalogueApp();
        if (app.isEmpty() || r.addresses().isEmpty()) {
            return Optional.empty();
        }
        String address = r.addresses().stream().filter(a -> a.indexOf(':') < 0).findFirst()
                .orElse(r.addresses().get(0));
        return Optional.of(app.get().access(address));
    }

    private static Map<String, Object> accessJson(AppAccess a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("app", a.app().slug());
        m.put("address", a.address().orElse(null));
        m.put("url", a.url().orElse(null));
        m.put("username", a.username().orElse(null));
        m.put("password", a.password().orElse(null));
        m.put("configPath", a.configPath().orElse(null));
        return m;
    }

    private static void summary(Out out, Connection c, ProvisionResult r, List<String> patchLines,
            List<String> sshLines, Map<String, Object> applied) {
        out.line("Created container " + r.vmid() + r.hostname().map(h -> " (" + h + ")").orElse("") + " on "
                + r.node() + ": " + r.status());
        out.line("  applied    " + (applied.get("hostname") == null ? "" : "hostname " + applied.get("hostname") + ", ")
                + applied.get("cores") + " core(s), "
                + applied.get("memoryMiB") + " MiB memory, "
                + (applied.get("rootfs") != null ? "rootfs " + applied.get("rootfs") : applied.get("diskGiB")
                + " GB disk") + ", " + (Boolean.TRUE.equals(applied.get("unprivileged")) ? "unprivileged"
                : "privileged"));
        out.line("  addresses  " + (r.addresses().isEmpty() ? "-" : String.join(", ", r.addresses())));
        r.template().ifPresent(t -> out.line("  template   " + t));
        List<String> t = new ArrayList<>();
        for (Map.Entry<ProvisionStep, Duration> e : r.timings().entrySet()) {
            t.add(ProgressPrinter.stepName(e.getKey()) + " " + Durations.format(e.getValue().toMillis()));
        }
        out.line("  timings    " + String.join(", ", t));
        out.line("  total      " + Durations.format(r.total().toMillis()));
        for (String w : r.warnings()) {
            if (patchLines.isEmpty() || !w.startsWith("node patch NOT applied")) {
                out.line("  warning    " + w);
            }
        }
        if (!patchLines.isEmpty()) {
            out.line("Node patch NOT applied: as root on node " + r.node() + ", apply these lines, then restart"
                    + " the container (or use --apply-on-node on the node itself):");
            patchLines.forEach(l -> out.line("  " + l));
        }
        if (!sshLines.isEmpty()) {
            out.line("Node patch applied over SSH on " + r.node() + " (" + c.nodes().source() + "):");
            sshLines.forEach(l -> out.line("  " + l));
        }
        if (c.simulated()) {
            out.line("This ran against the embedded simulator: nothing real was created.");
        }
    }
}
