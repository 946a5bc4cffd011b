package io.github.proxmoxlxc.hardware.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.spec.InvalidValuesException;
import io.github.proxmoxlxc.hardware.passthrough.PassthroughPlanner;
import io.github.proxmoxlxc.hardware.passthrough.PassthroughStyle;
import io.github.proxmoxlxc.hardware.passthrough.TargetContainer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;

/**
 * Garbage in sysfs, {@code /proc} and {@code /etc/group} never makes detection (or planning on its
 * result) throw anything but a documented {@link InvalidValuesException}.
 */
class SysfsFuzzTest {
    private Path root;

    /** One PCI function with arbitrary attribute contents. */
    record Fn(String vendor, String cls, String device, String driver, String card, String render, boolean dangling,
            String bootVga, String info) {
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(
                Arbitraries.of("0x8086\n", "0x10de\n", "0x1002\n", "0x1a03\n", "0x1af4\n", "0x030000\n", "0x030200\n",
                        "0x040300\n", "226:1\n", "226:128\n", "-1:5\n", "99999999999:1\n", "0x\n", "", "\n", "0xFFFFFFFFFF\n",
                        "Device Minor: \t 0\n", "Device Minor: 999\n", "Device Minor: -1\n", "1\n", "yes\n"),
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.strings().withChars("0123456789abcdefx:\n \t").ofMaxLength(14));
    }

    @Provide
    Arbitrary<List<Fn>> functions() {
        Arbitrary<String> j = junk();
        Arbitrary<String> drv = Arbitraries.of("i915", "nvidia", "amdgpu", "vfio-pci", "ast", "", "../", "nouveau",
                "virtio-pci");
        Arbitrary<Fn> fn = Combinators.combine(j, j, j, drv, j, j, Arbitraries.of(false, false, true), j)
                .as((v, c, d, dr, card, render, dangling, boot) -> new Fn(v, c, d, dr, card, render, dangling, boot,
                        card));
        return fn.list().ofMaxSize(5);
    }

    @Property(tries = 100)
    void garbageSysfsNeverThrows(@ForAll("functions") List<Fn> fns, @ForAll("junk") String procDevices,
            @ForAll("junk") String group) throws IOException {
        root = Files.createTempDirectory("fuzz");
        Path bus = Files.createDirectories(root.resolve("sys/bus/pci/devices"));
        for (int i = 0; i < fns.size(); i++) {
            Fn f = fns.get(i);
            String addr = String.format("0000:%02x:00.0", i);
            Path dev = root.resolve("sys/devices/pci0000:00").resolve(addr);
            Files.createSymbolicLink(bus.resolve(addr), Path.of("../../../devices/pci0000:00/" + addr));
            if (f.dangling()) {
                continue;
            }
            Files.createDirectories(dev.resolve("drm/card" + i));
            Files.createDirectories(dev.resolve("drm/renderD" + (128 + i)));
            write(dev.resolve("vendor"), f.vendor());
            // mostly display class, so the deeper probes run; sometimes the garbage itself
            write(dev.resolve("class"), f.cls().startsWith("0x03") || f.cls().length() % 3 == 0 ? f.cls() : "0x030000\n");
            write(dev.resolve("device"), f.device());
            write(dev.resolve("boot_vga"), f.bootVga());
            write(dev.resolve("drm/card" + i + "/dev"), f.card());
            write(dev.resolve("drm/renderD" + (128 + i) + "/dev"), f.render());
            if (!f.driver().isEmpty()) {
                Files.createSymbolicLink(dev.resolve("driver"), Path.of("../../../bus/pci/drivers/" + f.driver()));
            }
            write(root.resolve("proc/driver/nvidia/gpus").resolve(addr).resolve("information"), f.info());
        }
        write(root.resolve("proc/devices"), "Character devices:\n" + procDevices);
        write(root.resolve("etc/group"), group);
        write(root.resolve("sys/class/kfd/kfd/dev"), procDevices);
        write(root.resolve("proc/driver/nvidia/capabilities/mig/config"), group);
        Files.createDirectories(root.resolve("dev/nvidia-caps"));
        write(root.resolve("dev/nvidia-caps/nvidia-cap" + Math.abs(group.hashCode() % 5)), "");
        Files.createSymbolicLink(root.resolve("dev/ttyUSB0"), Path.of("nowhere"));

        Detection d = GpuDetector.at(root).includeVirtual(true).detect();

        for (Gpu g : d.gpus()) {
            assertThat(g.classCode() >> 16).isEqualTo(0x03);
            assertThat(g.vendorId()).isBetween(0, 0xffff);
            assertThat(g.nodes()).isNotEmpty();
        }
        for (PassthroughStyle style : PassthroughStyle.values()) {
            for (boolean privileged : List.of(true, false)) {
                try {
                    PassthroughPlanner.builder().style(style).usbSerial(true).tun(true).coral(true)
                            .target(TargetContainer.builder().privileged(privileged).template("debian-12").build())
                            .build().plan(d);
                } catch (InvalidValuesException documented) {
                    assertThat(documented.violations()).isNotEmpty();
                }
            }
        }
    }

    @AfterTry
    void cleanUp() throws IOException {
        if (root == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void write(Path p, String content) throws IOException {
        Files.createDirectories(p.getParent());
        Files.write(p, content.getBytes(StandardCharsets.UTF_8));
    }
}
