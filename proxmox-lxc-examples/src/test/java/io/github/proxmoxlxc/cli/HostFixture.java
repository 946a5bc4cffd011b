package io.github.proxmoxlxc.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Materialises a {@code host.txt} fixture (see {@code src/test/resources/hosts/README.md}) into a
 * real directory tree with real symlinks.
 */
final class HostFixture {
    /** Where the scenario directories live (surefire runs in the module directory). */
    static final Path HOSTS = Path.of("src/test/resources/hosts");

    private HostFixture() {
    }

    /**
     * Builds the tree of one scenario under {@code into}.
     *
     * @param scenario the scenario directory name
     * @param into an empty directory
     * @return {@code into}
     */
    static Path materialise(String scenario, Path into) {
        try {
            apply(Files.readAllLines(HOSTS.resolve(scenario).resolve("host.txt"), StandardCharsets.UTF_8), into);
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Applies fixture lines to a root.
     *
     * @param lines the lines
     * @param root the root
     * @throws IOException on failure
     */
    static void apply(List<String> lines, Path root) throws IOException {
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("@include ")) {
                apply(Files.readAllLines(HOSTS.resolve("_blocks").resolve(line.substring(9).strip() + ".txt"),
                        StandardCharsets.UTF_8), root);
                continue;
            }
            int eq = line.indexOf(" = \"");
            int arrow = line.indexOf(" -> ");
            if (eq > 0 && (arrow < 0 || eq < arrow)) {
                Path p = root.resolve(line.substring(0, eq));
                String body = line.substring(eq + 4);
                if (!body.endsWith("\"")) {
                    throw new IllegalArgumentException("unterminated content: " + raw);
                }
                Files.createDirectories(p.getParent());
                Files.write(p, unescape(body.substring(0, body.length() - 1)));
            } else if (arrow > 0) {
                Path p = root.resolve(line.substring(0, arrow));
                Files.createDirectories(p.getParent());
                Files.deleteIfExists(p);
                Files.createSymbolicLink(p, Path.of(line.substring(arrow + 4)));
            } else if (line.endsWith("/")) {
                Files.createDirectories(root.resolve(line));
            } else {
                Path p = root.resolve(line);
                Files.createDirectories(p.getParent());
                Files.write(p, new byte[0]);
            }
        }
    }

    /** C escapes: \n \t \\ \" \xNN. */
    static byte[] unescape(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n':
                    out.write('\n');
                    break;
                case 't':
                    out.write('\t');
                    break;
                case 'x':
                    out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                    break;
                default:
                    out.write(n);
            }
        }
        return out.toByteArray();
    }
}
