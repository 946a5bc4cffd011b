package io.github.proxmoxlxc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13 item 4: {@code --help}, an offline {@code plan} and an offline {@code plan --app X}
 * (the bundled catalogue) start without loading Jackson, OkHttp or the simulator. Each case runs
 * the CLI in a child JVM with {@code -Xlog:class+load} and reads the classes it loaded.
 */
class StartupClassesTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"--help", "plan --set var_hostname=web1", "plan --app jellyfin --set var_hostname=web1"})
    void loadsNoJacksonOkHttpOrSimulatorClasses(String args) throws Exception {
        Path log = tmp.resolve("classes.log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off", "-XX:TieredStopAtLevel=1", "-Xlog:class+load=info:file=" + log,
                "-cp", System.getProperty("java.class.path"), "io.github.proxmoxlxc.cli.Main"));
        cmd.addAll(List.of(args.split(" ")));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("out.txt").toFile());
        // offline: no PVE_* or var_* settings of whoever runs the build, and a private HOME
        pb.environment().keySet().removeIf(k -> k.startsWith("PVE_") || k.startsWith("var_") || k.startsWith("PROXMOX_LXC"));
        pb.environment().put("HOME", tmp.toString());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the CLI did not finish within 120 s: " + args);
        }
        String out = Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        List<String> loaded = loaded(log);
        assertThat(loaded).as("classes loaded by '%s'", args).hasSizeGreaterThan(100)
                .contains("io.github.proxmoxlxc.cli.Main")
                .noneMatch(c -> c.startsWith("com.fasterxml.jackson."))
                .noneMatch(c -> c.startsWith("okhttp3.") || c.startsWith("okio."))
                .noneMatch(c -> c.startsWith("io.github.proxmoxlxc.testkit."));
        if (args.contains("--app")) {
            assertThat(loaded).contains("io.github.proxmoxlxc.core.apps.CatalogueJson");
            assertThat(out).contains("jellyfin");
        }
    }

    private static List<String> loaded(Path log) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            // [0.012s][info][class,load] java.lang.Object source: shared objects file
            int i = line.indexOf("[class,load] ");
            if (i >= 0) {
                String rest = line.substring(i + "[class,load] ".length());
                int sp = rest.indexOf(' ');
                out.add(sp < 0 ? rest : rest.substring(0, sp));
            }
        }
        return out;
    }
}
