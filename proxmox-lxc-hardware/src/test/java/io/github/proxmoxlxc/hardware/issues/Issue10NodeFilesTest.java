package io.github.proxmoxlxc.hardware.issues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.provision.NodePatch;
import io.github.proxmoxlxc.hardware.conf.NodePatchWriter;
import io.github.proxmoxlxc.hardware.idmap.IdMap;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, items 2, 6 and 13 for node files: concurrent patches lost subgid lines (shared temp
 * name, no lock), temp files followed planted symlinks and reset modes, an idmap onto host root
 * passed.
 */
class Issue10NodeFilesTest {
    private static final String CONF = "arch: amd64\nhostname: ct\nmemory: 512\nostype: debian\n"
            + "rootfs: local-lvm:vm-{vmid}-disk-0,size=8G\nunprivileged: 1\n";

    @TempDir
    Path root;

    @BeforeEach
    void node() throws IOException {
        Files.createDirectories(root.resolve("etc/pve/lxc"));
        for (int vmid = 101; vmid <= 108; vmid++) {
            Files.writeString(root.resolve("etc/pve/lxc/" + vmid + ".conf"), CONF.replace("{vmid}", "" + vmid));
        }
        Files.writeString(root.resolve("etc/subuid"), "root:100000:65536\n");
        Files.writeString(root.resolve("etc/subgid"), "root:100000:65536\n");
    }

    private static NodePatch gidPatch(int hostGid) {
        NodePatch.Builder b = NodePatch.builder();
        IdMap.builder().punchGid(hostGid, hostGid).build().configLines().forEach(b::addRawLine);
        return b.addSubgidLine("root:" + hostGid + ":1").build();
    }

    @Test
    void item2_eightConcurrentPatches_allSucceed_andNoSubgidLineIsLost() throws Exception {
        NodePatchWriter w = NodePatchWriter.at(root);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> fs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int vmid = 101 + i;
                int gid = 1000 + i;
                fs.add(pool.submit(() -> w.apply(vmid, gidPatch(gid))));
            }
            for (Future<Boolean> f : fs) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> lines = Files.readAllLines(root.resolve("etc/subgid"));
        assertThat(lines).contains("root:100000:65536");
        for (int i = 0; i < 8; i++) {
            assertThat(lines).contains("root:" + (1000 + i) + ":1");
            assertThat(Files.readString(root.resolve("etc/pve/lxc/" + (101 + i) + ".conf")))
                    .contains("lxc.idmap: g " + (1000 + i) + " " + (1000 + i) + " 1");
        }
        assertThat(lines).hasSize(9);
    }

    @Test
    void item2_theConfigLockAlsoExcludesOtherProcesses() throws Exception {
        Path flock = Path.of("/usr/bin/flock");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(flock), "util-linux flock(1) present");
        Path lock = root.resolve("run/lock/lxc/pve-config-101.lock");
        Files.createDirectories(lock.getParent());
        // another process (as pct would) holds PVE's config lock until its stdin closes
        Process holder = new ProcessBuilder(flock.toString(), "--exclusive", lock.toString(), "sh", "-c",
                "echo held; read x").start();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (InputStream out = holder.getInputStream()) {
            assertThat(new String(out.readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("held\n");
            Future<Boolean> f = pool.submit(() -> NodePatchWriter.at(root).apply(101, gidPatch(1000)));
            assertThatThrownBy(() -> f.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            assertThat(Files.readString(root.resolve("etc/pve/lxc/101.conf"))).doesNotContain("lxc.idmap");
            holder.getOutputStream().close(); // release
            assertThat(f.get(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            holder.destroy();
            pool.shutdownNow();
        }
    }

    @Test
    void item6_plantedSymlinks_redirectNothing_andModesAreKept() throws Exception {
        Path subgid = root.resolve("etc/subgid");
        Path conf = root.resolve("etc/pve/lxc/101.conf");
        Files.setPosixFilePermissions(subgid, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-r-----"));
        Path victim = root.resolve("victim");
        Files.writeString(victim, "untouched\n");
        // the 0.1 temp names, planted as links to the victim
        long pid = ProcessHandle.current().pid();
        Files.createSymbolicLink(root.resolve("etc/subgid.tmp." + pid), victim);
        Files.createSymbolicLink(root.resolve("etc/pve/lxc/101.conf.tmp." + pid), victim);

        assertThat(NodePatchWriter.at(root).apply(101, gidPatch(1000))).isTrue();

        assertThat(Files.readString(victim)).isEqualTo("untouched\n");
        assertThat(Files.readString(subgid)).contains("root:1000:1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(subgid))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(conf))).isEqualTo("rw-r-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("etc/subgid.bak"))))
                .isEqualTo("rw-------");
        try (var s = Files.list(root.resolve("etc"))) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void item6_aTargetThatIsASymlink_isRefused() throws Exception {
        Path subgid = root.resolve("etc/subgid");
        Path real = root.resolve("elsewhere");
        Files.move(subgid, real);
        Files.createSymbolicLink(subgid, real);
        assertThatThrownBy(() -> NodePatchWriter.at(root).apply(101, gidPatch(1000)))
                .isInstanceOf(ProxmoxException.class).hasMessageContaining("symbolic link");
        assertThat(Files.readString(real)).isEqualTo("root:100000:65536\n");
    }

    @Test
    void item13_anIdmapOntoHostRoot_isRefused() {
        assertThat(IdMap.validate(List.of("u 0 0 65536", "g 0 100000 65536")))
                .anySatisfy(v -> assertThat(v.toString()).contains("host uid 0 (root)"));
        assertThatThrownBy(() -> IdMap.builder().punchUid(0, 0).build()).hasMessageContaining("host uid 0 (root)");
    }
}
