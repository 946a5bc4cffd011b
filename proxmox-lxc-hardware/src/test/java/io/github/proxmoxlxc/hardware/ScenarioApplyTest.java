package io.github.proxmoxlxc.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.provision.NodePatch;
import io.github.proxmoxlxc.core.spec.InvalidValuesException;
import io.github.proxmoxlxc.hardware.conf.LxcConfigFile;
import io.github.proxmoxlxc.hardware.conf.NodePatchWriter;
import io.github.proxmoxlxc.hardware.gpu.GpuDetector;
import io.github.proxmoxlxc.hardware.idmap.IdMap;
import io.github.proxmoxlxc.hardware.passthrough.PassthroughPlanner;
import io.github.proxmoxlxc.hardware.passthrough.PassthroughStyle;
import io.github.proxmoxlxc.hardware.passthrough.TargetContainer;
import io.github.proxmoxlxc.hardware.testsupport.HostFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End to end on every fixture host: plan for an unprivileged container in both styles, apply the
 * patch to the host's own files, and check the result is valid, delegated, and stable on re-apply.
 */
class ScenarioApplyTest {
    static final String CONF = "#created by a test\narch: amd64\ncores: 2\nhostname: ct\nostype: debian\n"
            + "rootfs: local-lvm:vm-101-disk-0,size=8G\nunprivileged: 1\n\n[snap1]\narch: amd64\nsnaptime: 1\n";

    static java.util.stream.Stream<String> scenarios() throws java.io.IOException {
        return ScenarioGoldenTest.scenarios();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void plannedPatchAppliesCleanlyAndOnlyOnce(String scenario, @org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        for (PassthroughStyle style : PassthroughStyle.values()) {
            Path root = HostFixture.materialise(scenario, tmp.resolve(style.name()));
            Files.writeString(root.resolve("etc/subuid"), "root:100000:65536\n");
            Files.writeString(root.resolve("etc/subgid"), "root:100000:65536\n");
            Path conf = Files.createDirectories(root.resolve("etc/pve/lxc")).resolve("101.conf");
            Files.writeString(conf, CONF);
            NodePatch patch;
            try {
                patch = PassthroughPlanner.builder().style(style).usbSerial(true).tun(true).coral(true)
                        .target(TargetContainer.builder().template("debian-12").build()).build()
                        .plan(GpuDetector.at(root).detect());
            } catch (InvalidValuesException expectedForBrokenHost) {
                assertThat(scenario).isEqualTo("x07-broken-host");
                continue;
            }
            NodePatchWriter w = NodePatchWriter.at(root);
            assertThat(w.apply(101, patch)).isEqualTo(!patch.isEmpty());
            assertThat(w.apply(101, patch)).isFalse();
            LxcConfigFile after = LxcConfigFile.read(conf);
            assertThat(after.sections()).containsExactly("snap1");
            assertThat(after.description()).isEqualTo("created by a test");
            if (!after.values("lxc.idmap").isEmpty()) {
                assertThat(IdMap.validate(after.values("lxc.idmap"))).isEmpty();
            }
            assertThat(after.devices()).hasSize(patch.devices().size());
        }
    }
}
