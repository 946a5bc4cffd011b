package io.github.proxmoxlxc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Drives the real command in a pseudo-terminal ({@code script} from util-linux), as a person runs
 * it: the JVM sees a console, so progress draws a live line (spinner, download bar) that is erased
 * before each permanent step line.
 */
class TerminalProgressTest {
    @Test
    void create_inAPseudoTerminal_showsLiveProgressThenTheSummary() throws Exception {
        assumeTrue(new File("/usr/bin/script").canExecute(), "util-linux script is not installed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cmd = quote(java) + " -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "
                + quote(System.getProperty("java.class.path")) + " io.github.proxmoxlxc.cli.Main create";
        ProcessBuilder pb = new ProcessBuilder(List.of("/usr/bin/script", "-qefc", cmd, "/dev/null"))
                .redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("PVE_") || k.startsWith("var_"));
        pb.environment().put("TERM", "xterm");
        Process p = pb.start();
        p.getOutputStream().close();
        // read on a thread and wait for the process first: a hung command fails the test at the
        // deadline (with what it printed) instead of blocking the read for ever
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try (InputStream in = p.getInputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        boolean exited = p.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        reader.get(10, TimeUnit.SECONDS);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(exited).as("the command ended within 120 s; it printed:%n%s", text).isTrue();
        assertThat(p.exitValue()).as(text).isZero();

        assertThat(text).startsWith(Connection.SIMULATOR_NOTICE);
        assertThat(text).contains("\r\033[K");
        assertThat(text).containsPattern("template +\\[[#.]{30}\\] +\\d+%");
        assertThat(text).containsPattern("(create|template) +[|/\\\\-]");
        String screen = screen(text);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/create-terminal-transcript.txt"), screen);
        Golden.assertMatches("create-terminal.txt", screen);
    }

    /** What the terminal finally shows: each line's text after its last erase. */
    static String screen(String raw) {
        StringBuilder b = new StringBuilder();
        for (String line : raw.replace("\r\n", "\n").split("\n", -1)) {
            int erase = line.lastIndexOf("\r\033[K");
            String visible = erase >= 0 ? line.substring(erase + 4) : line;
            int cr = visible.lastIndexOf('\r');
            b.append(cr >= 0 ? visible.substring(cr + 1) : visible).append('\n');
        }
        return b.toString().replaceAll("\n+$", "\n");
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
