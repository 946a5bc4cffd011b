package io.github.proxmoxlxc.core.internal.spec;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Proxmox's named formats (pve-common {@code JSONSchema.pm}, pve-container {@code LXC/Config.pm}),
 * mirrored so that a spec is checked before any request. Each method returns whether the value
 * conforms; none of them throws.
 */
public final class Formats {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?");
    private static final Pattern STORAGE_ID = Pattern.compile("(?i)[a-z][a-z0-9\\-_.]*[a-z0-9]");
    private static final Pattern TAG = Pattern.compile("(?i)[a-z0-9_][a-z0-9_\\-+.]*");
    private static final Pattern MAC = Pattern.compile("(?i)[a-f0-9][02468ace](?::[a-f0-9]{2}){5}");
    private static final Pattern IPV4 = Pattern.compile(
            "(?:(?:25[0-5]|(?:2[0-4]|1[0-9]|[1-9])?[0-9])\\.){3}(?:25[0-5]|(?:2[0-4]|1[0-9]|[1-9])?[0-9])");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
    private static final Pattern POOL = Pattern.compile("[A-Za-z0-9_\\-]+(?:/[A-Za-z0-9_\\-]+){0,2}");
    private static final Pattern VOLUME_ID = Pattern.compile("(?i)([a-z][a-z0-9\\-_.]*[a-z0-9]):(.+)");
    private static final Pattern ALLOCATION = Pattern.compile("([^:\\s]+):(\\d+(\\.\\d+)?)");
    private static final Pattern TIMEZONE = Pattern.compile("[A-Za-z0-9_+\\-]+(?:/[A-Za-z0-9_+\\-]+)*");
    private static final Pattern IFACE_NAME = Pattern.compile("[-_.\\w\\d]+");
    private static final Pattern DISK_SIZE = Pattern.compile("\\d+(\\.\\d+)?[KMGT]?");
    private static final Pattern ENV_NAME = Pattern.compile("\\w+");
    private static final Pattern FSTYPE = Pattern.compile("[a-zA-Z0-9_ ]+");
    private static final Pattern MODE = Pattern.compile("0[0-7]{3}");

    private Formats() {
    }

    /**
     * Whether the text contains a control character (U+0000..U+001F, U+007F).
     *
     * @param s the text
     * @return true if it does
     */
    public static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < 0x20 || ch == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text with control characters shown as {@code \n}, {@code \x00} and so on, for messages.
     *
     * @param s the text
     * @return a single-line rendering
     */
    public static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\n') {
                sb.append("\\n");
            } else if (ch == '\r') {
                sb.append("\\r");
            } else if (ch == '\t') {
                sb.append("\\t");
            } else if (ch < 0x20 || ch == 0x7f) {
                sb.append(String.format("\\x%02x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /**
     * {@code dns-name}: labels of letters, digits and inner hyphens, joined by dots.
     *
     * @param s the name
     * @return whether it conforms
     */
    public static boolean isDnsName(String s) {
        if (s.isEmpty() || s.length() > 255) {
            return false;
        }
        for (String label : s.split("\\.", -1)) {
            if (!DNS_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code pve-storage-id}.
     *
     * @param s the id
     * @return whether it conforms
     */
    public static boolean isStorageId(String s) {
        return STORAGE_ID.matcher(s).matches();
    }

    /**
     * {@code pve-tag}.
     *
     * @param s the tag
     * @return whether it conforms
     */
    public static boolean isTag(String s) {
        return TAG.matcher(s).matches();
    }

    /**
     * {@code mac-addr}: six hex pairs with the I/G (multicast) bit clear.
     *
     * @param s the address
     * @return whether it conforms
     */
    public static boolean isUnicastMac(String s) {
        return MAC.matcher(s).matches();
    }

    /**
     * {@code ipv4}: dotted quad without leading zeros.
     *
     * @param s the address
     * @return whether it conforms
     */
    public static boolean isIpv4(String s) {
        return IPV4.matcher(s).matches();
    }

    /**
     * {@code ipv6}: RFC 4291 text form, optionally with an IPv4 tail.
     *
     * @param s the address
     * @return whether it conforms
     */
    public static boolean isIpv6(String s) {
        if (s.isEmpty() || s.length() > 45) {
            return false;
        }
        int d = s.indexOf("::");
        if (d >= 0 && s.indexOf("::", d + 1) >= 0) {
            return false;
        }
        String left = d >= 0 ? s.substring(0, d) : s;
        String right = d >= 0 ? s.substring(d + 2) : "";
        if (d >= 0 && right.isEmpty() && left.contains(".")) {
            return false;
        }
        List<String> parts = new ArrayList<>();
        if (!left.isEmpty()) {
            parts.addAll(Arrays.asList(left.split(":", -1)));
        }
        if (!right.isEmpty()) {
            parts.addAll(Arrays.asList(right.split(":", -1)));
        }
        int groups = 0;
        for (int i = 0; i < parts.size(); i++) {
            String p = parts.get(i);
            if (i == parts.size() - 1 && p.contains(".")) {
                if (!isIpv4(p)) {
                    return false;
                }
                groups += 2;
            } else if (HEX_GROUP.matcher(p).matches()) {
                groups++;
            } else {
                return false;
            }
        }
        return d >= 0 ? groups <= 7 : groups == 8;
    }

    /**
     * {@code CIDRv4} with Proxmox's prefix range 8..32.
     *
     * @param s e.g. {@code 192.168.1.10/24}
     * @return whether it conforms
     */
    public static boolean isCidr4(String s) {
        int slash = s.indexOf('/');
        return slash > 0 && isIpv4(s.substring(0, slash)) && prefixIn(s.substring(slash + 1), 8, 32);
    }

    /**
     * {@code CIDRv6} with Proxmox's prefix range 8..128.
     *
     * @param s e.g. {@code fd00::10/64}
     * @return whether it conforms
     */
    public static boolean isCidr6(String s) {
        int slash = s.indexOf('/');
        return slash > 0 && isIpv6(s.substring(0, slash)) && prefixIn(s.substring(slash + 1), 8, 128);
    }

    private static boolean prefixIn(String p, int min, int max) {
        if (!p.matches("\\d{1,3}")) {
            return false;
        }
        int v = Integer.parseInt(p);
        return v >= min && v <= max;
    }

    /**
     * Whether an address lies inside a CIDR network of the same family; both must already conform.
     *
     * @param cidr the network, e.g. {@code 10.0.0.5/24}
     * @param address the address, e.g. {@code 10.0.0.1}
     * @return true if inside
     */
    public static boolean inSubnet(String cidr, String address) {
        int slash = cidr.indexOf('/');
        int prefix = Integer.parseInt(cidr.substring(slash + 1));
        byte[] net = literal(cidr.substring(0, slash));
        byte[] addr = literal(address);
        if (net.length != addr.length) {
            return false;
        }
        int bits = net.length * 8;
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .shiftRight(prefix).not().and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
        return new BigInteger(1, net).and(mask).equals(new BigInteger(1, addr).and(mask));
    }

    private static byte[] literal(String ip) {
        // only called with validated literals, so no name lookup can happen
        try {
            byte[] b = InetAddress.getByName(ip).getAddress();
            if (b.length == 4 && ip.indexOf(':') >= 0) {
                byte[] v6 = new byte[16];
                v6[10] = (byte) 0xff;
                v6[11] = (byte) 0xff;
                System.arraycopy(b, 0, v6, 12, 4);
                return v6;
            }
            return b;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("not a literal: " + ip, e);
        }
    }

    /**
     * {@code pve-poolid}: letters, digits, {@code _} and {@code -}, up to three levels with {@code /}.
     *
     * @param s the pool
     * @return whether it conforms
     */
    public static boolean isPoolId(String s) {
        return POOL.matcher(s).matches();
    }

    /**
     * {@code pve-volume-id}: {@code storage:volume}.
     *
     * @param s the id
     * @return whether it conforms
     */
    public static boolean isVolumeId(String s) {
        return VOLUME_ID.matcher(s).matches();
    }

    /**
     * A new-volume allocation {@code STORAGE:SIZE_GiB}.
     *
     * @param s the volume
     * @return whether it is an allocation
     */
    public static boolean isAllocation(String s) {
        return ALLOCATION.matcher(s).matches();
    }

    /**
     * {@code pve-ct-timezone}: {@code host} or a zoneinfo name such as {@code Europe/Berlin}.
     *
     * @param s the zone
     * @return whether it conforms
     */
    public static boolean isTimezone(String s) {
        return s.equals("host") || (TIMEZONE.matcher(s).matches() && !Arrays.asList(s.split("/")).contains(".."));
    }

    /**
     * The pattern of {@code net[n].name} and {@code net[n].bridge}: {@code [-_.\w\d]+}.
     *
     * @param s the name
     * @return whether it conforms
     */
    public static boolean isInterfaceName(String s) {
        return IFACE_NAME.matcher(s).matches() && s.chars().allMatch(ch -> ch < 128);
    }

    /**
     * {@code disk-size}: a number with an optional K/M/G/T unit.
     *
     * @param s the size
     * @return whether it conforms
     */
    public static boolean isDiskSize(String s) {
        return DISK_SIZE.matcher(s).matches();
    }

    /**
     * An {@code env} variable name ({@code \w+}, ASCII).
     *
     * @param s the name
     * @return whether it conforms
     */
    public static boolean isEnvName(String s) {
        return ENV_NAME.matcher(s).matches() && s.chars().allMatch(ch -> ch < 128);
    }

    /**
     * One file system type of {@code features.mount}.
     *
     * @param s the type
     * @return whether it conforms
     */
    public static boolean isFsType(String s) {
        return FSTYPE.matcher(s).matches() && !s.isBlank() && s.equals(s.strip());
    }

    /**
     * An octal access mode such as {@code 0660}.
     *
     * @param s the mode
     * @return whether it conforms
     */
    public static boolean isMode(String s) {
        return MODE.matcher(s).matches();
    }

    /**
     * {@code pve-lxc-dev-string}: under {@code /dev/}, no {@code /.} or {@code /..} segment.
     *
     * @param s the path
     * @return whether it conforms
     */
    public static boolean isDevPath(String s) {
        return s.startsWith("/dev/") && s.length() > 5 && !hasDotSegment(s);
    }

    /**
     * {@code pve-lxc-mp-string}: no {@code /./}, {@code /../}, trailing {@code /.} or {@code /..},
     * or leading {@code ../}.
     *
     * @param s the path or volume
     * @return whether it conforms
     */
    public static boolean isMpString(String s) {
        return !hasDotSegment(s) && !s.startsWith("../");
    }

    private static boolean hasDotSegment(String s) {
        return s.contains("/./") || s.contains("/../") || s.endsWith("/.") || s.endsWith("/..");
    }
}
