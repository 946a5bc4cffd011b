package io.github.proxmoxlxc.core.client;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Proxmox task id: {@code UPID:<node>:<pid>:<pstart>:<starttime>:<type>:<id>:<user>:}.
 *
 * <p>Calls that start a worker (create, start, stop, destroy, template download) return one. The
 * task must be queried on {@link #node()}. {@code pstart} has 8 hex digits, or 9 once the node has
 * been up for about 497 days. {@link #toString()} gives the wire form.
 *
 * <pre>{@code
 * Upid u = Upid.parse("UPID:pve1:000934AF:0D015579:68BF3A41:vzcreate:100:root@pam:");
 * u.node();   // "pve1"
 * u.type();   // "vzcreate"
 * }</pre>
 *
 * @param node the node the task runs on
 * @param pid the worker process id
 * @param pstart the worker process start time in clock ticks since boot
 * @param startTime the task start, in Unix epoch seconds
 * @param type the worker type, e.g. {@code vzcreate}, {@code vzstart}, {@code download}
 * @param id the task's object id, usually the VMID; may be empty
 * @param user the user or token id that started the task
 */
public record Upid(String node, long pid, long pstart, long startTime, String type, String id, String user)
        implements java.io.Serializable {
    private static final Pattern FORMAT = Pattern.compile(
            "^UPID:([a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?):([0-9A-Fa-f]{8}):([0-9A-Fa-f]{8,9}):"
                    + "([0-9A-Fa-f]{8}):([^:\\s/]+):([^:\\s/]*):([^:\\s/]+):$");

    /**
     * Validates the parts.
     *
     * @param node the node the task runs on
     * @param pid the worker process id
     * @param pstart the worker process start time in clock ticks since boot
     * @param startTime the task start, in Unix epoch seconds
     * @param type the worker type, e.g. {@code vzcreate}, {@code vzstart}, {@code download}
     * @param id the task's object id, usually the VMID; may be empty
     * @param user the user or token id that started the task
     * @throws IllegalArgumentException if a part cannot appear in a UPID
     */
    public Upid {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
        if (pid < 0 || pid > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("pid: " + pid + " is not in 0..0xFFFFFFFF");
        }
        if (pstart < 0 || pstart > 0xFFFFFFFFFL) {
            throw new IllegalArgumentException("pstart: " + pstart + " is not in 0..0xFFFFFFFFF");
        }
        if (startTime < 0 || startTime > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("startTime: " + startTime + " is not in 0..0xFFFFFFFF");
        }
        if (!FORMAT.matcher(format(node, pid, pstart, startTime, type, id, user)).matches()) {
            throw new IllegalArgumentException("UPID parts: node '" + node + "', type '" + type + "', id '"
                    + id + "', user '" + user + "' must not contain ':', '/' or whitespace"
                    + " (node must be a valid node name, type and user non-empty)");
        }
    }

    /**
     * Parses the wire form.
     *
     * @param text a UPID such as {@code UPID:pve1:0000A1B2:0001C3D4:65F0A0B0:vzstart:100:root@pam:}
     * @return the parsed id
     * @throws IllegalArgumentException if the text is not a UPID (the message shows the text)
     */
    public static Upid parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("upid: '" + text + "' is not a UPID (expected "
                    + "UPID:<node>:<pid 8 hex>:<pstart 8-9 hex>:<starttime 8 hex>:<type>:<id>:<user>:)");
        }
        return new Upid(m.group(1), Long.parseLong(m.group(3), 16), Long.parseLong(m.group(4), 16),
                Long.parseLong(m.group(5), 16), m.group(6), m.group(7), m.group(8));
    }

    /**
     * Whether a text is a well-formed UPID.
     *
     * @param text any text, or null (which is not a UPID)
     * @return true if {@link #parse(String)} would accept it
     */
    public static boolean isUpid(@Nullable String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    /**
     * The task start time.
     *
     * @return the start as an instant
     */
    public Instant startedAt() {
        return Instant.ofEpochSecond(startTime);
    }

    /**
     * The wire form, as Proxmox prints it (upper-case hex, trailing colon).
     *
     * @return the UPID text
     */
    @Override
    public String toString() {
        return format(node, pid, pstart, startTime, type, id, user);
    }

    private static String format(String node, long pid, long pstart, long startTime, String type, String id,
                                 String user) {
        return String.format("UPID:%s:%08X:%08X:%08X:%s:%s:%s:", node, pid, pstart, startTime, type, id, user);
    }
}
