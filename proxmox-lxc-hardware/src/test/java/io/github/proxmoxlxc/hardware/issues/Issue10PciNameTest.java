package io.github.proxmoxlxc.hardware.issues;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.hardware.gpu.Detection;
import io.github.proxmoxlxc.hardware.gpu.GpuDetector;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10, item 11: a crafted PCI directory name printed a fake config line in `gpus --plan`. */
class Issue10PciNameTest {
    @Test
    void item11_aPciDirectoryNameThatIsNotAnAddress_isSkippedAndShownEscaped(@TempDir Path root) throws Exception {
        String crafted = "0000:01:00.0\nlxc.mount.entry: \u001b[2J";
        Path dev = Files.createDirectories(root.resolve("sys/bus/pci/devices").resolve(crafted));
        Files.writeString(dev.resolve("class"), "0x030000\n");
        Files.writeString(dev.resolve("vendor"), "0x10de\n");

        Detection d = GpuDetector.at(root).detect();

        assertThat(d.gpus()).isEmpty();
        assertThat(d.skipped()).anySatisfy(s -> {
            assertThat(s.subject()).doesNotContain("\n").doesNotContain("\u001b").contains("\\x0a");
            assertThat(s.reason()).contains("not a PCI address");
        });
    }
}
