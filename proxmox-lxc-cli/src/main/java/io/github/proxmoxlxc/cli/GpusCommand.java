package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.provision.NodePatch;
import io.github.proxmoxlxc.hardware.gpu.Detection;
import io.github.proxmoxlxc.hardware.gpu.DeviceNode;
import io.github.proxmoxlxc.hardware.gpu.Gpu;
import io.github.proxmoxlxc.hardware.gpu.GpuDetector;
import io.github.proxmoxlxc.hardware.gpu.Skipped;
import io.github.proxmoxlxc.hardware.gpu.Vendor;
import io.github.proxmoxlxc.hardware.passthrough.GpuSelection;
import io.github.proxmoxlxc.hardware.passthrough.PassthroughPlanner;
import io.github.proxmoxlxc.hardware.passthrough.PassthroughStyle;
import io.github.proxmoxlxc.hardware.passthrough.TargetContainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gpus}: detect GPUs and, with {@code --plan}, print the passthrough lines. */
@Command(name = "gpus", footer = ExitCodes.HELP,
        description = {"Detect this host's GPUs; with --plan print the passthrough lines.",
            "Reads sysfs, /proc and /dev of this host (or of a host tree under --host-root), or of a node over"
                    + " SSH/SFTP with --ssh [USER@]HOST (or PVE_SSH, unless --host-root is given). No cluster API"
                    + " needed."})
final class GpusCommand implements Callable<Integer> {
    /** {@code --style}. */
    enum Style {
        /** devN entries (PVE 8.1+). */
        dev,
        /** lxc.cgroup2 / lxc.mount.entry lines (+ idmap for unprivileged containers). */
        legacy
    }

    private final CliContext ctx;

    @Mixin
    JsonOption jsonOption;

    @Option(names = "--host-root", paramLabel = "DIR",
            description = "Read the host tree under DIR (its sys/, proc/, dev/, etc/group) instead of /.")
    Path hostRoot;

    @Mixin
    SshOptions ssh;

    @Option(names = "--node", paramLabel = "NODE",
            description = "With several --ssh NODE=TARGET: the node whose GPUs to detect.")
    String node;

    @Option(names = "--plan", description = "Also print the passthrough lines for a container.")
    boolean plan;

    @Option(names = "--style", paramLabel = "dev|legacy", defaultValue = "dev",
            description = "dev: devN entries (PVE 8.1+); legacy: lxc.cgroup2/lxc.mount.entry lines (default: ${DEFAULT-VALUE}).")
    Style style;

    @Option(names = "--privileged", description = "Plan for a privileged container (default: unprivileged).")
    boolean privileged;

    @Option(names = "--ct-group", paramLabel = "NAME=GID",
            description = "A group id inside the container: video=44, render=106, dialout=20 (repeatable).")
    Map<String, String> ctGroups = new LinkedHashMap<>();

    @Option(names = "--template", paramLabel = "NAME",
            description = "The container's template, for its known group ids (default: debian-13, as build.func).")
    String template = "debian-13-standard";

    @Option(names = "--select", paramLabel = "intel|amd|nvidia|PCI", split = ",",
            description = "Which GPUs: a vendor, or PCI addresses such as 0000:01:00.0 (default: all).")
    List<String> select = new ArrayList<>();

    GpusCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Out out = new Out(ctx, jsonOption.json);
        boolean sshFlag = ssh.ssh != null && !ssh.ssh.isEmpty();
        if (sshFlag && hostRoot != null) {
            throw CliException.invalid("--host-root", hostRoot.toString(), "cannot be combined with --ssh: detect on"
                    + " the node over SSH or in a local tree");
        }
        // PVE_SSH names the node channel as for every other command; an explicit --host-root wins over it
        String envSsh = ctx.env().get("PVE_SSH");
        boolean remote = sshFlag || hostRoot == null && envSsh != null && !envSsh.isBlank();
        Path root = hostRoot != null ? ctx.cwd().resolve(hostRoot) : remote ? Path.of("/") : ctx.root();
        if (!remote && !Files.isDirectory(root)) {
            throw CliException.invalid("--host-root", String.valueOf(hostRoot), "must be a directory");
        }
        // options are checked whether or not --plan is given: a typo must not pass silently
        PassthroughPlanner planner = planner();
        String[] where = {"under " + root};
        Detection d = remote ? RemoteGpus.overSsh(ssh, ctx.env(), node, where) : GpuDetector.at(root).detect();
        checkSelected(d);
        Map<String, Object> doc = GpuJson.detection(d);
        NodePatch patch = null;
        if (plan) {
            patch = planner.plan(d);
            doc.put("config", patch.confLines());
            doc.put("subuid", patch.subuidLines());
            doc.put("subgid", patch.subgidLines());
            doc.put("notes", patch.notes());
        }
        out.document(doc);
        if (!out.json()) {
            human(out, root, where[0], d, patch);
        }
        return ExitCodes.OK;
    }

    private PassthroughPlanner planner() {
        TargetContainer.Builder t = TargetContainer.builder().privileged(privileged).template(template);
        ctGroups.forEach((name, gid) -> {
            if (!gid.matches("\\d{1,9}")) {
                throw CliException.usage("--ct-group", name + "=" + gid, "the gid must be a number >= 0,"
                        + " e.g. --ct-group render=106");
            }
            int g = Integer.parseInt(gid);
            switch (name) {
                case "video" -> t.videoGid(g);
                case "render" -> t.renderGid(g);
                case "dialout" -> t.dialoutGid(g);
                default -> throw CliException.usage("--ct-group", name + "=" + gid,
                        "the group must be video, render or dialout");
            }
        });
        return PassthroughPlanner.builder()
                .gpus(selection())
                .target(t.build())
                .style(style == Style.dev ? PassthroughStyle.DEVICE_ENTRIES : PassthroughStyle.LEGACY_LINES)
                .build();
    }

    private GpuSelection selection() {
        if (select.isEmpty()) {
            return GpuSelection.all();
        }
        List<String> pci = new ArrayList<>();
        Vendor vendor = null;
        for (String s : select) {
            String v = s.strip().toLowerCase(Locale.ROOT);
            switch (v) {
                case "intel", "amd", "nvidia" -> {
                    if (vendor != null) {
                        throw CliException.invalid("--select", s, "one vendor at a time (or PCI addresses)");
                    }
                    vendor = Vendor.valueOf(v.toUpperCase(Locale.ROOT));
                }
                default -> pci.add(pciAddress(s));
            }
        }
        if (vendor != null && !pci.isEmpty()) {
            throw CliException.invalid("--select", String.join(",", select), "either a vendor or PCI addresses, not both");
        }
        if (vendor != null) {
            return GpuSelection.vendor(vendor);
        }
        try {
            return GpuSelection.pciAddresses(pci.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw CliException.invalid("--select", String.join(",", select), "intel, amd, nvidia or " + e.getMessage());
        }
    }

    /** A PCI address {@code 0000:01:00.0} (or {@code 01:00.0}, domain 0000), lower case. */
    private static String pciAddress(String s) {
        String v = s.strip().toLowerCase(Locale.ROOT);
        if (v.matches("[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]")) {
            v = "0000:" + v;
        }
        if (!v.matches("[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]")) {
            throw CliException.usage("--select", s, "intel, amd, nvidia or PCI addresses such as 0000:01:00.0"
                    + " (as the gpus command lists them)");
        }
        return v;
    }

    /** Every selected PCI address must be a detected GPU. */
    private void checkSelected(Detection d) {
        List<String> found = d.gpus().stream().map(Gpu::pciAddress).toList();
        for (String s : select) {
            String v = s.strip().toLowerCase(Locale.ROOT);
            if (List.of("intel", "amd", "nvidia").contains(v)) {
                continue;
            }
            String a = pciAddress(s);
            if (!found.contains(a)) {
                throw CliException.invalid("--select", s, "no usable GPU at " + a + " (found: "
                        + (found.isEmpty() ? "none" : String.join(", ", found)) + ")");
            }
        }
    }

    private static void human(Out out, Path root, String where, Detection d, NodePatch patch) {
        if (d.gpus().isEmpty()) {
            String r = root.toString().endsWith("/") ? root.toString() : root + "/";
            out.line("No usable GPU found " + where + ": looked for display-class PCI devices in " + r
                    + "sys/bus/pci/devices,"
                    + " DRM nodes in " + r + "sys/class/drm and " + r + "dev/dri, NVIDIA GPUs in " + r
                    + "proc/driver/nvidia/gpus and AMD compute in " + r + "dev/kfd.");
        } else {
            out.line("GPUs " + where + ":");
        }
        for (Gpu g : d.gpus()) {
            out.line(String.format(Locale.ROOT, "  %s  %-6s %s:%s  driver %s%s", g.pciAddress(),
                    g.vendor().name().toLowerCase(Locale.ROOT), GpuJson.hex(g.vendorId()), GpuJson.hex(g.deviceId()),
                    g.driver().isEmpty() ? "-" : g.driver(), g.bootVga() ? "  boot VGA" : ""));
            g.model().ifPresent(m -> out.line("    model " + m));
            for (DeviceNode n : GpuJson.nodesFor(d, g)) {
                out.line(String.format(Locale.ROOT, "    %-32s %3d:%-4d %s", n.path(), n.major(), n.minor(),
                        n.present() ? "present" : "MISSING"));
            }
        }
        if (!d.skipped().isEmpty()) {
            out.line("Skipped:");
            for (Skipped s : d.skipped()) {
                out.line("  " + s.subject() + "  " + s.reason());
            }
        }
        List<String> groups = new ArrayList<>();
        GpuJson.hostGroups(d).forEach((k, v) -> groups.add(k + "=" + v));
        out.line("Host groups: " + (groups.isEmpty() ? "-" : String.join(" ", groups)));
        if (patch == null) {
            return;
        }
        out.line("");
        if (patch.isEmpty()) {
            out.line("Nothing to pass through.");
        } else {
            out.line("Container config (/etc/pve/lxc/<vmid>.conf):");
            patch.confLines().forEach(l -> out.line("  " + l));
        }
        if (!patch.subuidLines().isEmpty()) {
            out.line("/etc/subuid:");
            patch.subuidLines().forEach(l -> out.line("  " + l));
        }
        if (!patch.subgidLines().isEmpty()) {
            out.line("/etc/subgid:");
            patch.subgidLines().forEach(l -> out.line("  " + l));
        }
        if (!patch.notes().isEmpty()) {
            out.line("Notes:");
            patch.notes().forEach(l -> out.line("  " + l));
        }
    }
}
