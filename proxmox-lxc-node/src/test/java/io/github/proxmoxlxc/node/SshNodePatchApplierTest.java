package io.github.proxmoxlxc.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.proxmoxlxc.core.provision.NodePatch;
import io.github.proxmoxlxc.core.provision.NodePatchReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Node patches over real SSH (OpenSSH), files under a test root, {@code pct} as a recording double. */
@Timeout(300)
class SshNodePatchApplierTest {
    @TempDir
    static Path dir;
    static OpenSshServer sshd;
    static NodeConnection node;
    static Path root;
    static SshNodePatchApplier applier;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(OpenSshServer.available(), "/usr/sbin/sshd is not installed (apt-get install openssh-server)");
        sshd = OpenSshServer.start(dir);
        node = NodeConnection.builder(sshd.target()).hostKeys(HostKeyPolicy.fingerprints(sshd.fingerprint()))
                .auth(SshAuth.keyFile(sshd.userKey)).commandTimeout(Duration.ofSeconds(120)).build();
        root = dir.resolve("root");
        Files.createDirectories(root.resolve("etc/pve/lxc"));
        Path pct = dir.resolve("bin/pct");
        Files.writeString(pct, "#!/bin/sh\nfor a; do printf '%s\\n' \"$a\"; done >> " + dir.resolve("pct.log") + "\n");
        Files.setPosixFilePermissions(pct, PosixFilePermissions.fromString("rwxr-xr-x"));
        applier = SshNodePatchApplier.forNode("pve1", node).underRoot(root.toString());
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    static Path conf(int vmid, String text) throws Exception {
        Path f = root.resolve("etc/pve/lxc/" + vmid + ".conf");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void keysGoThroughPctSetAndRawLinesBeforeTheFirstSectionIdempotently() throws Exception {
        Path f = conf(101, "arch: amd64\nhostname: a\n\n[snap1]\narch: amd64\nlxc.old: x\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        NodePatch p = NodePatch.builder().putKey("features", "keyctl=1,nesting=1").putKey("hookscript", "local:snippets/it's.sh")
                .addRawLine("lxc.cgroup2.devices.allow: c 226:* rwm")
                .addRawLine("lxc.mount.entry: /dev/dri dev/dri none bind,optional,create=dir")
                .removeRawLine("lxc.old: x")
                .build();
        NodePatchReport r = applier.apply("pve1", 101, p);
        assertThat(r.applied()).isTrue();
        assertThat(Files.readAllLines(dir.resolve("pct.log"))).containsExactly("set", "101", "-features",
                "keyctl=1,nesting=1", "-hookscript", "local:snippets/it's.sh");
        String expected = "arch: amd64\nhostname: a\n\nlxc.cgroup2.devices.allow: c 226:* rwm\n"
                + "lxc.mount.entry: /dev/dri dev/dri none bind,optional,create=dir\n[snap1]\narch: amd64\nlxc.old: x\n";
        assertThat(Files.readString(f)).isEqualTo(expected);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r-----");
        NodePatchReport again = applier.apply("pve1", 101, p.toBuilder().build());
        assertThat(again.lines()).anyMatch(l -> l.contains("(unchanged)"));
        assertThat(Files.readString(f)).isEqualTo(expected);
    }

    @Test
    void refusesASymlinkedConfigAndAMissingOne() throws Exception {
        Path target = dir.resolve("elsewhere.conf");
        Files.writeString(target, "arch: amd64\n");
        Files.createSymbolicLink(root.resolve("etc/pve/lxc/102.conf"), target);
        NodePatch p = NodePatch.builder().addRawLine("lxc.apparmor.profile: unconfined").build();
        assertThatThrownBy(() -> applier.apply("pve1", 102, p)).isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("symbolic link");
        assertThat(Files.readString(target)).isEqualTo("arch: amd64\n");
        assertThatThrownBy(() -> applier.apply("pve1", 199, p)).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> applier.apply("pve9", 101, p)).hasMessageContaining("pve9").hasMessageContaining("--ssh");
    }

    @Test
    void twentyConcurrentPatchesLoseNoLine() throws Exception {
        Path subgid = root.resolve("etc/subgid");
        Files.writeString(subgid, "root:100000:65536\n");
        for (int i = 0; i < 20; i++) {
            conf(200 + i, "arch: amd64\nhostname: c" + i + "\n");
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<NodePatchReport>> fs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                NodePatch p = NodePatch.builder().addRawLine("lxc.idmap: g 0 100000 " + (1000 + n))
                        .addRawLine("lxc.cgroup2.devices.allow: c 226:" + n + " rwm")
                        .addSubuidLine("root:" + (2000 + n) + ":1").addSubgidLine("root:" + (1000 + n) + ":1").build();
                fs.add(pool.submit(() -> applier.apply("pve1", 200 + n, p)));
            }
            for (Future<NodePatchReport> f : fs) {
                assertThat(f.get(280, TimeUnit.SECONDS).applied()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> gids = Files.readAllLines(subgid);
        List<String> uids = Files.readAllLines(root.resolve("etc/subuid"));
        assertThat(gids).hasSize(21).contains("root:100000:65536");
        assertThat(uids).hasSize(20);
        for (int i = 0; i < 20; i++) {
            assertThat(gids).contains("root:" + (1000 + i) + ":1");
            assertThat(uids).contains("root:" + (2000 + i) + ":1");
            assertThat(Files.readAllLines(root.resolve("etc/pve/lxc/" + (200 + i) + ".conf"))).containsExactly(
                    "arch: amd64", "hostname: c" + i, "lxc.idmap: g 0 100000 " + (1000 + i),
                    "lxc.cgroup2.devices.allow: c 226:" + i + " rwm");
        }
        try (var leftovers = Files.list(root.resolve("etc"))) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }
}
