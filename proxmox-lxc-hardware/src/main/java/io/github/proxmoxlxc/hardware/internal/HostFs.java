package io.github.proxmoxlxc.hardware.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read-only access to a host root that never throws: every failure reads as "absent", so a
 * malformed or missing sysfs file can only make the caller skip something.
 */
public final class HostFs {
    /** sysfs attributes are tiny; anything larger is not what we expect. */
    private static final int MAX_BYTES = 64 * 1024;
    private static final Pattern HEX = Pattern.compile("0x([0-9a-fA-F]{1,8})");
    private static final Pattern DEV = Pattern.compile("(\\d{1,7}):(\\d{1,7})");

    private final Path root;

    /**
     * Wraps a root directory.
     *
     * @param root the host root, {@code /} on a real host
     */
    public HostFs(Path root) {
        this.root = root;
    }

    /**
     * The root this reads from.
     *
     * @return the root
     */
    public Path root() {
        return root;
    }

    /**
     * Resolves a root-relative path.
     *
     * @param rel a path such as {@code sys/bus/pci/devices}
     * @return the path under the root
     */
    public Path path(String rel) {
        return root.resolve(rel);
    }

    /**
     * Reads a small regular file (following links) as UTF-8.
     *
     * @param file the file
     * @return its text, or empty when missing, not a regular file, too large or unreadable
     */
    public static Optional<String> read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    return Optional.empty();
                }
                return Optional.of(new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            // SecurityException, InvalidPathException: an unreadable file is an absent one
            return Optional.empty();
        }
    }

    /**
     * The names in a directory (following links), sorted.
     *
     * @param dir the directory
     * @return the entry names, empty when missing or unreadable
     */
    public static List<String> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                names.add(p.getFileName().toString());
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        Collections.sort(names);
        return names;
    }

    /**
     * The last path component of a symlink's target, e.g. the driver name of a {@code driver} link.
     *
     * @param link the link
     * @return the target's file name, or empty when not a link or unreadable
     */
    public static Optional<String> linkTargetName(Path link) {
        try {
            if (!Files.isSymbolicLink(link)) {
                return Optional.empty();
            }
            Path target = Files.readSymbolicLink(link).getFileName();
            return target == null ? Optional.empty() : Optional.of(target.toString());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a path exists (following links; a dangling link does not exist).
     *
     * @param p the path
     * @return true when it exists
     */
    public static boolean exists(Path p) {
        try {
            return Files.exists(p);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether a path is a symlink whose target is missing.
     *
     * @param p the path
     * @return true for a dangling link
     */
    public static boolean dangling(Path p) {
        try {
            return Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.exists(p);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Resolves a child name safely.
     *
     * @param dir the parent
     * @param name the child name
     * @return the child, or empty when the name is not a valid path component
     */
    public static Optional<Path> child(Path dir, String name) {
        try {
            return Optional.of(dir.resolve(name));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * Parses a sysfs hex attribute such as {@code "0x8086\n"}.
     *
     * @param text the file content
     * @return the value, or empty when malformed
     */
    public static OptionalInt parseHex(String text) {
        Matcher m = HEX.matcher(text.strip());
        if (!m.matches()) {
            return OptionalInt.empty();
        }
        long v = Long.parseLong(m.group(1), 16);
        return v > Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of((int) v);
    }

    /**
     * Parses a sysfs {@code dev} attribute such as {@code "226:128\n"}.
     *
     * @param text the file content
     * @return {@code {major, minor}}, or empty when malformed
     */
    public static Optional<int[]> parseDev(String text) {
        Matcher m = DEV.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
    }

    /**
     * Shortens file content for an error message: one line, at most 40 characters, control
     * characters shown as {@code ?}.
     *
     * @param text the content
     * @return a printable excerpt in quotes
     */
    public static String excerpt(String text) {
        String s = text.strip();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 40; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return "'" + b + (s.length() > 40 ? "…" : "") + "'";
    }
}
