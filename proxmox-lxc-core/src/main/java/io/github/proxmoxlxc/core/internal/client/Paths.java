package io.github.proxmoxlxc.core.internal.client;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Builds API paths: percent-encodes segments and checks node names and VMIDs up front. */
public final class Paths {
    private static final Pattern NODE = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Paths() {
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters (so {@code :} {@code @} {@code !} too). */
    public static String seg(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return sb.toString();
    }

    /** Checks a node name ({@code pve-node} format). */
    public static String node(String node) {
        if (node == null || !NODE.matcher(node).matches()) {
            throw new IllegalArgumentException("node: '" + node + "' is not a node name "
                    + "(letters, digits and inner '-', pattern " + NODE.pattern() + ")");
        }
        return node;
    }

    /** Checks a VMID (100..999999999). */
    public static int vmid(int vmid) {
        if (vmid < 100 || vmid > 999_999_999) {
            throw new IllegalArgumentException("vmid: " + vmid + " is not in 100..999999999");
        }
        return vmid;
    }

    /** Checks a storage id is present and not blank. */
    public static String storage(String storage) {
        if (storage == null || storage.isBlank()) {
            throw new IllegalArgumentException("storage: '" + storage + "' must not be blank");
        }
        return storage;
    }
}
