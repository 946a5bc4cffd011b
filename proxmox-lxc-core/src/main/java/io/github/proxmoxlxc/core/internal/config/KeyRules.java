package io.github.proxmoxlxc.core.internal.config;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-key validation of {@code var_*} values: build.func's file rules (reference §1a), with the
 * boolean spellings widened and a few host-side checks replaced by format checks.
 *
 * <p>build.func checks some keys against the host ({@code ip link}, {@code pvesm status},
 * {@code /usr/share/zoneinfo}); a library resolving configuration must not read the host, so those
 * keys get the matching Proxmox format instead (interface name, {@code pve-storage-id}, a known
 * time zone). Keys build.func does not check at all ({@code var_os}, {@code var_version},
 * {@code var_post_install}) get a format check here because their values end up in a template file
 * name or name a host script.
 */
public final class KeyRules {
    /** Keys whose build.func form is {@code 0}/{@code 1}. */
    public static final Set<String> BOOL_01 =
            Set.of("var_unprivileged", "var_nesting", "var_keyctl", "var_mknod");
    /** Keys whose build.func form is {@code yes}/{@code no}. */
    public static final Set<String> BOOL_YES_NO =
            Set.of("var_fuse", "var_tun", "var_gpu", "var_ssh", "var_verbose", "var_protection");

    private static final Pattern IPV4_CIDR =
            Pattern.compile("^([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})/([0-9]{1,2})$");
    private static final Pattern IPV4 =
            Pattern.compile("^([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})$");
    private static final Pattern DIGITS = Pattern.compile("^[0-9]+$");
    private static final Pattern LABEL = Pattern.compile("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$");
    private static final Pattern MAC = Pattern.compile("^([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}$");
    private static final Pattern TAGS = Pattern.compile("^[a-zA-Z0-9_;-]+$");
    private static final Pattern MOUNT_FS = Pattern.compile("^[a-zA-Z0-9]+(,[a-zA-Z0-9]+)*$");
    private static final Pattern BRIDGE = Pattern.compile("^[A-Za-z0-9_.-]{1,15}$");
    private static final Pattern VNET = Pattern.compile("^[A-Za-z][A-Za-z0-9]{0,7}$");
    private static final Pattern STORAGE = Pattern.compile("^[a-z][a-z0-9._-]*[a-z0-9]$");
    private static final Pattern CACHER =
            Pattern.compile("^(https?://)?[a-zA-Z0-9._-]+(:[0-9]+)?(/.*)?$");
    private static final Pattern PROXY = Pattern.compile("^https?://[^\\s]+(:[0-9]+)?/?$");
    private static final Pattern NO_PROXY =
            Pattern.compile("^[a-zA-Z0-9.*_:/-]+(,[a-zA-Z0-9.*_:/-]+)*$");
    private static final Pattern OS_NAME = Pattern.compile("^[a-z0-9][a-z0-9._-]*$");
    private static final Pattern OS_VERSION = Pattern.compile("^[0-9A-Za-z][0-9A-Za-z._-]*$");
    private static final Pattern ZONE = Pattern.compile("^[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)*$");

    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("var_cpu", new Rule("an integer from 1 to 128", v -> intIn(v, 1, 128))),
            Map.entry("var_ram", new Rule("an integer of at least 256 (MiB)",
                    v -> intIn(v, 256, Integer.MAX_VALUE))),
            Map.entry("var_disk", new Rule("an integer of at least 1 (GB)",
                    v -> intIn(v, 1, Integer.MAX_VALUE))),
            Map.entry("var_hostname", new Rule("a host name of at most 253 characters whose"
                    + " dot-separated labels have 1-63 characters a-z, 0-9 and inner '-'"
                    + " (lower case)", KeyRules::isHostname)),
            Map.entry("var_brg", new Rule("a network interface name of 1-15 characters"
                    + " A-Z, a-z, 0-9, '_', '.', '-'", v -> BRIDGE.matcher(v).matches())),
            Map.entry("var_sdn_vnet", new Rule("an SDN vnet id: a letter followed by at most 7"
                    + " letters or digits", v -> VNET.matcher(v).matches())),
            Map.entry("var_net", new Rule("'dhcp', an IPv4 address with prefix (a.b.c.d/1-32)"
                    + " or a range a.b.c.d/n-e.f.g.h/n", KeyRules::isNet)),
            Map.entry("var_gateway", new Rule("an IPv4 address without prefix",
                    v -> isIpv4(v))),
            Map.entry("var_ipv6_method", new Rule("one of auto, dhcp, static, none",
                    v -> Set.of("auto", "dhcp", "static", "none").contains(v))),
            Map.entry("var_mtu", new Rule("an integer from 576 to 65535",
                    v -> intIn(v, 576, 65535))),
            Map.entry("var_mac", new Rule("a MAC address xx:xx:xx:xx:xx:xx (hex digits)",
                    v -> MAC.matcher(v).matches())),
            Map.entry("var_vlan", new Rule("an integer from 1 to 4094", v -> intIn(v, 1, 4094))),
            Map.entry("var_tags", new Rule("tags of a-z, A-Z, 0-9, '_' and '-' separated by ';'",
                    v -> TAGS.matcher(v).matches())),
            Map.entry("var_mount_fs", new Rule("file system names of letters and digits separated"
                    + " by ',' (spaces and one leading or trailing ',' are ignored)",
                    v -> MOUNT_FS.matcher(normalizeMountFs(v)).matches())),
            Map.entry("var_timezone", new Rule("'host' or a time zone such as Europe/Berlin",
                    KeyRules::isZone)),
            Map.entry("var_container_storage", new Rule("a storage id (pve-storage-id:"
                    + " a-z first, then a-z, 0-9, '.', '_', '-', not ending in '.', '_', '-')",
                    v -> STORAGE.matcher(v).matches())),
            Map.entry("var_template_storage", new Rule("a storage id (pve-storage-id:"
                    + " a-z first, then a-z, 0-9, '.', '_', '-', not ending in '.', '_', '-')",
                    v -> STORAGE.matcher(v).matches())),
            Map.entry("var_apt_cacher_ip", new Rule("a host or URL: [http(s)://]host[:port][/path]",
                    v -> CACHER.matcher(v).matches())),
            Map.entry("var_http_proxy", new Rule("an http:// or https:// URL without spaces",
                    v -> PROXY.matcher(v).matches())),
            Map.entry("var_http_no_proxy", new Rule("a comma-separated list of hosts"
                    + " (a-z, A-Z, 0-9, '.', '*', '_', ':', '/', '-')",
                    v -> NO_PROXY.matcher(v).matches())),
            Map.entry("var_inherit_host_ca", new Rule("yes, no or auto (yes/no in any boolean"
                    + " spelling)", v -> "auto".equalsIgnoreCase(v) || Bools.parse(v).isPresent())),
            Map.entry("var_post_install", new Rule("an absolute path without ';', '$(', '`',"
                    + " '&&' or '||'", KeyRules::isHookPath)),
            Map.entry("var_os", new Rule("an OS name of a-z, 0-9, '.', '_', '-'",
                    v -> OS_NAME.matcher(v).matches())),
            Map.entry("var_version", new Rule("a version of letters, digits, '.', '_', '-'",
                    v -> OS_VERSION.matcher(v).matches())),
            Map.entry("var_ctid", new Rule("an integer from 100 to 999999999",
                    v -> intIn(v, 100, 999_999_999))));

    private KeyRules() {
    }

    /**
     * The warning for an unknown key, the same in every layer (file, environment, explicit).
     *
     * @param key the unknown key
     * @return e.g. {@code unknown key (not in build.func's whitelist); ignored; did you mean var_cpu?}
     */
    public static String unknownKeyMessage(String key) {
        return "unknown key (not in build.func's whitelist); ignored" + io.github.proxmoxlxc.core.config.VarsKeys
                .suggest(key).map(s -> "; did you mean " + s + "?").orElse("");
    }

    /**
     * The warning for a key that is accepted but changes nothing yet.
     *
     * @param key the key
     * @return the text
     */
    public static String notYetImplementedMessage(String key) {
        return "accepted for build.func compatibility but not implemented yet: it changes nothing in the"
                + " container this creates";
    }

    /**
     * The rule a key's value must satisfy, in words.
     *
     * @param key a known key
     * @return the rule, or empty for keys that take any text
     */
    public static Optional<String> rule(String key) {
        if (BOOL_01.contains(key) || BOOL_YES_NO.contains(key)) {
            return Optional.of(Bools.RULE);
        }
        return Optional.ofNullable(RULES.get(key)).map(r -> r.text);
    }

    /**
     * Checks a non-empty value against its key's rule.
     *
     * @param key a known key
     * @param value the value (never executed or interpolated)
     * @return the broken rule in words, or empty when the value is valid
     */
    public static Optional<String> violatedRule(String key, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\t') {
                return Optional.of("no control characters (found U+"
                        + String.format(Locale.ROOT, "%04X", (int) c) + ")");
            }
        }
        if (BOOL_01.contains(key) || BOOL_YES_NO.contains(key)) {
            return Bools.parse(value).isPresent() ? Optional.empty() : Optional.of(Bools.RULE);
        }
        Rule rule = RULES.get(key);
        if (rule == null || rule.test.test(value)) {
            return Optional.empty();
        }
        return Optional.of(rule.text);
    }

    /**
     * The form build.func reads for a value: booleans in the key's own spelling ({@code 0}/{@code 1}
     * or {@code yes}/{@code no}); other values unchanged.
     *
     * @param key the key
     * @param value a valid value
     * @return the value as build.func expects it
     */
    public static String canonical(String key, String value) {
        Optional<Boolean> b = Bools.parse(value);
        if (b.isPresent() && BOOL_01.contains(key)) {
            return b.get() ? "1" : "0";
        }
        if (b.isPresent() && (BOOL_YES_NO.contains(key) || "var_inherit_host_ca".equals(key))) {
            return b.get() ? "yes" : "no";
        }
        if ("var_inherit_host_ca".equals(key)) {
            return value.toLowerCase(Locale.ROOT);
        }
        return value;
    }

    /**
     * The file systems of a {@code var_mount_fs} value, as build.func normalises it: spaces
     * removed, one leading and one trailing comma stripped.
     *
     * @param value the raw value
     * @return the normalised comma-separated list
     */
    public static String normalizeMountFs(String value) {
        String v = value.replace(" ", "");
        if (v.startsWith(",")) {
            v = v.substring(1);
        }
        if (v.endsWith(",")) {
            v = v.substring(0, v.length() - 1);
        }
        return v;
    }

    /**
     * Whether a value is a dotted IPv4 address with octets of at most 255.
     *
     * @param v the value
     * @return true when valid
     */
    public static boolean isIpv4(String v) {
        Matcher m = IPV4.matcher(v);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a value is an IPv4 address with a prefix of 1 to 32.
     *
     * @param v the value
     * @return true when valid
     */
    public static boolean isIpv4Cidr(String v) {
        Matcher m = IPV4_CIDR.matcher(v);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        int prefix = Integer.parseInt(m.group(5));
        return prefix >= 1 && prefix <= 32;
    }

    private static boolean isNet(String v) {
        if ("dhcp".equals(v) || isIpv4Cidr(v)) {
            return true;
        }
        int dash = v.indexOf('-');
        return dash > 0 && isIpv4Cidr(v.substring(0, dash)) && isIpv4Cidr(v.substring(dash + 1));
    }

    private static boolean intIn(String v, long min, long max) {
        if (!DIGITS.matcher(v).matches() || v.length() > 12) {
            return false;
        }
        long n = Long.parseLong(v);
        return n >= min && n <= max;
    }

    private static boolean isHostname(String v) {
        if (v.length() > 253) {
            return false;
        }
        for (String label : v.split("\\.", -1)) {
            if (label.length() > 63 || !LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZone(String v) {
        if ("host".equals(v)) {
            return true;
        }
        return ZONE.matcher(v).matches() && ZoneId.getAvailableZoneIds().contains(v);
    }

    private static boolean isHookPath(String v) {
        return v.startsWith("/") && !v.contains(";") && !v.contains("$(") && !v.contains("`")
                && !v.contains("&&") && !v.contains("||");
    }

    private static final class Rule {
        final String text;
        final Predicate<String> test;

        Rule(String text, Predicate<String> test) {
            this.text = text;
            this.test = test;
        }
    }
}
