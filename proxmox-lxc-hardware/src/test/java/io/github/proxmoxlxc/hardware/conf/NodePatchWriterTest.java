package io.github.proxmoxlxc.hardware.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.provision.NodePatch;
import io.github.proxmoxlxc.hardware.idmap.InvalidIdMapException;
import io.github.proxmoxlxc.hardware.idmap.IdMap;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodePatchWriterTest {
    @TempDir
    Path root;
    Path conf;

    @BeforeEach
    void node() throws Exception {
        Files.createDirectories(root.resolve("etc/pve/lxc"));
        conf = root.resolve("etc/pve/lxc/101.conf");
        Files.writeString(conf, LxcConfigFileTest.CONF);
        Files.writeString(root.resolve("etc/subuid"), "root:100000:65536\n");
        Files.writeString(root.resolve("etc/subgid"), "root:100000:65536\n");
    }

    private static NodePatch legacy() {
        NodePatch.Builder b = NodePatch.builder().addRawLine("lxc.cgroup2.devices.allow: c 226:128 rwm");
        IdMap.builder().punchGid(106, 104).build().configLines().forEach(b::addRawLine);
        return b.addSubgidLine("root:104:1").build();
    }

    @Test
    void appliesConfAndSubgidOnce_secondApplyChangesNothing() throws Exception {
        NodePatchWriter w = NodePatchWriter.at(root);
        assertThat(w.apply(101, legacy())).isTrue();
        assertThat(Files.readString(root.resolve("etc/subgid"))).isEqualTo("root:100000:65536\nroot:104:1\n");
        assertThat(Files.readString(root.resolve("etc/subuid"))).isEqualTo("root:100000:65536\n");
        String after = Files.readString(conf);
        assertThat(after).contains("lxc.idmap: g 106 104 1\n").endsWith("[pve:pending]\ncores: 4\n");
        assertThat(w.apply(101, legacy())).isFalse();
        assertThat(Files.readString(conf)).isEqualTo(after);
    }

    @Test
    void refusesAnIdmapWhoseHostGidIsNotDelegated_andWritesNothing() throws Exception {
        NodePatch noSubgid = legacy().toBuilder().build();
        NodePatch.Builder b = NodePatch.builder();
        noSubgid.rawLines().forEach(b::addRawLine);
        assertThatThrownBy(() -> NodePatchWriter.at(root).apply(101, b.build()))
                .isInstanceOf(InvalidIdMapException.class).hasMessageContaining("host gid range [104-105)");
        assertThat(Files.readString(conf)).isEqualTo(LxcConfigFileTest.CONF);
    }

    @Test
    void refusesALockedContainer() throws Exception {
        Files.writeString(conf, "arch: amd64\nlock: snapshot\n");
        assertThatThrownBy(() -> NodePatchWriter.at(root).apply(101, legacy()))
                .isInstanceOf(ConfigLockedException.class)
                .isInstanceOfSatisfying(io.github.proxmoxlxc.core.client.LockedException.class, e -> {
                    assertThat(e.isTransient()).as("a config lock ends with its operation").isTrue();
                    assertThat(e.lockType()).contains("snapshot");
                });
        assertThat(Files.readString(root.resolve("etc/subgid"))).isEqualTo("root:100000:65536\n");
    }
}
