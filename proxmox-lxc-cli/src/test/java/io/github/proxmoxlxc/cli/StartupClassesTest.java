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
 * (the bundled catalogue) start without loading Jackson, OkHttp or the simulator, and build the
 * picocli model of the named subcommand only. Each case runs the CLI in a child JVM with
 * {@code -Xlog:class+load} and {@code -Xlog:class+init} and reads the classes it loaded and initialised.
 */
class StartupClassesTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"--help", "plan --set var_hostname=web1", "plan --app jellyfin --set var_hostname=web1"})
    void loadsNoJacksonOkHttpOrSimulatorClasses(String args) throws Exception {
        Path log = tmp.resolve("classes.log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off", "-XX:TieredStopAtLevel=1", "-Xlog:class+load=info,class+init=info:file=" + log,
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
        // only the named subcommand gets a model: the connection and SSH mixins belong to other commands
        assertThat(loaded).doesNotContain("io.github.proxmoxlxc.cli.ConnectionOptions",
                "io.github.proxmoxlxc.cli.SshOptions");
        if (args.equals("--help")) {
            assertThat(loaded).doesNotContain("io.github.proxmoxlxc.cli.ConfigOptions",
                    "io.github.proxmoxlxc.cli.JsonOption");
            // picocli's default factory looks up Groovy's Closure class on first use, which opens and indexes
            // the whole jar (about 30 ms); --help otherwise runs from the class-data archive alone
            assertThat(initialised(log)).doesNotContain("picocli/CommandLine$DefaultFactory");
        } else {
            assertThat(loaded).contains("io.github.proxmoxlxc.cli.ConfigOptions");
            // reading @Option annotations goes through it: the check above can see the factory's initialisation
            assertThat(initialised(log)).contains("picocli/CommandLine$DefaultFactory");
        }
    }

    /** Classes initialised, as class+init logs them: {@code ... Initializing 'java/lang/Object' (0x...)}. */
    private static List<String> initialised(Path log) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            int i = line.indexOf(" Initializing '");
            if (i >= 0) {
                int start = i + " Initializing '".length();
                out.add(line.substring(start, line.indexOf('\'', start)));
            }
        }
        assertThat(out).as("class+init lines in the log").contains("java/lang/String");
        return out;
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
