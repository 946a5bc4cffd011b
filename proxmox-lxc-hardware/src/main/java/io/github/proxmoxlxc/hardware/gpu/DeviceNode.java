package io.github.proxmoxlxc.hardware.gpu;

import java.util.Objects;
import java.util.Optional;

/**
 * One character device node on the host, with the numbers read from sysfs or {@code /proc}.
 *
 * @param path the absolute host path, e.g. {@code /dev/dri/renderD128}
 * @param kind what the node is for
 * @param major the char major read from the host (never guessed)
 * @param minor the char minor
 * @param present whether the node exists under the host's {@code /dev}
 * @param hostMode the host's mode as four octal digits when known (NVIDIA capability files
 *     state it), else empty
 */
public record DeviceNode(String path, NodeKind kind, int major, int minor, boolean present,
        Optional<String> hostMode) {
    /**
     * Checks that no component is null and the numbers are not negative.
     *
     * @param path the absolute host path, e.g. {@code /dev/dri/renderD128}
     * @param kind what the node is for
     * @param major the char major read from the host (never guessed)
     * @param minor the char minor
     * @param present whether the node exists under the host's {@code /dev}
     * @param hostMode the host's mode as four octal digits when known (NVIDIA capability files state it), else
     *     empty
     */
    public DeviceNode {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(hostMode, "hostMode");
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("major and minor must be >= 0: " + major + ":" + minor);
        }
    }

    /**
     * A node without a known host mode.
     *
     * @param path the host path
     * @param kind what it is for
     * @param major the major
     * @param minor the minor
     * @param present whether it exists under {@code /dev}
     * @return the node
     */
    public static DeviceNode of(String path, NodeKind kind, int major, int minor, boolean present) {
        return new DeviceNode(path, kind, major, minor, present, Optional.empty());
    }

    /**
     * The node's name under {@code /dev}, e.g. {@code dri/card1}: the mount target in the container.
     *
     * @return the path without the leading slash
     */
    public String relativePath() {
        return path.substring(1);
    }

    @Override
    public String toString() {
        return path + "(" + major + ":" + minor + (present ? "" : ", missing") + ")";
    }
}
