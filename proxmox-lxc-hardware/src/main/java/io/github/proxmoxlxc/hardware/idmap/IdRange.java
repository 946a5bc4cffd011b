package io.github.proxmoxlxc.hardware.idmap;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code lxc.idmap} extent: {@code count} ids starting at {@code containerStart} inside the
 * container map to ids starting at {@code hostStart} on the host.
 *
 * @param kind uid or gid
 * @param containerStart first id inside the container
 * @param hostStart first id on the host
 * @param count number of ids, at least 1
 */
public record IdRange(IdKind kind, long containerStart, long hostStart, long count) {
    /** Ids are 32-bit and {@code 2^32-1} is the invalid id, so no range may reach it. */
    public static final long ID_LIMIT = 0xFFFF_FFFFL;

    /** PVE's parser: {@code ^([ug])\s+(\d+)\s+(\d+)\s+(\d+)\s*$}. */
    private static final Pattern VALUE = Pattern.compile("([ug])\\s+(\\d{1,10})\\s+(\\d{1,10})\\s+(\\d{1,10})\\s*");

    /**
     * Checks the numbers.
     *
     * @param kind uid or gid
     * @param containerStart first id inside the container
     * @param hostStart first id on the host
     * @param count number of ids, at least 1
     */
    public IdRange {
        Objects.requireNonNull(kind, "kind");
        if (containerStart < 0 || hostStart < 0 || count < 1 || containerStart + count > ID_LIMIT
                || hostStart + count > ID_LIMIT) {
            throw new IllegalArgumentException(String.format(
                    "id range '%c %d %d %d' is invalid: starts must be >= 0, count >= 1, and ids below %d",
                    kind.letter(), containerStart, hostStart, count, ID_LIMIT));
        }
    }

    /**
     * Parses an {@code lxc.idmap} value such as {@code g 44 44 1}.
     *
     * @param value the value after {@code lxc.idmap:}
     * @return the range
     * @throws IllegalArgumentException naming the value and the expected form
     */
    public static IdRange parse(String value) {
        Matcher m = VALUE.matcher(value.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + value + "' must be '<u|g> <container-start> <host-start> <count>'");
        }
        return new IdRange(IdKind.of(m.group(1).charAt(0)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4)));
    }

    /**
     * The first container id after this range.
     *
     * @return {@code containerStart + count}
     */
    public long containerEnd() {
        return containerStart + count;
    }

    /**
     * The first host id after this range.
     *
     * @return {@code hostStart + count}
     */
    public long hostEnd() {
        return hostStart + count;
    }

    /**
     * The {@code lxc.idmap} value.
     *
     * @return e.g. {@code g 0 100000 44}
     */
    public String value() {
        return kind.letter() + " " + containerStart + " " + hostStart + " " + count;
    }

    @Override
    public String toString() {
        return value();
    }
}
