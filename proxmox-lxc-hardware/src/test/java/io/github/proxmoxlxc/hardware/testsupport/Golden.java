package io.github.proxmoxlxc.hardware.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Compares text with a golden file; {@code -Dgolden.update=true} rewrites the file instead. */
public final class Golden {
    private Golden() {
    }

    /**
     * Asserts that {@code actual} equals the golden file's content.
     *
     * @param file the golden file
     * @param actual the rendered text
     */
    public static void check(Path file, String actual) {
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(file).as("golden file %s (create with -Dgolden.update=true)", file).exists();
            assertThat(actual).as("%s", file).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
