package io.github.proxmoxlxc.core.config;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Test fixtures under src/test/resources/vars. */
final class Fixtures {
    private Fixtures() {
    }

    static Path vars(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/vars/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static VarsFile parse(String content) {
        return VarsFile.parse(content, Path.of("test.vars"), Strictness.STRICT);
    }

    static VarsFile parseLenient(String content) {
        return VarsFile.parse(content, Path.of("test.vars"), Strictness.LENIENT);
    }
}
