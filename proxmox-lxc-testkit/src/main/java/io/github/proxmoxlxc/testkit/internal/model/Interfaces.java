package io.github.proxmoxlxc.testkit.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entries of {@code GET .../interfaces} as pve-container's {@code PVE::LXC::get_interfaces}
 * builds them from {@code ip --json a}: {@code name}, {@code ip-addresses} (each
 * {@code ip-address-type}, {@code ip-address}, {@code prefix}), {@code inet}/{@code inet6} (the
 * last address of each family), {@code hardware-address} and {@code hwaddr}. Every veth carries
 * its EUI-64 link-local {@code fe80::} address after its IPv4 address.
 */
final class Interfaces {

    private static final Pattern NAME = Pattern.compile("(?:^|,)name=([^,]+)");
    private static final Pattern HWADDR = Pattern.compile("(?:^|,)hwaddr=([^,]+)");

    private Interfaces() {
    }

    static List<Map<String, Object>> of(Container c) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(entry("lo", "00:00:00:00:00:00", List.of(new String[] {"inet", "127.0.0.1", "8"},
                new String[] {"inet6", "::1", "128"})));
        int i = 0;
        for (Map.Entry<String, String> e : c.config.entrySet()) {
            if (!e.getKey().matches("net\\d+")) {
                continue;
            }
            Matcher nm = NAME.matcher(e.getValue());
            Matcher hw = HWADDR.matcher(e.getValue());
            String mac = hw.find() ? hw.group(1).toLowerCase(Locale.ROOT) : "00:00:00:00:00:00";
            List<String[]> addrs = new ArrayList<>();
            if (i < c.ips.size()) {
                String[] ip = c.ips.get(i).split("/", 2);
                addrs.add(new String[] {"inet", ip[0], ip.length > 1 ? ip[1] : "32"});
            }
            addrs.add(new String[] {"inet6", linkLocal(mac), "64"});
            out.add(entry(nm.find() ? nm.group(1) : "eth" + i, mac, addrs));
            i++;
        }
        return out;
    }

    private static Map<String, Object> entry(String name, String mac, List<String[]> addrs) {
        Map<String, Object> obj = new LinkedHashMap<>();
        obj.put("name", name);
        List<Map<String, Object>> list = new ArrayList<>();
        for (String[] a : addrs) {
            obj.put(a[0], a[1] + "/" + a[2]);
            Map<String, Object> ip = new LinkedHashMap<>();
            ip.put("ip-address-type", a[0]);
            ip.put("ip-address", a[1]);
            ip.put("prefix", Integer.parseInt(a[2]));
            list.add(ip);
        }
        obj.put("ip-addresses", list);
        obj.put("hardware-address", mac);
        obj.put("hwaddr", mac);
        return obj;
    }

    /** The EUI-64 link-local address of a MAC: flip the U/L bit, insert ff:fe. */
    static String linkLocal(String mac) {
        String[] b = mac.split(":");
        int first = Integer.parseInt(b[0], 16) ^ 0x02;
        int[] w = {first << 8 | Integer.parseInt(b[1], 16), Integer.parseInt(b[2], 16) << 8 | 0xff,
            0xfe << 8 | Integer.parseInt(b[3], 16), Integer.parseInt(b[4], 16) << 8 | Integer.parseInt(b[5], 16)};
        return String.format(Locale.ROOT, "fe80::%x:%x:%x:%x", w[0], w[1], w[2], w[3]);
    }
}
