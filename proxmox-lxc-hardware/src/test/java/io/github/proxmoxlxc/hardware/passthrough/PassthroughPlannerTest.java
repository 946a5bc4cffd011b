package io.github.proxmoxlxc.hardware.passthrough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.provision.NodePatch;
import io.github.proxmoxlxc.core.spec.InvalidSpecException;
import io.github.proxmoxlxc.core.spec.Violation;
import io.github.proxmoxlxc.hardware.conf.LxcConfigFile;
import io.github.proxmoxlxc.hardware.gpu.Detection;
import io.github.proxmoxlxc.hardware.gpu.GpuDetector;
import io.github.proxmoxlxc.hardware.gpu.Vendor;
import io.github.proxmoxlxc.hardware.testsupport.HostFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassthroughPlannerTest {
    @TempDir
    Path tmp;

    private Detection detect(String scenario) {
        return GpuDetector.at(HostFixture.materialise(scenario, tmp.resolve(scenario))).detect();
    }

    private static PassthroughPlanner.Builder planner(TargetContainer t) {
        return PassthroughPlanner.builder().target(t);
    }

    @Test
    void unknownRenderGid_failsAndSaysHowToGiveIt() {
        Detection d = detect("s01-intel-igpu");
        assertThatThrownBy(() -> planner(TargetContainer.builder().build()).build().plan(d))
                .isInstanceOf(InvalidSpecException.class)
                .satisfies(e -> assertThat(((InvalidSpecException) e).violations()).extracting(Violation::field)
                        .containsExactly("target.videoGid", "target.renderGid"))
                .hasMessageContaining("set renderGid(..), give the container's /etc/group, or a known template");
    }

    @Test
    void alpineHasNoRenderGroupByDefault_soItMustBeGiven() {
        Detection d = detect("s01-intel-igpu");
        TargetContainer alpine = TargetContainer.builder().template("alpine-3.20-default_20240908_amd64.tar.xz").build();
        assertThatThrownBy(() -> planner(alpine).build().plan(d)).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("target.renderGid");
        NodePatch p = planner(alpine.toBuilder().renderGid(990).build()).build().plan(d);
        assertThat(p.confLines()).containsExactly("dev0: /dev/dri/card1,gid=27", "dev1: /dev/dri/renderD128,gid=990");
    }

    @Test
    void explicitGidBeatsGroupFileBeatsTemplate() {
        Detection d = detect("s01-intel-igpu");
        TargetContainer t = TargetContainer.builder().template("ubuntu-24.04-standard")
                .groupFile("video:x:45:\nrender:x:109:\n").renderGid(110).build();
        assertThat(planner(t).build().plan(d).confLines())
                .containsExactly("dev0: /dev/dri/card1,gid=45", "dev1: /dev/dri/renderD128,gid=110");
    }

    @Test
    void selectingAVmReservedGpuByAddressFailsWithTheSkipReason() {
        Detection d = detect("x02-nvidia-vfio-beside-igpu");
        assertThatThrownBy(() -> planner(TargetContainer.builder().template("debian-12").build())
                .gpus(GpuSelection.pciAddresses("0000:01:00.0")).build().plan(d))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("gpus='0000:01:00.0'").hasMessageContaining("bound to vfio-pci");
    }

    @Test
    void selectionByVendorOrAddressPicksOnlyThoseGpus() {
        Detection d = detect("s02-intel-nvidia");
        TargetContainer t = TargetContainer.builder().template("debian-12").build();
        assertThat(planner(t).gpus(GpuSelection.pciAddresses("0000:00:02.0")).build().plan(d).confLines())
                .containsExactly("dev0: /dev/dri/card1,gid=44", "dev1: /dev/dri/renderD128,gid=106");
        assertThat(planner(t).gpus(GpuSelection.vendor(Vendor.AMD)).build().plan(d).isEmpty()).isTrue();
        assertThat(planner(t).gpus(GpuSelection.none()).build().plan(d).isEmpty()).isTrue();
    }

    @Test
    void replanningAfterApplyingAddsNothing_andIndexesStartAtTheFirstFreeOne() {
        Detection d = detect("s03-amd-rocm");
        LxcConfigFile conf = LxcConfigFile.parse("arch: amd64\ndev1: /dev/net/tun,mode=0666\nunprivileged: 1\n");
        TargetContainer t = TargetContainer.builder().template("debian-13").existingConfig(conf).build();
        NodePatch first = planner(t).build().plan(d);
        assertThat(first.keys().keySet()).containsExactly("dev0", "dev2", "dev3");
        LxcConfigFile applied = conf.apply(first);
        NodePatch second = planner(t.toBuilder().existingConfig(applied).build()).build().plan(d);
        assertThat(second.isEmpty()).isTrue();
        assertThat(second.notes()).hasSize(3).allMatch(n -> n.contains("already passed"));
    }

    @Test
    void legacyOnAnExistingCustomIdmap_punchesIntoItAndReplacesTheOldLines() {
        Detection d = detect("s01-intel-igpu");
        LxcConfigFile conf = LxcConfigFile.parse("arch: amd64\nunprivileged: 1\nlxc.idmap: u 0 100000 65536\n"
                + "lxc.idmap: g 0 100000 1000\nlxc.idmap: g 1000 1000 1\nlxc.idmap: g 1001 101001 64535\n");
        TargetContainer t = TargetContainer.builder().template("debian-12").existingConfig(conf).build();
        NodePatch p = planner(t).style(PassthroughStyle.LEGACY_LINES).build().plan(d);
        assertThat(p.removeRawLines()).containsExactly("lxc.idmap: g 0 100000 1000");
        LxcConfigFile once = conf.apply(p);
        assertThat(once.values("lxc.idmap")).containsExactlyInAnyOrder("u 0 100000 65536", "g 0 100000 44", "g 44 44 1",
                "g 45 100045 61", "g 106 104 1", "g 107 100107 893", "g 1000 1000 1", "g 1001 101001 64535");
        assertThat(once.apply(p)).isEqualTo(once);
    }

    @Test
    void legacyPrivilegedWarnsWhenTheHostGidNamesAnotherGroupInside() {
        NodePatch p = planner(TargetContainer.builder().privileged(true).template("debian-12").build())
                .style(PassthroughStyle.LEGACY_LINES).build().plan(detect("s01-intel-igpu"));
        assertThat(p.notes()).singleElement().satisfies(n -> assertThat(n).contains("host gid 104")
                .contains("render gid is 106"));
        assertThat(p.subgidLines()).isEmpty();
    }

    @Test
    void extrasAreOptIn_andReportedWhenAskedButAbsent() {
        TargetContainer t = TargetContainer.builder().template("debian-12").build();
        assertThat(planner(t).build().plan(detect("x08-frigate-extras")).confLines()).hasSize(2);
        NodePatch none = planner(t).gpus(GpuSelection.none()).coral(true).tun(true).build().plan(detect("s10-no-gpu"));
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.notes()).containsExactly("TUN requested but no such device found on the host",
                "Coral requested but no such device found on the host");
    }

    @Test
    void aPrivilegedExistingConfigMakesThePrivilegedDefault() {
        TargetContainer t = TargetContainer.builder().existingConfig(LxcConfigFile.parse("arch: amd64\n")).build();
        assertThat(t.privileged()).isTrue();
        assertThat(TargetContainer.builder().build().privileged()).isFalse();
    }

    @Test
    void pciAddressesMustBeInSysfsForm() {
        assertThatThrownBy(() -> GpuSelection.pciAddresses("01:00.0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'01:00.0' must look like 0000:01:00.0");
        assertThatThrownBy(() -> GpuSelection.pciAddresses("0000:01:00.0", "0000:0A:00.0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0000:0A:00.0");
    }
}
