package io.github.proxmoxlxc.hardware;

import io.github.proxmoxlxc.core.spec.InvalidValuesException;
import io.github.proxmoxlxc.core.spec.Violation;
import io.github.proxmoxlxc.hardware.conf.LxcConfigFile;
import io.github.proxmoxlxc.hardware.gpu.Detection;
import io.github.proxmoxlxc.hardware.gpu.GpuDetector;
import io.github.proxmoxlxc.hardware.gpu.Vendor;
import io.github.proxmoxlxc.hardware.passthrough.GpuSelection;
import io.github.proxmoxlxc.hardware.passthrough.PassthroughPlanner;
import io.github.proxmoxlxc.hardware.passthrough.PassthroughStyle;
import io.github.proxmoxlxc.hardware.passthrough.TargetContainer;
import io.github.proxmoxlxc.hardware.testsupport.Golden;
import io.github.proxmoxlxc.hardware.testsupport.HostFixture;
import io.github.proxmoxlxc.hardware.testsupport.Render;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture host under {@code src/test/resources/hosts}: detection and the planned lines in both
 * styles, for a privileged and an unprivileged container, against golden files.
 */
class ScenarioGoldenTest {
    @TempDir
    Path tmp;

    static Stream<String> scenarios() throws IOException {
        try (Stream<Path> s = Files.list(HostFixture.HOSTS)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("_"))
                    .sorted().collect(Collectors.toList()).stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void detectionAndPlannedLinesMatchTheGoldenFiles(String scenario) throws IOException {
        Path dir = HostFixture.HOSTS.resolve(scenario);
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve("scenario.properties"), StandardCharsets.UTF_8)) {
            props.load(r);
        }
        Path root = HostFixture.materialise(scenario, tmp);
        Detection d = GpuDetector.at(root).includeVirtual(Boolean.parseBoolean(props.getProperty("includeVirtual")))
                .detect();
        Golden.check(dir.resolve("expected-detection.txt"), Render.detection(d));
        for (PassthroughStyle style : PassthroughStyle.values()) {
            for (boolean privileged : List.of(true, false)) {
                String name = "expected-" + (style == PassthroughStyle.DEVICE_ENTRIES ? "dev" : "legacy") + "-"
                        + (privileged ? "privileged" : "unprivileged") + ".txt";
                Golden.check(dir.resolve(name), plan(dir, props, d, style, privileged));
            }
        }
    }

    static String plan(Path dir, Properties props, Detection d, PassthroughStyle style, boolean privileged)
            throws IOException {
        TargetContainer.Builder t = TargetContainer.builder().privileged(privileged);
        if (props.containsKey("template")) {
            t.template(props.getProperty("template"));
        }
        if (props.containsKey("groupFile")) {
            t.groupFile(props.getProperty("groupFile").replace("\\n", "\n"));
        }
        if (props.containsKey("existingConfig")) {
            t.existingConfig(LxcConfigFile.read(dir.resolve(props.getProperty("existingConfig"))));
        }
        String extras = props.getProperty("extras", "");
        PassthroughPlanner planner = PassthroughPlanner.builder().gpus(selection(props.getProperty("select", "all")))
                .target(t.build()).style(style).usbSerial(extras.contains("serial")).tun(extras.contains("tun"))
                .coral(extras.contains("coral")).build();
        try {
            return Render.patch(planner.plan(d));
        } catch (InvalidValuesException e) {
            return "# error\n" + e.violations().stream().map(Violation::toString).collect(Collectors.joining("\n"))
                    + "\n";
        }
    }

    static GpuSelection selection(String s) {
        if (s.startsWith("vendor:")) {
            return GpuSelection.vendor(Vendor.valueOf(s.substring(7)));
        }
        if (s.startsWith("pci:")) {
            return GpuSelection.pciAddresses(s.substring(4).split(","));
        }
        return s.equals("none") ? GpuSelection.none() : GpuSelection.all();
    }
}
