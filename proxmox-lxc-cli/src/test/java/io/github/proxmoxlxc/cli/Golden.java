package io.github.proxmoxlxc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/}: output is masked (ports, durations,
 * fingerprints, secrets, task ids, temp paths) and compared whole. Regenerate with
 * {@code -Dgolden.update=true} and review the diff.
 */
public final class Golden {
    private static final Path DIR = Path.of("src/test/resources/golden");

    private Golden() {
    }

    public static String mask(String s) {
        return s.replace("\r\n", "\n")
                .replaceAll("https://127\\.0\\.0\\.1:\\d+", "https://127.0.0.1:<port>")
                .replaceAll("@127\\.0\\.0\\.1:\\d+", "@127.0.0.1:<port>")
                .replaceAll("SHA256:[A-Za-z0-9+/]{43}", "SHA256:<ssh-fingerprint>")
                .replaceAll("UPID:[^\"\\s]+", "<upid>")
                .replaceAll("([0-9A-F]{2}:){31}[0-9A-F]{2}", "<fingerprint>")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>")
                .replaceAll("/tmp/[^\\s\"]+", "<tmp>")
                .replaceAll("(\"(?:durationMs|uptimeSeconds|totalMs|[a-z-]+Ms)\": )\\d+", "$1<ms>")
                .replaceAll("(\"timings\": \\{)(?:[^{}]|\\{[^{}]*\\})*\\}", "$1<timings>}")
                .replaceAll("\\b\\d+(\\.\\d+)?(ms|s)\\b", "<t>")
                .replaceAll("\\b\\d+m\\d\\ds\\b", "<t>")
                .replaceAll(" {2,}<t>", " <t>");
    }

    public static void assertMatches(String name, String actual) {
        String masked = mask(actual);
        Path file = DIR.resolve(name);
        try {
            if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
                if (!Boolean.getBoolean("golden.update")) {
                    throw new AssertionError("golden file " + file + " is missing; run with -Dgolden.update=true"
                            + " and review it. Actual:\n" + masked);
                }
                Files.createDirectories(file.getParent());
                Files.writeString(file, masked, StandardCharsets.UTF_8);
                return;
            }
            assertThat(masked).as("golden file %s", file).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
