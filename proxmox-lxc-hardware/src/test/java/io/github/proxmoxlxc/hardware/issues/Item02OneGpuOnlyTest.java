package io.github.proxmoxlxc.hardware.issues;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.provision.NodePatch;
import io.github.proxmoxlxc.hardware.gpu.Detection;
import io.github.proxmoxlxc.hardware.gpu.GpuDetector;
import io.github.proxmoxlxc.hardware.passthrough.GpuSelection;
import io.github.proxmoxlxc.hardware.passthrough.PassthroughPlanner;
import io.github.proxmoxlxc.hardware.passthrough.PassthroughStyle;
import io.github.proxmoxlxc.hardware.passthrough.TargetContainer;
import io.github.proxmoxlxc.hardware.testsupport.HostFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 17, item 2: a container given one GPU can open only that GPU. On a host with three NVIDIA
 * GPUs whose Device Minors are not in PCI order (plus an Intel and an AMD card), each card is
 * selected alone in both styles; the cgroup rules allow exactly its own minors and the control
 * nodes it needs, never a whole major.
 */
class Item02OneGpuOnlyTest {
    private static final String HOST = "x09-three-nvidia-amd-intel";
    /** nvidiactl, nvidia-modeset, nvidia-uvm, nvidia-uvm-tools, the two MIG capability nodes. */
    private static final List<String> NVIDIA_CONTROL = List.of("c 195:255 rwm", "c 195:254 rwm", "c 511:0 rwm",
            "c 511:1 rwm", "c 236:1 rwm", "c 236:2 rwm");

    @TempDir
    Path tmp;

    private NodePatch plan(String pci, PassthroughStyle style, boolean privileged) {
        Detection d = GpuDetector.at(HostFixture.materialise(HOST, tmp)).detect();
        assertThat(d.gpus()).hasSize(5);
        return PassthroughPlanner.builder().gpus(GpuSelection.pciAddresses(pci)).style(style)
                .target(TargetContainer.builder().privileged(privileged)
                        .template("debian-13-standard_13.1-2_amd64.tar.zst").build())
                .build().plan(d);
    }

    private static List<String> allows(NodePatch p) {
        return p.rawLines().stream().filter(l -> l.startsWith("lxc.cgroup2.devices.allow: "))
                .map(l -> l.substring("lxc.cgroup2.devices.allow: ".length())).collect(Collectors.toList());
    }

    @ParameterizedTest(name = "NVIDIA {0} (minor {1}), privileged={2}")
    @CsvSource({"0000:01:00.0,2,true", "0000:41:00.0,0,true", "0000:81:00.0,1,true",
            "0000:01:00.0,2,false", "0000:41:00.0,0,false", "0000:81:00.0,1,false"})
    void legacy_nvidia_allowsOnlyItsOwnMinorAndTheControlNodes(String pci, int minor, boolean privileged) {
        NodePatch p = plan(pci, PassthroughStyle.LEGACY_LINES, privileged);
        List<String> expected = new java.util.ArrayList<>(List.of("c 195:" + minor + " rwm"));
        expected.addAll(NVIDIA_CONTROL);
        assertThat(allows(p)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(p.confLines()).noneMatch(l -> l.contains(":* "));
        assertThat(p.rawLines()).filteredOn(l -> l.startsWith("lxc.mount.entry: /dev/nvidia") && l.matches(
                "lxc\\.mount\\.entry: /dev/nvidia\\d+ .*")).containsExactly(
                "lxc.mount.entry: /dev/nvidia" + minor + " dev/nvidia" + minor + " none bind,optional,create=file");
    }

    @ParameterizedTest(name = "NVIDIA {0} (minor {1}), privileged={2}")
    @CsvSource({"0000:01:00.0,2,true", "0000:41:00.0,0,true", "0000:81:00.0,1,true",
            "0000:01:00.0,2,false", "0000:41:00.0,0,false", "0000:81:00.0,1,false"})
    void devN_nvidia_passesOnlyItsOwnNodeAndTheControlNodes(String pci, int minor, boolean privileged) {
        NodePatch p = plan(pci, PassthroughStyle.DEVICE_ENTRIES, privileged);
        List<String> paths = p.devices().values().stream().map(e -> e.path()).collect(Collectors.toList());
        assertThat(paths).filteredOn(s -> s.matches("/dev/nvidia\\d+")).containsExactly("/dev/nvidia" + minor);
        assertThat(paths).contains("/dev/nvidiactl", "/dev/nvidia-modeset", "/dev/nvidia-uvm",
                "/dev/nvidia-uvm-tools", "/dev/nvidia-caps/nvidia-cap1", "/dev/nvidia-caps/nvidia-cap2");
        assertThat(paths).noneMatch(s -> s.startsWith("/dev/dri/") || s.equals("/dev/kfd"));
        assertThat(p.rawLines()).noneMatch(l -> l.startsWith("lxc.cgroup2.devices.allow"));
    }

    @ParameterizedTest(name = "{0} {1}, privileged={3}")
    @CsvSource({"Intel,0000:00:02.0,'c 226:1 rwm;c 226:128 rwm',true",
            "Intel,0000:00:02.0,'c 226:1 rwm;c 226:128 rwm',false",
            "AMD,0000:c3:00.0,'c 226:2 rwm;c 226:129 rwm;c 235:0 rwm',true",
            "AMD,0000:c3:00.0,'c 226:2 rwm;c 226:129 rwm;c 235:0 rwm',false"})
    void legacyAndDevN_drm_onlyThatCardsMinors(String vendor, String pci, String rules, boolean privileged) {
        NodePatch legacy = plan(pci, PassthroughStyle.LEGACY_LINES, privileged);
        assertThat(allows(legacy)).as(vendor).containsExactlyInAnyOrder(rules.split(";"));
        NodePatch dev = plan(pci, PassthroughStyle.DEVICE_ENTRIES, privileged);
        List<String> paths = dev.devices().values().stream().map(e -> e.path()).collect(Collectors.toList());
        String card = vendor.equals("Intel") ? "card1" : "card2";
        String render = vendor.equals("Intel") ? "renderD128" : "renderD129";
        assertThat(paths).filteredOn(s -> s.startsWith("/dev/dri/")).containsExactly("/dev/dri/" + card,
                "/dev/dri/" + render);
        assertThat(paths).noneMatch(s -> s.startsWith("/dev/nvidia"));
    }
}
