package io.github.proxmoxlxc.hardware.internal;

import io.github.proxmoxlxc.hardware.gpu.DeviceNode;
import io.github.proxmoxlxc.hardware.gpu.NodeKind;
import io.github.proxmoxlxc.hardware.gpu.Skipped;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * NVIDIA kernel driver nodes. They are not in sysfs: per-GPU minors come from
 * {@code /proc/driver/nvidia/gpus/<addr>/information} ("Device Minor"), majors from
 * {@code /proc/devices}.
 */
final class NvidiaProbe {
    /** {@code /dev/nvidiactl} minor, fixed by the driver (nvidia-modprobe NV_CTL_DEVICE_NUM). */
    private static final int CTL_MINOR = 255;
    /** {@code /dev/nvidia-modeset} minor (NV_MODESET_MINOR_DEVICE_NUM). */
    private static final int MODESET_MINOR = 254;

    /** Per-GPU facts read from procfs. */
    record Info(DeviceNode node, Optional<String> model) {
    }

    private NvidiaProbe() {
    }

    static Optional<Info> gpu(HostFs fs, ProcDevices proc, String addr, List<Skipped> skipped) {
        OptionalInt major = proc.major("nvidia-frontend", "nvidia");
        if (major.isEmpty()) {
            skipped.add(new Skipped(addr, "driver nvidia bound but no nvidia major in /proc/devices"));
            return Optional.empty();
        }
        Path file = fs.path("proc/driver/nvidia/gpus").resolve(addr).resolve("information");
        Optional<String> text = HostFs.read(file);
        if (text.isEmpty()) {
            skipped.add(new Skipped(addr, "driver nvidia bound but /proc/driver/nvidia/gpus/" + addr
                    + "/information is missing"));
            return Optional.empty();
        }
        Map<String, String> fields = fields(text.get());
        String minorText = fields.getOrDefault("Device Minor", "");
        if (!minorText.matches("\\d{1,3}") || Integer.parseInt(minorText) >= MODESET_MINOR) {
            skipped.add(new Skipped(addr, "Device Minor missing or malformed in /proc/driver/nvidia/gpus/"
                    + addr + "/information: " + HostFs.excerpt(minorText)));
            return Optional.empty();
        }
        int minor = Integer.parseInt(minorText);
        String path = "/dev/nvidia" + minor;
        DeviceNode node = DeviceNode.of(path, NodeKind.NVIDIA_GPU, major.getAsInt(), minor,
                HostFs.exists(fs.path("dev/nvidia" + minor)));
        String model = fields.get("Model");
        return Optional.of(new Info(node, Optional.ofNullable(model).filter(m -> !m.isEmpty())));
    }

    static Optional<String> driverVersion(HostFs fs) {
        Optional<String> text = HostFs.read(fs.path("proc/driver/nvidia/version"));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String first = text.get().split("\n", 2)[0];
        int at = first.indexOf("Module");
        if (at < 0) {
            return Optional.empty();
        }
        for (String tok : first.substring(at + "Module".length()).trim().split("\\s+")) {
            if (tok.matches("\\d+(\\.\\d+)+")) {
                return Optional.of(tok);
            }
        }
        return Optional.empty();
    }

    static void sharedNodes(HostFs fs, ProcDevices proc, List<DeviceNode> out, List<Skipped> skipped) {
        OptionalInt nv = proc.major("nvidia-frontend", "nvidia");
        if (nv.isEmpty()) {
            return;
        }
        out.add(node(fs, "nvidiactl", NodeKind.NVIDIA_CONTROL, nv.getAsInt(), CTL_MINOR, Optional.empty()));
        out.add(node(fs, "nvidia-modeset", NodeKind.NVIDIA_CONTROL, nv.getAsInt(), MODESET_MINOR, Optional.empty()));
        OptionalInt uvm = proc.major("nvidia-uvm");
        if (uvm.isPresent()) {
            // nvidia-uvm registers base minor 0 for /dev/nvidia-uvm and 1 for /dev/nvidia-uvm-tools
            out.add(node(fs, "nvidia-uvm", NodeKind.NVIDIA_UVM, uvm.getAsInt(), 0, Optional.empty()));
            out.add(node(fs, "nvidia-uvm-tools", NodeKind.NVIDIA_UVM, uvm.getAsInt(), 1, Optional.empty()));
        } else {
            skipped.add(new Skipped("/dev/nvidia-uvm", "nvidia-uvm not in /proc/devices (module not loaded):"
                    + " CUDA needs it"));
        }
        caps(fs, proc, out, skipped);
    }

    private static void caps(HostFs fs, ProcDevices proc, List<DeviceNode> out, List<Skipped> skipped) {
        Map<Integer, Optional<String>> minors = new TreeMap<>();
        for (String name : HostFs.list(fs.path("dev/nvidia-caps"))) {
            if (name.matches("nvidia-cap\\d{1,6}")) {
                minors.put(Integer.parseInt(name.substring("nvidia-cap".length())), Optional.empty());
            }
        }
        Path mig = fs.path("proc/driver/nvidia/capabilities/mig");
        for (String cap : List.of("config", "monitor")) {
            Optional<String> text = HostFs.read(mig.resolve(cap));
            if (text.isEmpty()) {
                continue;
            }
            Map<String, String> f = fields(text.get());
            String minor = f.getOrDefault("DeviceFileMinor", "");
            if (!minor.matches("\\d{1,6}")) {
                skipped.add(new Skipped("/proc/driver/nvidia/capabilities/mig/" + cap,
                        "DeviceFileMinor missing or malformed: " + HostFs.excerpt(minor)));
                continue;
            }
            String mode = f.getOrDefault("DeviceFileMode", "");
            Optional<String> octal = mode.matches("\\d{1,4}") && Integer.parseInt(mode) <= 0777
                    ? Optional.of(String.format("%04o", Integer.parseInt(mode))) : Optional.empty();
            minors.put(Integer.parseInt(minor), octal);
        }
        if (minors.isEmpty()) {
            return;
        }
        OptionalInt major = proc.major("nvidia-caps");
        if (major.isEmpty()) {
            skipped.add(new Skipped("/dev/nvidia-caps", "nvidia-caps not in /proc/devices: capability nodes skipped"));
            return;
        }
        minors.forEach((minor, mode) -> out.add(node(fs, "nvidia-caps/nvidia-cap" + minor, NodeKind.NVIDIA_CAP,
                major.getAsInt(), minor, mode)));
    }

    private static DeviceNode node(HostFs fs, String name, NodeKind kind, int major, int minor,
            Optional<String> mode) {
        return new DeviceNode("/dev/" + name, kind, major, minor, HostFs.exists(fs.path("dev/" + name)), mode);
    }

    /** Parses {@code Key: value} lines (NVIDIA separates with tabs and spaces). */
    static Map<String, String> fields(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n", -1)) {
            int c = line.indexOf(':');
            if (c > 0) {
                m.putIfAbsent(line.substring(0, c).strip(), line.substring(c + 1).strip());
            }
        }
        return m;
    }
}
