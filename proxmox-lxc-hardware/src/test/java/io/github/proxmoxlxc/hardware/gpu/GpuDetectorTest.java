package io.github.proxmoxlxc.hardware.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.proxmoxlxc.hardware.testsupport.HostFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpuDetectorTest {
    @TempDir
    Path tmp;

    @Test
    void virtualGpuIsSkippedUnlessAskedFor() {
        Path root = HostFixture.materialise("x06-virtio-nested", tmp);
        Detection plain = GpuDetector.at(root).detect();
        assertThat(plain.gpus()).isEmpty();
        assertThat(plain.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).contains("virtual GPU"));
        Detection nested = GpuDetector.at(root).includeVirtual(true).detect();
        assertThat(nested.gpus()).singleElement().satisfies(g -> assertThat(g.nodes()).extracting(DeviceNode::path)
                .containsExactly("/dev/dri/card0", "/dev/dri/renderD128"));
    }

    @Test
    void vfioBoundAndUnboundFunctionsAreSkippedWithTheirReason() {
        Detection d = GpuDetector.at(HostFixture.materialise("x02-nvidia-vfio-beside-igpu", tmp)).detect();
        assertThat(d.gpus()).extracting(Gpu::driver).containsExactly("i915");
        assertThat(d.skipped()).extracting(Skipped::toString).containsExactly(
                "0000:01:00.0: bound to vfio-pci: reserved for VM passthrough", "0000:02:00.0: no driver bound");
        assertThat(d.sharedNodes()).isEmpty();
    }

    @Test
    void simpledrmCard0OnAPlatformDeviceIsNotAGpu() {
        Detection d = GpuDetector.at(HostFixture.materialise("x03-intel-arc-xe", tmp)).detect();
        assertThat(d.gpus()).singleElement().satisfies(g -> {
            assertThat(g.driver()).isEqualTo("xe");
            assertThat(g.nodes()).extracting(DeviceNode::path).containsExactly("/dev/dri/card1", "/dev/dri/renderD128");
        });
    }

    @Test
    void nodesAreOrderedNumericallyNotByName() throws Exception {
        Path dev = tmp.resolve("sys/devices/pci0000:00/0000:00:02.0");
        HostFixture.apply(List.of(
                "sys/bus/pci/devices/0000:00:02.0 -> ../../../devices/pci0000:00/0000:00:02.0",
                "sys/devices/pci0000:00/0000:00:02.0/vendor = \"0x8086\\n\"",
                "sys/devices/pci0000:00/0000:00:02.0/device = \"0x56a0\\n\"",
                "sys/devices/pci0000:00/0000:00:02.0/class = \"0x030000\\n\"",
                "sys/devices/pci0000:00/0000:00:02.0/driver -> ../../../bus/pci/drivers/i915",
                "sys/devices/pci0000:00/0000:00:02.0/drm/card10/dev = \"226:10\\n\"",
                "sys/devices/pci0000:00/0000:00:02.0/drm/renderD200/dev = \"226:200\\n\"",
                "sys/devices/pci0000:00/0000:00:02.0/drm/card10-DP-1/status = \"connected\\n\""), tmp);
        assertThat(Files.isDirectory(dev)).isTrue();
        Detection d = GpuDetector.at(tmp).detect();
        assertThat(d.gpus().get(0).nodes()).extracting(DeviceNode::toString)
                .containsExactly("/dev/dri/card10(226:10, missing)", "/dev/dri/renderD200(226:200, missing)");
        assertThat(d.hostGroups().render()).isEmpty();
    }

    @Test
    void missingRootYieldsAnEmptyDetection() {
        Detection d = GpuDetector.at(tmp.resolve("does-not-exist")).detect();
        assertThat(d.gpus()).isEmpty();
        assertThat(d.skipped()).isEmpty();
        assertThat(d.hostGroups().gids()).isEmpty();
    }

    @Test
    void thisMachineCanBeScannedWithoutAnException() {
        assertThatCode(() -> GpuDetector.forHost().detect()).doesNotThrowAnyException();
    }
}
