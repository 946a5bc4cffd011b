package io.github.proxmoxlxc.core.internal.spec;

import io.github.proxmoxlxc.core.spec.NetworkInterface;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Codec and rules of {@code net[n]}. */
public final class NetCodec {
    /** The sub-keys this version knows. */
    static final Set<String> KEYS = Set.of("name", "bridge", "firewall", "gw", "gw6", "host-managed",
            "hwaddr", "ip", "ip6", "link_down", "mtu", "rate", "tag", "trunks", "type");
    private static final Set<String> REQUIRED = Set.of("name");

    private NetCodec() {
    }

    /**
     * Decodes and checks a value.
     *
     * @param field the parameter name, e.g. {@code net0}
     * @param value the property string
     * @return the interface
     */
    public static NetworkInterface parse(String field, String value) {
        return parse(field, value, null);
    }

    /**
     * Decodes and checks a value read from a node: a sub-key this version does not know (one a
     * newer Proxmox added) goes to {@code unknown} instead of being refused.
     *
     * @param field the parameter name
     * @param value the property string
     * @param unknown where unknown sub-keys go; null to refuse them
     * @return the interface
     */
    public static NetworkInterface parse(String field, String value, Map<String, String> unknown) {
        Map<String, String> m = PropertyStrings.parse(field, value, KEYS, null, REQUIRED, unknown);
        Checks c = new Checks();
        NetworkInterface.Builder b = NetworkInterface.builder();
        m.forEach((k, v) -> {
            String f = field + "." + k;
            switch (k) {
                case "name": b.name(v); break;
                case "bridge": b.bridge(v); break;
                case "hwaddr": b.macAddress(v); break;
                case "ip": b.ip(v); break;
                case "gw": b.gateway(v); break;
                case "ip6": b.ip6(v); break;
                case "gw6": b.gateway6(v); break;
                case "mtu": PropertyStrings.readInt(f, v, c, b::mtu); break;
                case "tag": PropertyStrings.readInt(f, v, c, b::tag); break;
                case "rate": {
                    Double d = PropertyStrings.parseNumber(f, v, c);
                    if (d != null) {
                        b.rate(d);
                    }
                    break;
                }
                case "trunks":
                    if (v.matches("\\d{1,4}(;\\d{1,4})*")) {
                        for (String t : v.split(";")) {
                            b.addTrunk(Integer.parseInt(t));
                        }
                    } else {
                        c.add(f, v, "must be VLAN ids joined by ';'");
                    }
                    break;
                case "firewall": PropertyStrings.readBoolean(f, v, c, b::firewall); break;
                case "link_down": PropertyStrings.readBoolean(f, v, c, b::linkDown); break;
                case "host-managed": PropertyStrings.readBoolean(f, v, c, b::hostManaged); break;
                case "type":
                    if (!v.equals("veth")) {
                        c.add(f, v, "must be veth");
                    }
                    break;
                default:
                    throw new IllegalStateException(k);
            }
        });
        c.throwIfAny();
        NetworkInterface n = b.build();
        validate(field, n, c);
        c.throwIfAny();
        return n;
    }

    /**
     * Checks and encodes.
     *
     * @param field the parameter name for errors
     * @param n the interface
     * @return the property string
     */
    public static String encode(String field, NetworkInterface n) {
        Checks c = new Checks();
        validate(field, n, c);
        c.throwIfAny();
        return printUnchecked(n);
    }

    /**
     * Prints without checking (for {@code toString}).
     *
     * @param n the interface
     * @return the property string
     */
    public static String printUnchecked(NetworkInterface n) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", n.name().orElse(null));
        m.put("bridge", n.bridge().orElse(null));
        m.put("hwaddr", n.macAddress().orElse(null));
        m.put("ip", n.ip().orElse(null));
        m.put("gw", n.gateway().orElse(null));
        m.put("ip6", n.ip6().orElse(null));
        m.put("gw6", n.gateway6().orElse(null));
        m.put("mtu", n.mtu().isPresent() ? Integer.toString(n.mtu().getAsInt()) : null);
        m.put("tag", n.tag().isPresent() ? Integer.toString(n.tag().getAsInt()) : null);
        m.put("trunks", n.trunks().isEmpty() ? null
                : n.trunks().stream().map(String::valueOf).collect(Collectors.joining(";")));
        m.put("firewall", n.firewall() ? "1" : null);
        m.put("rate", n.rate().isPresent() ? PropertyStrings.formatNumber(n.rate().getAsDouble()) : null);
        m.put("link_down", n.linkDown() ? "1" : null);
        m.put("host-managed", n.hostManaged() ? "1" : null);
        return PropertyStrings.print(m, null, REQUIRED);
    }

    /**
     * Checks every value's format and range (not the rules between values).
     *
     * @param field the parameter name, e.g. {@code net0}
     * @param n the interface
     * @param c where violations go
     */
    public static void validate(String field, NetworkInterface n, Checks c) {
        if (n.name().isEmpty()) {
            c.add(field + ".name", "", "is required");
        } else if (!Formats.isInterfaceName(n.name().get()) || n.name().get().length() > 15) {
            c.add(field + ".name", Formats.printable(n.name().get()),
                    "must match [-_.a-zA-Z0-9]+ and be at most 15 characters (no ',', '=', ';' or whitespace)");
        }
        n.bridge().ifPresent(v -> {
            if (!Formats.isInterfaceName(v)) {
                c.add(field + ".bridge", Formats.printable(v),
                        "must match [-_.a-zA-Z0-9]+ (no ',', '=', ';' or whitespace)");
            }
        });
        n.macAddress().ifPresent(v -> {
            if (!Formats.isUnicastMac(v)) {
                c.add(field + ".hwaddr", Formats.printable(v),
                        "must be a unicast MAC address XX:XX:XX:XX:XX:XX (I/G bit of the first octet clear)");
            }
        });
        if (n.ip().isPresent()) {
            String v = n.ip().get();
            if (!Formats.isCidr4(v) && !v.equals("dhcp") && !v.equals("manual")) {
                c.add(field + ".ip", Formats.printable(v), "must be dhcp, manual or IPv4/CIDR with prefix 8..32");
            }
        }
        n.gateway().ifPresent(v -> {
            if (!Formats.isIpv4(v)) {
                c.add(field + ".gw", Formats.printable(v), "must be an IPv4 address");
            }
        });
        n.ip6().ifPresent(v -> {
            if (!Formats.isCidr6(v) && !v.equals("auto") && !v.equals("dhcp") && !v.equals("manual")) {
                c.add(field + ".ip6", Formats.printable(v),
                        "must be auto, dhcp, manual or IPv6/CIDR with prefix 8..128 (a static address needs"
                                + " its prefix)");
            }
        });
        n.gateway6().ifPresent(v -> {
            if (!Formats.isIpv6(v)) {
                c.add(field + ".gw6", Formats.printable(v), "must be an IPv6 address");
            }
        });
        n.mtu().ifPresent(v -> range(c, field + ".mtu", v, 64, 65535));
        n.tag().ifPresent(v -> range(c, field + ".tag", v, 1, 4094));
        for (int t : n.trunks()) {
            range(c, field + ".trunks", t, 1, 4094);
        }
        n.rate().ifPresent(v -> {
            if (!(v >= 0) || Double.isInfinite(v)) {
                c.add(field + ".rate", String.valueOf(v), "must be a finite number of 0 or more");
            }
        });
    }

    /**
     * Checks the rules between values of one interface: a gateway needs a static address of its
     * family and must lie inside that subnet (an IPv6 gateway may also be link-local). Proxmox
     * itself accepts a gateway outside the subnet (it adds an on-link route); this library
     * refuses it because it is almost always a typo, except for point-to-point prefixes (IPv4
     * /31 and /32, IPv6 /127 and /128: hosted setups route through an outside gateway), which
     * {@code build.func} exempts as well.
     *
     * @param field the parameter name
     * @param n the interface (formats already checked)
     * @param c where violations go
     */
    public static void validateCrossField(String field, NetworkInterface n, Checks c) {
        String ip = n.ip().orElse(null);
        boolean ip4Static = ip != null && Formats.isCidr4(ip);
        n.gateway().filter(Formats::isIpv4).ifPresent(v -> {
            if (!ip4Static) {
                c.add(field + ".gw", v, "needs a static ip in CIDR form on the same interface");
            } else if (prefix(ip) < 31 && !Formats.inSubnet(ip, v)) {
                c.add(field + ".gw", v, "must lie inside the subnet of ip " + ip);
            }
        });
        String ip6 = n.ip6().orElse(null);
        boolean ip6Static = ip6 != null && Formats.isCidr6(ip6);
        n.gateway6().filter(Formats::isIpv6).ifPresent(v -> {
            if (!ip6Static) {
                c.add(field + ".gw6", v, "needs a static ip6 in CIDR form on the same interface");
            } else if (prefix(ip6) < 127 && !Formats.inSubnet(ip6, v)
                    && !v.toLowerCase(Locale.ROOT).startsWith("fe80:")) {
                c.add(field + ".gw6", v, "must lie inside the subnet of ip6 " + ip6 + " or be link-local");
            }
        });
    }

    private static int prefix(String cidr) {
        return Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
    }

    static void range(Checks c, String field, long v, long min, long max) {
        if (v < min || v > max) {
            c.add(field, Long.toString(v), "must be between " + min + " and " + max);
        }
    }
}
