package io.github.proxmoxlxc.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.provision.NodePatch;
import io.github.proxmoxlxc.hardware.gpu.Detection;
import io.github.proxmoxlxc.hardware.gpu.DeviceNode;
import io.github.proxmoxlxc.hardware.gpu.Gpu;
import io.github.proxmoxlxc.hardware.gpu.GpuDetector;
import io.github.proxmoxlxc.hardware.gpu.NodeKind;
import io.github.proxmoxlxc.hardware.gpu.Vendor;
import io.github.proxmoxlxc.hardware.passthrough.GpuSelection;
import io.github.proxmoxlxc.hardware.passthrough.PassthroughPlanner;
import io.github.proxmoxlxc.hardware.passthrough.PassthroughStyle;
import io.github.proxmoxlxc.hardware.passthrough.TargetContainer;
import io.github.proxmoxlxc.hardware.testsupport.HostFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The expected detections and lines stated in the reference ({@code shared/reference/gpu.md} §2.4
 * and §4), asserted literally so the golden files cannot drift from them.
 */
class ReferenceScenariosTest {
    @TempDir
    Path tmp;

    private Detection detect(String scenario) {
        return GpuDetector.at(HostFixture.materialise(scenario, tmp)).detect();
    }

    private static NodePatch plan(Detection d, GpuSelection sel, TargetContainer t, PassthroughStyle style) {
        return PassthroughPlanner.builder().gpus(sel).target(t).style(style).build().plan(d);
    }

    private static TargetContainer debian(String version, boolean privileged) {
        return TargetContainer.builder().template("debian-" + version + "-standard").privileged(privileged).build();
    }

    @Test
    void s1_intelIgpu_detectsCard1AndRenderD128FromTheDevicesOwnDrmDirectory() {
        Detection d = detect("s01-intel-igpu");
        assertThat(d.gpus()).hasSize(1);
        Gpu g = d.gpus().get(0);
        assertThat(g.pciAddress()).isEqualTo("0000:00:02.0");
        assertThat(g.vendor()).isEqualTo(Vendor.INTEL);
        assertThat(g.deviceId()).isEqualTo(0xa780);
        assertThat(g.classCode()).isEqualTo(0x030000);
        assertThat(g.driver()).isEqualTo("i915");
        assertThat(g.bootVga()).isTrue();
        assertThat(g.nodes()).containsExactly(DeviceNode.of("/dev/dri/card1", NodeKind.DRM_CARD, 226, 1, true),
                DeviceNode.of("/dev/dri/renderD128", NodeKind.DRM_RENDER, 226, 128, true));
        assertThat(d.hostGroups().video()).hasValue(44);
        assertThat(d.hostGroups().render()).hasValue(104);
    }

    @Test
    void s1_devEntriesForDebian12_useTheContainersRenderGid106() {
        NodePatch p = plan(detect("s01-intel-igpu"), GpuSelection.all(), debian("12", false),
                PassthroughStyle.DEVICE_ENTRIES);
        assertThat(p.confLines()).containsExactly("dev0: /dev/dri/card1,gid=44", "dev1: /dev/dri/renderD128,gid=106");
        assertThat(p.subgidLines()).isEmpty();
        assertThat(p.rawLines()).isEmpty();
    }

    @Test
    void s1_legacyPrivileged_allowsEachNodeAndBindMountsIt() {
        NodePatch p = plan(detect("s01-intel-igpu"), GpuSelection.all(), debian("12", true),
                PassthroughStyle.LEGACY_LINES);
        assertThat(p.rawLines()).containsExactly(
                "lxc.cgroup2.devices.allow: c 226:1 rwm",
                "lxc.cgroup2.devices.allow: c 226:128 rwm",
                "lxc.mount.entry: /dev/dri/card1 dev/dri/card1 none bind,optional,create=file",
                "lxc.mount.entry: /dev/dri/renderD128 dev/dri/renderD128 none bind,optional,create=file");
        assertThat(p.subgidLines()).isEmpty();
    }

    @Test
    void s1_legacyUnprivileged_isVariant1bOfTheReference() {
        NodePatch p = plan(detect("s01-intel-igpu"), GpuSelection.all(), debian("12", false),
                PassthroughStyle.LEGACY_LINES);
        assertThat(p.rawLines()).containsSubsequence(
                "lxc.idmap: u 0 100000 65536",
                "lxc.idmap: g 0 100000 44",
                "lxc.idmap: g 44 44 1",
                "lxc.idmap: g 45 100045 61",
                "lxc.idmap: g 106 104 1",
                "lxc.idmap: g 107 100107 65429");
        assertThat(p.subgidLines()).containsExactly("root:44:1", "root:104:1");
    }

    @Test
    void s2_nvidiaChosen_devEntriesKeepMode0666ForEveryNvidiaNode() {
        Detection d = detect("s02-intel-nvidia");
        assertThat(d.gpus()).extracting(Gpu::pciAddress).containsExactly("0000:00:02.0", "0000:01:00.0");
        Gpu nv = d.gpus().get(1);
        assertThat(nv.model()).hasValue("NVIDIA GeForce RTX 3060");
        assertThat(nv.driverVersion()).hasValue("550.144.03");
        assertThat(nv.bootVga()).isFalse();
        NodePatch p = plan(d, GpuSelection.vendor(Vendor.NVIDIA), debian("12", false), PassthroughStyle.DEVICE_ENTRIES);
        assertThat(p.confLines()).containsExactly(
                "dev0: /dev/nvidia0,mode=0666",
                "dev1: /dev/nvidiactl,mode=0666",
                "dev2: /dev/nvidia-modeset,mode=0666",
                "dev3: /dev/nvidia-uvm,mode=0666",
                "dev4: /dev/nvidia-uvm-tools,mode=0666");
    }

    @Test
    void s2_nvidiaLegacyPrivileged_allowsEachNodeByMinor_withTheUvmMajorReadFromProcDevices() {
        NodePatch p = plan(detect("s02-intel-nvidia"), GpuSelection.vendor(Vendor.NVIDIA), debian("12", true),
                PassthroughStyle.LEGACY_LINES);
        assertThat(p.rawLines()).containsExactly(
                "lxc.cgroup2.devices.allow: c 195:0 rwm",
                "lxc.cgroup2.devices.allow: c 195:255 rwm",
                "lxc.cgroup2.devices.allow: c 195:254 rwm",
                "lxc.cgroup2.devices.allow: c 511:0 rwm",
                "lxc.cgroup2.devices.allow: c 511:1 rwm",
                "lxc.mount.entry: /dev/nvidia0 dev/nvidia0 none bind,optional,create=file",
                "lxc.mount.entry: /dev/nvidiactl dev/nvidiactl none bind,optional,create=file",
                "lxc.mount.entry: /dev/nvidia-modeset dev/nvidia-modeset none bind,optional,create=file",
                "lxc.mount.entry: /dev/nvidia-uvm dev/nvidia-uvm none bind,optional,create=file",
                "lxc.mount.entry: /dev/nvidia-uvm-tools dev/nvidia-uvm-tools none bind,optional,create=file");
    }

    @Test
    void s2b_nvidiaDrmNodesAreReportedButNotPassed() {
        Detection d = detect("s02b-intel-nvidia-drm");
        assertThat(d.gpus().get(1).nodes(NodeKind.DRM_RENDER)).extracting(DeviceNode::path)
                .containsExactly("/dev/dri/renderD129");
        NodePatch p = plan(d, GpuSelection.vendor(Vendor.NVIDIA), debian("12", false), PassthroughStyle.DEVICE_ENTRIES);
        assertThat(p.confLines()).noneMatch(l -> l.contains("/dev/dri/"));
    }

    @Test
    void s3_amdWithKfd_devEntriesForDebian13() {
        Detection d = detect("s03-amd-rocm");
        assertThat(d.gpus()).extracting(Gpu::pciAddress).containsExactly("0000:03:00.0");
        assertThat(d.sharedNodes()).containsExactly(DeviceNode.of("/dev/kfd", NodeKind.KFD, 235, 0, true));
        assertThat(d.hostGroups().render()).hasValue(993);
        NodePatch p = plan(d, GpuSelection.all(), debian("13", false), PassthroughStyle.DEVICE_ENTRIES);
        assertThat(p.confLines()).containsExactly("dev0: /dev/dri/card1,gid=44", "dev1: /dev/dri/renderD128,gid=992",
                "dev2: /dev/kfd,gid=992");
    }

    @Test
    void s3_legacyPrivilegedAndUnprivileged_matchTheReferenceAndVariant1c() {
        Detection d = detect("s03-amd-rocm");
        NodePatch priv = plan(d, GpuSelection.all(), debian("13", true), PassthroughStyle.LEGACY_LINES);
        assertThat(priv.rawLines()).containsExactly(
                "lxc.cgroup2.devices.allow: c 226:1 rwm",
                "lxc.cgroup2.devices.allow: c 226:128 rwm",
                "lxc.cgroup2.devices.allow: c 235:0 rwm",
                "lxc.mount.entry: /dev/dri/card1 dev/dri/card1 none bind,optional,create=file",
                "lxc.mount.entry: /dev/dri/renderD128 dev/dri/renderD128 none bind,optional,create=file",
                "lxc.mount.entry: /dev/kfd dev/kfd none bind,optional,create=file");
        NodePatch unpriv = plan(d, GpuSelection.all(), debian("13", false), PassthroughStyle.LEGACY_LINES);
        assertThat(unpriv.rawLines()).endsWith(
                "lxc.idmap: u 0 100000 65536",
                "lxc.idmap: g 0 100000 44",
                "lxc.idmap: g 44 44 1",
                "lxc.idmap: g 45 100045 947",
                "lxc.idmap: g 992 993 1",
                "lxc.idmap: g 993 100993 64543");
        assertThat(unpriv.subgidLines()).containsExactly("root:44:1", "root:993:1");
    }

    @Test
    void s6_aspeedBmcOnly_noUsableGpuAndNothingToWrite() {
        Detection d = detect("s06-aspeed-bmc");
        assertThat(d.gpus()).isEmpty();
        assertThat(d.skipped()).singleElement().satisfies(s -> {
            assertThat(s.subject()).isEqualTo("0000:02:00.0");
            assertThat(s.reason()).contains("ASPEED");
        });
        for (PassthroughStyle style : PassthroughStyle.values()) {
            assertThat(plan(d, GpuSelection.all(), debian("12", false), style).isEmpty()).isTrue();
        }
    }

    @Test
    void s10_noGpu_emptyDetectionAndNoSubgidChanges() {
        Detection d = detect("s10-no-gpu");
        assertThat(d.gpus()).isEmpty();
        assertThat(d.skipped()).isEmpty();
        assertThat(d.sharedNodes()).isEmpty();
        for (PassthroughStyle style : PassthroughStyle.values()) {
            NodePatch p = plan(d, GpuSelection.all(), debian("12", false), style);
            assertThat(p.isEmpty()).isTrue();
            assertThat(p.subgidLines()).isEmpty();
        }
    }

    @Test
    void nvidiaDeviceMinorsNeedNotFollowPciOrder() {
        Detection d = detect("x01-nvidia-two-a100-mig");
        assertThat(d.gpus()).extracting(g -> g.pciAddress() + "=" + g.nodes().get(0).path())
                .containsExactly("0000:07:00.0=/dev/nvidia1", "0000:48:00.0=/dev/nvidia0");
        assertThat(d.sharedNodes()).filteredOn(n -> n.kind() == NodeKind.NVIDIA_CAP)
                .extracting(n -> n.path() + " " + n.major() + ":" + n.minor() + " " + n.hostMode().orElse("?"))
                .containsExactly("/dev/nvidia-caps/nvidia-cap1 236:1 0400", "/dev/nvidia-caps/nvidia-cap2 236:2 0444");
        assertThat(d.gpus()).allSatisfy(g -> assertThat(g.driverVersion()).hasValue("555.58.02"));
        List<String> lines = plan(d, GpuSelection.all(), TargetContainer.builder().privileged(true).build(),
                PassthroughStyle.LEGACY_LINES).rawLines();
        assertThat(lines).contains("lxc.cgroup2.devices.allow: c 236:1 rwm", "lxc.cgroup2.devices.allow: c 236:2 rwm",
                "lxc.cgroup2.devices.allow: c 510:0 rwm", "lxc.cgroup2.devices.allow: c 510:1 rwm");
    }
}
