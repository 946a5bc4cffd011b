package io.github.proxmoxlxc.cli.issues;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.cli.CliRunner;
import io.github.proxmoxlxc.hardware.testsupport.HostFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17, item 12: {@code gpus} checks its options, and an empty result says what was looked at. */
class Item12GpusValidationTest {
    @TempDir
    Path tmp;

    @Test
    void selectFoo_isAUsageError_withAndWithoutPlan() {
        assertThat(new CliRunner().run("gpus", "--host-root", tmp.toString(), "--select", "foo").code()).isEqualTo(2);
        assertThat(new CliRunner().run("gpus", "--host-root", tmp.toString(), "--plan", "--select", "foo").code())
                .isEqualTo(2);
    }

    @Test
    void ctGroupWithANonNumber_isAUsageError_withAndWithoutPlan() {
        assertThat(new CliRunner().run("gpus", "--host-root", tmp.toString(), "--ct-group", "video=abc").code())
                .isEqualTo(2);
        assertThat(new CliRunner().run("gpus", "--host-root", tmp.toString(), "--plan", "--ct-group", "video=abc")
                .code()).isEqualTo(2);
        assertThat(new CliRunner().run("gpus", "--host-root", tmp.toString(), "--ct-group", "audio=29").code())
                .isEqualTo(2);
    }

    @Test
    void aWellFormedAddressThatIsNoGpu_isInvalidInput_listingTheGpus() {
        Path host = HostFixture.materialise("s02-intel-nvidia", tmp.resolve("host"));
        CliRunner.Result r = new CliRunner().run("gpus", "--host-root", host.toString(), "--select", "0000:05:00.0");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("0000:00:02.0", "0000:01:00.0");
        assertThat(new CliRunner().run("gpus", "--host-root", host.toString(), "--plan", "--select", "01:00.0")
                .code()).isZero();
    }

    @Test
    void noGpu_saysWhereItLooked() throws Exception {
        Files.createDirectories(tmp.resolve("empty"));
        CliRunner.Result r = new CliRunner().run("gpus", "--host-root", tmp.resolve("empty").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("No usable GPU found", "sys/bus/pci/devices", "sys/class/drm",
                "proc/driver/nvidia/gpus");
    }
}
