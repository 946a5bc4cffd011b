package io.github.proxmoxlxc.hardware.internal;

import io.github.proxmoxlxc.hardware.gpu.DeviceNode;
import io.github.proxmoxlxc.hardware.gpu.NodeKind;
import io.github.proxmoxlxc.hardware.gpu.Skipped;
import java.util.Optional;

/** Non-GPU nodes a container may opt into: USB serial adapters, TUN, Coral Edge TPU. */
final class ExtrasProbe {
    /** {@code /dev/net/tun} is statically assigned char 10:200 (devices.txt, misc minor 200). */
    private static final int[] TUN_STATIC = {10, 200};

    private ExtrasProbe() {
    }

    static void scan(HostFs fs, HostScan out) {
        for (String name : HostFs.list(fs.path("dev"))) {
            if (name.matches("tty(USB|ACM)\\d{1,4}")) {
                sysfsNode(fs, out, name, "sys/class/tty/" + name + "/dev", NodeKind.SERIAL);
            }
        }
        out.serialById = java.nio.file.Files.isDirectory(fs.path("dev/serial/by-id"));
        Optional<int[]> tun = HostFs.read(fs.path("sys/class/misc/tun/dev")).flatMap(HostFs::parseDev);
        boolean tunPresent = HostFs.exists(fs.path("dev/net/tun"));
        if (tun.isPresent() || tunPresent) {
            int[] mm = tun.orElse(TUN_STATIC);
            out.extras.add(DeviceNode.of("/dev/net/tun", NodeKind.TUN, mm[0], mm[1], tunPresent));
        }
        java.util.Set<String> apex = new java.util.TreeSet<>();
        for (String name : HostFs.list(fs.path("dev"))) {
            if (name.matches("apex_\\d{1,3}")) {
                apex.add(name);
            }
        }
        for (String name : HostFs.list(fs.path("sys/class/apex"))) {
            if (name.matches("apex_\\d{1,3}")) {
                apex.add(name);
            }
        }
        for (String name : apex) {
            sysfsNode(fs, out, name, "sys/class/apex/" + name + "/dev", NodeKind.CORAL);
        }
    }

    private static void sysfsNode(HostFs fs, HostScan out, String name, String devFile, NodeKind kind) {
        Optional<String> text = HostFs.read(fs.path(devFile));
        Optional<int[]> mm = text.flatMap(HostFs::parseDev);
        if (mm.isEmpty()) {
            out.skipped.add(new Skipped("/dev/" + name, "/" + devFile + " missing or malformed: "
                    + text.map(HostFs::excerpt).orElse("absent")));
            return;
        }
        out.extras.add(DeviceNode.of("/dev/" + name, kind, mm.get()[0], mm.get()[1],
                HostFs.exists(fs.path("dev/" + name))));
    }
}
