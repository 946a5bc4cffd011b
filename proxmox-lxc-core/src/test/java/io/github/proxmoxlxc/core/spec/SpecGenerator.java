package io.github.proxmoxlxc.core.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Generates valid specs and property-string values for property tests. */
final class SpecGenerator {
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String ALNUM = LOWER + "0123456789";
    private static final List<String> MOUNT_OPTS = List.of("discard", "lazytime", "noatime", "nodev", "noexec",
            "nosuid");

    private SpecGenerator() {
    }

    static Arbitrary<ContainerSpec> specs() {
        return Arbitraries.randomValue(SpecGenerator::spec);
    }

    static Arbitrary<NetworkInterface> networks() {
        return Arbitraries.randomValue(r -> net(r, "eth" + r.nextInt(8)));
    }

    static Arbitrary<MountPoint> mountPoints() {
        return Arbitraries.randomValue(r -> mountPoint(r, "/mnt/" + word(r, 1, 8)));
    }

    static Arbitrary<RootFs> rootFses() {
        return Arbitraries.randomValue(SpecGenerator::rootfs);
    }

    /** Mount points with a valid {@code idmap} (newer than the PVE 9.1 schema). */
    static Arbitrary<MountPoint> mountPointsWithIdmap() {
        return Arbitraries.randomValue(r -> mountPoint(r, "/mnt/" + word(r, 1, 8)).toBuilder().idmap(idmap(r)).build());
    }

    /** Root file systems with a valid {@code idmap}. */
    static Arbitrary<RootFs> rootFsesWithIdmap() {
        return Arbitraries.randomValue(r -> rootfs(r).toBuilder().idmap(idmap(r)).build());
    }

    /** Valid specs whose mounts carry an {@code idmap} when the container is unprivileged. */
    static Arbitrary<ContainerSpec> specsWithIdmap() {
        return Arbitraries.randomValue(r -> {
            ContainerSpec s = spec(r);
            if (!s.isUnprivileged()) {
                return s;
            }
            ContainerSpec.Builder b = s.toBuilder();
            s.rootFs().ifPresent(root -> b.rootFs(root.toBuilder().idmap(idmap(r)).build()));
            s.mountPoints().forEach((i, mp) -> b.mountPoint(i, mp.toBuilder().idmap(idmap(r)).build()));
            return b.build();
        });
    }

    /**
     * A valid {@code idmap}: {@code passthrough}, or up to three entries per type whose ranges rise on
     * both sides (so none overlap), in random order.
     */
    static String idmap(Random r) {
        if (r.nextInt(5) == 0) {
            return "passthrough";
        }
        List<String> entries = new ArrayList<>();
        for (String type : List.of("u", "g")) {
            long ct = r.nextInt(4) == 0 ? 4_294_000_000L : r.nextInt(70000);
            long disk = r.nextInt(4) == 0 ? 4_294_000_000L : r.nextInt(70000);
            int n = r.nextInt(4);
            for (int i = 0; i < n; i++) {
                long count = 1 + r.nextInt(1000);
                entries.add(type + ":" + ct + ":" + disk + ":" + count);
                ct += count + r.nextInt(3) * r.nextInt(500);
                disk += count + r.nextInt(3) * r.nextInt(500);
            }
        }
        if (entries.isEmpty()) {
            entries.add("g:" + r.nextInt(70000) + ":" + r.nextInt(70000) + ":1");
        }
        java.util.Collections.shuffle(entries, r);
        return String.join(";", entries);
    }

    static Arbitrary<Features> featureSets() {
        return Arbitraries.randomValue(r -> features(r, true));
    }

    static Arbitrary<DeviceEntry> devices() {
        return Arbitraries.randomValue(SpecGenerator::device);
    }

    static Arbitrary<Startup> startups() {
        return Arbitraries.randomValue(SpecGenerator::startup);
    }

    static ContainerSpec spec(Random r) {
        ContainerSpec.Builder b = ContainerSpec.builder()
                .vmid(100 + r.nextInt(999_999_899))
                .osTemplate("local:vztmpl/" + word(r, 3, 10) + "-" + (10 + r.nextInt(15)) + "-standard_amd64.tar.zst");
        boolean unprivileged = r.nextInt(4) != 0;
        if (r.nextBoolean()) {
            b.unprivileged(unprivileged);
        } else {
            unprivileged = true;
        }
        if (r.nextBoolean()) {
            b.hostname(dnsName(r));
        }
        if (r.nextInt(4) == 0) {
            b.pool(word(r, 2, 8) + (r.nextBoolean() ? "/" + word(r, 1, 5) : ""));
        }
        int tags = r.nextInt(4);
        for (int i = 0; i < tags; i++) {
            b.addTag("t" + i + word(r, 0, 6) + (r.nextBoolean() ? "-x.y+z" : ""));
        }
        if (r.nextInt(3) == 0) {
            b.description("Made by a test.\nLine two: <b>ok</b>, 100% ; = , fine");
        }
        if (r.nextBoolean()) {
            b.osType(pick(r, OsType.values()));
        }
        if (r.nextBoolean()) {
            b.arch(pick(r, Arch.values()));
        }
        if (r.nextBoolean()) {
            b.cores(1 + r.nextInt(8192));
        }
        if (r.nextBoolean()) {
            b.cpuLimit(r.nextInt(16385) / 2.0);
        }
        if (r.nextBoolean()) {
            b.cpuUnits(r.nextInt(500_001));
        }
        if (r.nextBoolean()) {
            b.memoryMiB(16 + r.nextInt(1 << 20));
        }
        if (r.nextBoolean()) {
            b.swapMiB(r.nextInt(1 << 16));
        }
        if (r.nextBoolean()) {
            b.rootFs(rootfs(r));
        }
        int mps = r.nextInt(4);
        for (int i = 0; i < mps; i++) {
            b.mountPoint(r.nextInt(256) == 0 ? 255 : i * 7, mountPoint(r, "/mnt/m" + i));
        }
        int nets = r.nextInt(4);
        for (int i = 0; i < nets; i++) {
            b.network(i == 2 ? 31 : i, net(r, "eth" + i));
        }
        if (r.nextBoolean()) {
            b.features(features(r, unprivileged));
        }
        int devs = r.nextInt(3);
        for (int i = 0; i < devs; i++) {
            b.device(i * 100, device(r));
        }
        if (r.nextInt(3) == 0) {
            b.nameservers(List.of("1.1.1.1", "2606:4700:4700::1111", "fe80::1%eth0").subList(0, 1 + r.nextInt(3)));
        }
        if (r.nextInt(3) == 0) {
            b.addSearchDomain(dnsName(r));
        }
        if (r.nextBoolean()) {
            b.onBoot(r.nextBoolean());
        }
        if (r.nextBoolean()) {
            b.protection(r.nextBoolean());
        }
        if (r.nextBoolean()) {
            b.startup(startup(r));
        }
        if (r.nextBoolean()) {
            b.timezone(pick(r, new String[] {"host", "Europe/Berlin", "America/Argentina/Buenos_Aires", "UTC",
                "Etc/GMT+5"}));
        }
        if (r.nextBoolean()) {
            b.password("pw-" + word(r, 2, 20) + " ' \" $x");
        }
        if (r.nextInt(3) == 0) {
            b.addSshPublicKey("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + word(r, 10, 20) + " user@host");
            if (r.nextBoolean()) {
                b.addSshPublicKey("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ== second key");
            }
        }
        if (r.nextBoolean()) {
            b.console(r.nextBoolean());
        }
        if (r.nextBoolean()) {
            b.tty(r.nextInt(7));
        }
        if (r.nextBoolean()) {
            b.consoleMode(pick(r, ConsoleMode.values()));
        }
        if (r.nextInt(4) == 0) {
            b.putEnvironment("PATH", "/usr/bin:/bin").putEnvironment("GREETING_" + r.nextInt(9), "hello world=1");
        }
        if (r.nextInt(4) == 0) {
            b.entrypoint("/usr/bin/env FOO=bar /sbin/init --log-level=" + r.nextInt(5));
        }
        if (r.nextInt(5) == 0) {
            b.hookScript("local:snippets/" + word(r, 1, 8) + ".sh");
        }
        if (r.nextBoolean()) {
            b.start(r.nextBoolean());
        }
        if (r.nextInt(5) == 0) {
            b.restore(true).unique(r.nextBoolean()).force(r.nextBoolean());
        }
        if (r.nextInt(4) == 0) {
            b.haManaged(r.nextBoolean()).ignoreUnpackErrors(r.nextBoolean()).debug(r.nextBoolean())
                    .markAsTemplate(r.nextBoolean());
        }
        if (r.nextInt(3) == 0) {
            b.storage(storageId(r));
        }
        if (r.nextInt(5) == 0) {
            b.bandwidthLimitKiBps(r.nextInt(100_000));
        }
        if (r.nextInt(6) == 0) {
            b.rawOption("lock", "backup");
        }
        return b.build();
    }

    static NetworkInterface net(Random r, String name) {
        NetworkInterface.Builder b = NetworkInterface.builder().name(name);
        if (r.nextInt(5) != 0) {
            b.bridge(pick(r, new String[] {"vmbr0", "vmbr1", "vnet_lab", "br-lan.10"}));
        }
        if (r.nextBoolean()) {
            b.macAddress(String.format("%02X:%02x:%02X:%02X:%02X:%02X", (r.nextInt(128)) * 2, r.nextInt(256),
                    r.nextInt(256), r.nextInt(256), r.nextInt(256), r.nextInt(256)));
        }
        switch (r.nextInt(4)) {
            case 0: b.dhcp(); break;
            case 1: b.manualIp(); break;
            case 2: {
                int prefix = 8 + r.nextInt(23); // 8..30
                int net = (10 << 24) | (r.nextInt(1 << 24));
                int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
                int base = net & mask;
                int hostBits = 32 - prefix;
                int host = 1 + r.nextInt((1 << hostBits) - 2);
                int gwHost = 1 + r.nextInt((1 << hostBits) - 2);
                b.ip(v4(base | host) + "/" + prefix);
                if (r.nextBoolean()) {
                    b.gateway(v4(base | gwHost));
                }
                break;
            }
            default: break;
        }
        switch (r.nextInt(5)) {
            case 0: b.ip6Auto(); break;
            case 1: b.ip6Dhcp(); break;
            case 2: b.ip6("manual"); break;
            case 3: {
                String p = String.format("fd%02x:%x:%x::", r.nextInt(256), r.nextInt(0x10000), r.nextInt(0x10000));
                b.ip6(p + Integer.toHexString(1 + r.nextInt(0xfffe)) + "/64");
                if (r.nextBoolean()) {
                    b.gateway6(r.nextBoolean() ? p + "1" : "fe80::1");
                }
                break;
            }
            default: break;
        }
        if (r.nextBoolean()) {
            b.mtu(64 + r.nextInt(65535 - 63));
        }
        if (r.nextBoolean()) {
            b.tag(1 + r.nextInt(4094));
        }
        if (r.nextInt(4) == 0) {
            b.trunks(List.of(1 + r.nextInt(4094), 1 + r.nextInt(4094)));
        }
        if (r.nextBoolean()) {
            b.firewall(r.nextBoolean());
        }
        if (r.nextInt(4) == 0) {
            b.rate(r.nextInt(20000) / 4.0);
        }
        if (r.nextInt(4) == 0) {
            b.linkDown(r.nextBoolean());
        }
        if (r.nextInt(4) == 0) {
            b.hostManaged(r.nextBoolean());
        }
        return b.build();
    }

    static RootFs rootfs(Random r) {
        RootFs.Builder b = RootFs.builder();
        switch (r.nextInt(3)) {
            case 0: b.volume(storageId(r), 1 + r.nextInt(2000)); break;
            case 1:
                b.volume(storageId(r) + ":vm-" + (100 + r.nextInt(900)) + "-disk-0").size((1 + r.nextInt(64)) + "G");
                break;
            default: b.volume(storageId(r) + ":subvol-101-disk-0"); break;
        }
        if (r.nextBoolean()) {
            b.acl(r.nextBoolean());
        }
        if (r.nextBoolean()) {
            b.mountOptions(mountOptions(r));
        }
        b.quota(r.nextBoolean()).replicate(r.nextBoolean()).readOnly(r.nextInt(5) == 0).shared(r.nextInt(5) == 0);
        return b.build();
    }

    static MountPoint mountPoint(Random r, String path) {
        MountPoint.Builder b = MountPoint.builder().path(path);
        switch (r.nextInt(4)) {
            case 0: b.volume(storageId(r), 1 + r.nextInt(2000)); break;
            case 1: b.volume("/srv/host data/" + word(r, 1, 6)); break;
            case 2: b.volume("/dev/sd" + LOWER.charAt(r.nextInt(8)) + (1 + r.nextInt(4))); break;
            default: b.volume(storageId(r) + ":vm-100-disk-" + r.nextInt(9)).size(r.nextInt(900) + "M"); break;
        }
        if (r.nextBoolean()) {
            b.backup(r.nextBoolean());
        }
        if (r.nextBoolean()) {
            b.acl(r.nextBoolean());
        }
        if (r.nextBoolean()) {
            b.mountOptions(mountOptions(r));
        }
        b.keepAttrs(r.nextBoolean()).quota(r.nextBoolean()).replicate(r.nextBoolean()).readOnly(r.nextBoolean())
                .shared(r.nextBoolean());
        return b.build();
    }

    static Features features(Random r, boolean unprivileged) {
        Features.Builder b = Features.builder().nesting(r.nextBoolean()).fuse(r.nextBoolean());
        if (unprivileged) {
            b.keyctl(r.nextBoolean()).mknod(r.nextBoolean()).forceRwSys(r.nextInt(4) == 0);
        }
        if (r.nextInt(3) == 0) {
            b.mount(List.of("nfs", "cifs", "ext4", "fuse_x").subList(0, 1 + r.nextInt(4)));
        }
        return b.build();
    }

    static DeviceEntry device(Random r) {
        DeviceEntry.Builder b = DeviceEntry.builder().path(pick(r, new String[] {"/dev/dri/renderD128",
            "/dev/dri/card0", "/dev/ttyUSB0", "/dev/net/tun", "/dev/nvidia0", "/dev/bus/usb/001/002"}));
        if (r.nextBoolean()) {
            b.uid(r.nextInt(70000));
        }
        if (r.nextBoolean()) {
            b.gid(r.nextInt(70000));
        }
        if (r.nextBoolean()) {
            b.mode("0" + r.nextInt(8) + r.nextInt(8) + r.nextInt(8));
        }
        return b.denyWrite(r.nextBoolean()).build();
    }

    static Startup startup(Random r) {
        Startup.Builder b = Startup.builder();
        int mask = 1 + r.nextInt(7);
        if ((mask & 1) != 0) {
            b.order(r.nextInt(1000));
        }
        if ((mask & 2) != 0) {
            b.up(r.nextInt(600));
        }
        if ((mask & 4) != 0) {
            b.down(r.nextInt(600));
        }
        return b.build();
    }

    private static List<String> mountOptions(Random r) {
        List<String> out = new ArrayList<>(MOUNT_OPTS);
        java.util.Collections.shuffle(out, r);
        return out.subList(0, 1 + r.nextInt(out.size()));
    }

    private static String v4(int a) {
        return ((a >>> 24) & 255) + "." + ((a >>> 16) & 255) + "." + ((a >>> 8) & 255) + "." + (a & 255);
    }

    static String storageId(Random r) {
        return pick(r, new String[] {"local", "local-lvm", "local-zfs", "ceph_pool.1", "nfs-backup"});
    }

    static String dnsName(Random r) {
        StringBuilder sb = new StringBuilder(word(r, 1, 1));
        sb.append(word(r, 0, 10));
        if (r.nextBoolean()) {
            sb.append("-").append(r.nextInt(99));
        }
        if (r.nextBoolean()) {
            sb.append(".lab").append(r.nextBoolean() ? ".example.org" : "");
        }
        return sb.toString();
    }

    static String word(Random r, int min, int max) {
        int n = min + r.nextInt(max - min + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(ALNUM.charAt(r.nextInt(i == 0 ? LOWER.length() : ALNUM.length())));
        }
        return sb.toString();
    }

    static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }
}
