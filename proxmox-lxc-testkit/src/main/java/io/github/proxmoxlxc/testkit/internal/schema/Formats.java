package io.github.proxmoxlxc.testkit.internal.schema;

import java.util.regex.Pattern;

/** Named formats of PVE's JSONSchema.pm; {@link #check} returns the error text or null. */
final class Formats {

    private static final Pattern VMID = Pattern.compile("[1-9][0-9]{2,8}");
    private static final Pattern NODE = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?");
    private static final Pattern STORAGE = Pattern.compile("(?i)[a-z][a-z0-9\\-_.]*[a-z0-9]");
    private static final Pattern CONFIGID = Pattern.compile("(?i)[a-z][a-z0-9_-]+");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?");
    private static final Pattern MAC = Pattern.compile("(?i)[a-f0-9][02468ace](?::[a-f0-9]{2}){5}");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("(?i)[0-9a-f:]*:[0-9a-f:.]*");
    private static final Pattern TAG = Pattern.compile("(?i)[a-z0-9_][a-z0-9_\\-+.]*");
    private static final Pattern POOL = Pattern.compile("[A-Za-z0-9_\\-]+");
    private static final Pattern VOLUME_ID = Pattern.compile("(?i)[a-z][a-z0-9\\-_.]*[a-z0-9]:.+");
    private static final Pattern DISK_SIZE = Pattern.compile("\\d+(\\.\\d+)?[KMGT]?");
    private static final Pattern STARTUP = Pattern.compile("((order=)?\\d+|up=\\d+|down=\\d+)(,((order=)?\\d+|up=\\d+|down=\\d+))*");

    private Formats() {
    }

    static String check(String format, String value) {
        if (format.endsWith("-list")) {
            String single = format.substring(0, format.length() - 5);
            String[] parts = value.indexOf('\0') >= 0 ? value.split("\0") : value.split("[,; \\s]+");
            for (String p : parts) {
                if (p.isEmpty()) {
                    continue;
                }
                String err = check(single, p);
                if (err != null) {
                    return err;
                }
            }
            return null;
        }
        switch (format) {
            case "pve-vmid":
                return VMID.matcher(value).matches() ? null : "value does not look like a valid VM ID";
            case "pve-node":
                return NODE.matcher(value).matches() ? null : "value does not look like a valid node name";
            case "pve-storage-id":
                return STORAGE.matcher(value).matches() ? null : "storage ID '" + value + "' contains illegal characters";
            case "pve-configid":
                return CONFIGID.matcher(value).matches() ? null : "invalid configuration ID '" + value + "'";
            case "dns-name":
                return dnsName(value) ? null : "value does not look like a valid DNS name";
            case "mac-addr":
                return MAC.matcher(value).matches() ? null : "value does not look like a valid unicast MAC address";
            case "ipv4":
                return IPV4.matcher(value).matches() ? null : "value does not look like a valid IPv4 address";
            case "ipv6":
                return IPV6.matcher(value).matches() ? null : "value does not look like a valid IPv6 address";
            case "pve-ipv4-config":
                return value.equals("dhcp") || value.equals("manual") || cidr(value, false) ? null
                        : "value does not look like a valid ipv4 network configuration";
            case "pve-ipv6-config":
                return value.equals("dhcp") || value.equals("manual") || value.equals("auto") || cidr(value, true) ? null
                        : "value does not look like a valid ipv6 network configuration";
            case "pve-tag":
                return TAG.matcher(value).matches() ? null : "invalid characters in tag";
            case "pve-poolid":
                return POOL.matcher(value).matches() ? null : "invalid pool ID '" + value + "'";
            case "pve-volume-id":
                return VOLUME_ID.matcher(value).matches() ? null : "unable to parse volume ID '" + value + "'";
            case "disk-size":
                return DISK_SIZE.matcher(value).matches() ? null : "unable to parse size '" + value + "'";
            case "pve-startup-order":
                return STARTUP.matcher(value).matches() ? null : "unable to parse startup options";
            case "pve-lxc-dev-string":
                return value.startsWith("/dev/") && !value.matches(".*/\\.\\.?(/.*)?") ? null
                        : "value does not look like a valid device path";
            case "pve-lxc-mp-string":
                return value.matches("(.*/\\.\\.?/.*|.*/\\.\\.?|\\.\\./.*)") ? "invalid path: '" + value + "'" : null;
            default:
                return null; // formats the simulator does not model are accepted, as is
        }
    }

    private static boolean dnsName(String v) {
        for (String label : v.split("\\.", -1)) {
            if (!DNS_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean cidr(String v, boolean six) {
        int slash = v.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String ip = v.substring(0, slash);
        String pfx = v.substring(slash + 1);
        if (!pfx.matches("\\d{1,3}")) {
            return false;
        }
        int p = Integer.parseInt(pfx);
        return six ? IPV6.matcher(ip).matches() && p >= 8 && p <= 128 : IPV4.matcher(ip).matches() && p >= 8 && p <= 32;
    }
}
