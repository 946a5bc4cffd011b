package io.github.proxmoxlxc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The example programs run and print what they promise. */
class ExamplesRunTest {
    @FunctionalInterface
    interface Main {
        void run() throws Exception;
    }

    private static synchronized String capture(Main main) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(saved);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void quickStart_provisionsOneRunningContainer() throws Exception {
        assertThat(capture(() -> QuickStart.main(new String[0]))).containsPattern("CT 100 on pve1 is running at \\[.+\\]");
    }

    @Test
    void createFromVarsFiles_explainsLayers_andUsesTheEnvironmentValue() throws Exception {
        String out = capture(() -> CreateFromVarsFiles.main(new String[0]));
        assertThat(out).contains("var_ram", "env", "jellyfin.vars").contains("created 100 (jellyfin) on pve1, 4096 MiB");
    }

    @Test
    void gpuPassthroughPlan_printsBothStylesForAHostTree() throws Exception {
        java.nio.file.Path root = java.nio.file.Files.createTempDirectory("host");
        io.github.proxmoxlxc.hardware.testsupport.HostFixture.materialise("s02-intel-nvidia", root);
        String out = capture(() -> GpuPassthroughPlan.main(new String[] {root.toString()}));
        assertThat(out).contains("0000:00:02.0 INTEL driver i915", "# DEVICE_ENTRIES", "dev0: /dev/dri/card1",
                "# LEGACY_LINES", "lxc.cgroup2.devices.allow: c 226:1 rwm");
    }

    @Test
    void bulkProvisioning_startsEveryContainer() throws Exception {
        String out = capture(() -> BulkProvisioning.main(new String[] {"6"}));
        assertThat(out).contains("[ 6/6]").containsPattern("6 of 6 running in \\d+ ms");
    }
}
