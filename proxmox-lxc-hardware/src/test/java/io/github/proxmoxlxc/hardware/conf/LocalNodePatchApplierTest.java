package io.github.proxmoxlxc.hardware.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.provision.NodePatch;
import io.github.proxmoxlxc.core.provision.NodePatchApplier;
import io.github.proxmoxlxc.core.provision.NodePatchReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalNodePatchApplierTest {
    @TempDir
    Path root;

    @BeforeEach
    void node() throws Exception {
        Files.createDirectories(root.resolve("etc/pve/lxc"));
        Files.writeString(root.resolve("etc/pve/lxc/120.conf"), "arch: amd64\nhostname: gpu\n");
        Files.writeString(root.resolve("etc/subgid"), "root:100000:65536\n");
    }

    @Test
    void appliesThePatchToTheLocalNodesFiles_andReportsTheLines() throws Exception {
        NodePatchApplier a = LocalNodePatchApplier.at("pve1", root);
        NodePatch p = NodePatch.builder().addRawLine("lxc.cgroup2.devices.allow: c 226:128 rwm")
                .addSubgidLine("root:44:1").build();

        NodePatchReport r = a.apply("pve1", 120, p);

        assertThat(r.applied()).isTrue();
        assertThat(r.lines()).containsExactly("# /etc/pve/lxc/120.conf (node pve1)",
                "lxc.cgroup2.devices.allow: c 226:128 rwm", "# /etc/subgid (node pve1)", "root:44:1");
        assertThat(r.lines()).isEqualTo(NodePatchApplier.printOnly().apply("pve1", 120, p).lines());
        assertThat(Files.readString(root.resolve("etc/pve/lxc/120.conf"))).contains("lxc.cgroup2.devices.allow: c 226:128 rwm");
        assertThat(Files.readString(root.resolve("etc/subgid"))).endsWith("root:44:1\n");
    }

    @Test
    void refusesAContainerOnAnotherNode_andWritesNothing() throws Exception {
        NodePatchApplier a = LocalNodePatchApplier.at("pve1", root);
        NodePatch p = NodePatch.builder().addSubgidLine("root:44:1").build();

        assertThatThrownBy(() -> a.apply("pve2", 120, p)).isInstanceOf(ProxmoxException.class)
                .hasMessageContaining("node 'pve2'").hasMessageContaining("'pve1'");
        assertThat(Files.readString(root.resolve("etc/subgid"))).isEqualTo("root:100000:65536\n");
    }

    @Test
    void reportsRemovedLines_asThePlanAndThePrintOnlyApplierDo() throws Exception {
        Files.writeString(root.resolve("etc/pve/lxc/120.conf"), "arch: amd64\nlxc.apparmor.profile: unconfined\n");
        NodePatch p = NodePatch.builder().removeRawLine("lxc.apparmor.profile: unconfined").build();

        NodePatchReport r = LocalNodePatchApplier.at("pve1", root).apply("pve1", 120, p);

        assertThat(r.lines()).containsExactly("# /etc/pve/lxc/120.conf (node pve1)",
                "# remove: lxc.apparmor.profile: unconfined");
        assertThat(Files.readString(root.resolve("etc/pve/lxc/120.conf"))).doesNotContain("apparmor");
    }
}
