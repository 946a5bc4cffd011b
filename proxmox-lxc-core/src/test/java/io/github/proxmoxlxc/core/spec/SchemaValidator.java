package io.github.proxmoxlxc.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small validator of form parameters against the official PVE API schema (test-only, written
 * independently of the main code so that a shared bug cannot hide): types, enums, min/max,
 * min/maxLength, patterns (Perl {@code (?^:} rewritten, anchored), named formats, {@code -list}
 * formats, and nested property-string formats with {@code default_key}.
 */
final class SchemaValidator {
    private static final String RESOURCE = "/io/github/proxmoxlxc/testkit/schema-subset.json";
    private static final Pattern INDEXED = Pattern.compile("([a-z]+)(\\d+)");
    private static final Pattern INT = Pattern.compile("[+-]?\\d+");
    private static final Pattern NUM = Pattern.compile("[+-]?(\\d+(\\.\\d+)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Map<String, Pattern> PATTERNS = new HashMap<>();

    private final JsonNode schema;

    private SchemaValidator(JsonNode schema) {
        this.schema = schema;
    }

    static JsonNode loadSchema() {
        try (InputStream in = SchemaValidator.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing: " + RESOURCE);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SchemaValidator forEndpoint(String key) {
        JsonNode all = loadSchema();
        JsonNode node = all.get(key);
        if (node == null) {
            throw new IllegalArgumentException(key);
        }
        return new SchemaValidator(node.path("parameters"));
    }

    /** The property names of the endpoint, as the schema spells them. */
    Set<String> propertyNames() {
        Set<String> out = new HashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(out::add);
        return out;
    }

    /**
     * Validates a parameter map; path parameters given in {@code pathParams} count as present.
     *
     * @return human-readable violations, empty when valid
     */
    List<String> validate(Map<String, String> params, Set<String> pathParams) {
        List<String> out = new ArrayList<>();
        JsonNode props = schema.path("properties");
        for (Map.Entry<String, String> e : params.entrySet()) {
            JsonNode p = props.get(e.getKey());
            if (p == null) {
                Matcher m = INDEXED.matcher(e.getKey());
                if (m.matches()) {
                    p = props.get(m.group(1) + "[n]");
                }
            }
            if (p == null) {
                out.add(e.getKey() + ": not defined in schema");
                continue;
            }
            checkValue(e.getKey(), e.getValue(), p, out);
        }
        for (Map.Entry<String, JsonNode> e : props.properties()) {
            if (!isTrue(e.getValue().get("optional")) && !params.containsKey(e.getKey())
                    && !pathParams.contains(e.getKey())) {
                out.add(e.getKey() + ": required");
            }
        }
        return out;
    }

    private static boolean isTrue(JsonNode n) {
        return n != null && (n.asInt(0) == 1 || n.asBoolean(false));
    }

    private void checkValue(String name, String v, JsonNode p, List<String> out) {
        String type = p.path("type").asText("string");
        switch (type) {
            case "boolean":
                if (!v.equals("0") && !v.equals("1")) {
                    out.add(name + "=" + v + ": boolean must be 0 or 1");
                }
                return;
            case "integer":
                if (!INT.matcher(v).matches()) {
                    out.add(name + "=" + v + ": not an integer");
                    return;
                }
                range(name, Double.parseDouble(v), p, out);
                break;
            case "number":
                if (!NUM.matcher(v).matches()) {
                    out.add(name + "=" + v + ": not a number");
                    return;
                }
                range(name, Double.parseDouble(v), p, out);
                break;
            default:
                break;
        }
        if (p.has("enum")) {
            boolean ok = false;
            for (JsonNode e : p.get("enum")) {
                ok |= e.asText().equals(v);
            }
            if (!ok) {
                out.add(name + "=" + v + ": not in enum " + p.get("enum"));
            }
        }
        if (p.has("maxLength") && v.length() > p.get("maxLength").asInt()) {
            out.add(name + ": longer than " + p.get("maxLength"));
        }
        if (p.has("minLength") && v.length() < p.get("minLength").asInt()) {
            out.add(name + ": shorter than " + p.get("minLength"));
        }
        if (p.has("pattern") && !pattern(p.get("pattern").asText()).matcher(v).matches()) {
            out.add(name + "=" + v + ": does not match " + p.get("pattern").asText());
        }
        JsonNode format = p.get("format");
        if (format != null) {
            if (format.isObject()) {
                checkPropertyString(name, v, format, out);
            } else {
                checkFormat(name, v, format.asText(), out);
            }
        }
    }

    private static void range(String name, double d, JsonNode p, List<String> out) {
        if (p.has("minimum") && d < p.get("minimum").asDouble()) {
            out.add(name + "=" + d + ": below minimum " + p.get("minimum"));
        }
        if (p.has("maximum") && d > p.get("maximum").asDouble()) {
            out.add(name + "=" + d + ": above maximum " + p.get("maximum"));
        }
    }

    /** Perl qr// stringification to an anchored Java pattern. */
    static Pattern pattern(String perl) {
        return PATTERNS.computeIfAbsent(perl, k -> {
            String j = k.replace("(?^:", "(?:").replaceAll("\\\\0(?![0-7])", "\\\\x00");
            return Pattern.compile("^(?:" + j + ")$");
        });
    }

    private void checkPropertyString(String name, String v, JsonNode format, List<String> out) {
        String defaultKey = null;
        for (Map.Entry<String, JsonNode> e : format.properties()) {
            if (isTrue(e.getValue().get("default_key"))) {
                defaultKey = e.getKey();
            }
        }
        Map<String, String> parsed = new HashMap<>();
        for (String part : v.split(",", -1)) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            String k;
            String val;
            if (eq < 0) {
                if (defaultKey == null) {
                    out.add(name + ": value without key '" + part + "'");
                    continue;
                }
                k = defaultKey;
                val = part;
            } else {
                k = part.substring(0, eq);
                val = part.substring(eq + 1);
                if (k.isEmpty() || val.isEmpty()) {
                    out.add(name + ": missing key or value in '" + part + "'");
                    continue;
                }
            }
            if (parsed.put(k, val) != null) {
                out.add(name + ": duplicate key " + k);
            }
            JsonNode sub = format.get(k);
            if (sub == null) {
                out.add(name + ": invalid key " + k);
                continue;
            }
            if (sub.path("type").asText().equals("boolean")) {
                if (!val.matches("(?i)1|0|on|off|yes|no|true|false")) {
                    out.add(name + "." + k + "=" + val + ": not a boolean");
                }
                continue;
            }
            checkValue(name + "." + k, val, sub, out);
        }
        for (Map.Entry<String, JsonNode> e : format.properties()) {
            if (!isTrue(e.getValue().get("optional")) && !parsed.containsKey(e.getKey())) {
                out.add(name + "." + e.getKey() + ": required");
            }
        }
    }

    private void checkFormat(String name, String v, String format, List<String> out) {
        if (format.endsWith("-list")) {
            String base = format.substring(0, format.length() - 5);
            String[] items = v.indexOf('\0') >= 0 ? v.split("\0") : v.split("[,; \\s]+");
            for (String item : items) {
                if (!item.isEmpty()) {
                    checkFormat(name, item, base, out);
                }
            }
            return;
        }
        if (!formatOk(format, v)) {
            out.add(name + "=" + v + ": not a valid " + format);
        }
    }

    private static boolean formatOk(String format, String v) {
        switch (format) {
            case "pve-vmid": return v.matches("[1-9][0-9]{2,8}");
            case "pve-node": return v.matches("[a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?");
            case "pve-storage-id": return v.matches("(?i)[a-z][a-z0-9\\-_.]*[a-z0-9]");
            case "pve-poolid": return v.matches("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+){0,2}");
            case "pve-tag": return v.matches("(?i)[a-z0-9_][a-z0-9_\\-+.]*");
            case "dns-name":
                return v.matches("([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?\\.)*[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?");
            case "mac-addr": return v.matches("(?i)[a-f0-9][02468ace](:[a-f0-9]{2}){5}");
            case "ipv4": return ipv4(v);
            case "ipv6": return ipv6(v);
            case "lxc-ip-with-ll-iface": {
                int pct = v.indexOf('%');
                return pct > 0 ? ipv6(v.substring(0, pct)) : ipv4(v) || ipv6(v);
            }
            case "pve-ipv4-config": return v.equals("dhcp") || v.equals("manual") || cidr(v, false);
            case "pve-ipv6-config": return v.equals("auto") || v.equals("dhcp") || v.equals("manual") || cidr(v, true);
            case "pve-volume-id": return v.matches("(?i)[a-z][a-z0-9\\-_.]*[a-z0-9]:.+");
            case "pve-ct-timezone": return v.equals("host") || v.matches("[A-Za-z0-9_+\\-]+(/[A-Za-z0-9_+\\-]+)*");
            case "pve-startup-order":
                return v.matches("((order=)?\\d+)?(,up=\\d+)?(,down=\\d+)?|up=\\d+(,down=\\d+)?|down=\\d+");
            case "pve-lxc-dev-string": return v.startsWith("/dev/") && !v.matches(".*/\\.\\.?(/.*)?");
            case "pve-lxc-mp-string":
                return !v.matches(".*/\\.\\.?/.*") && !v.matches(".*/\\.\\.?") && !v.startsWith("../");
            case "disk-size": return v.matches("\\d+(\\.\\d+)?[KMGT]?");
            default: return false;
        }
    }

    private static boolean ipv4(String v) {
        String[] p = v.split("\\.", -1);
        if (p.length != 4) {
            return false;
        }
        for (String o : p) {
            if (!o.matches("0|[1-9]\\d{0,2}") || Integer.parseInt(o) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean ipv6(String v) {
        if (!v.contains(":") || !v.matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        for (String group : v.split(":")) {
            if (group.contains(".") ? !ipv4(group) : group.length() > 4) {
                return false; // InetAddress accepts longer groups and leading zeros, Proxmox does not
            }
        }
        try {
            // a literal with ':' is parsed, never looked up
            return InetAddress.getByName(v) != null; // IPv4-mapped forms come back as Inet4Address
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean cidr(String v, boolean six) {
        int slash = v.indexOf('/');
        if (slash < 0 || !v.substring(slash + 1).matches("\\d{1,3}")) {
            return false;
        }
        int prefix = Integer.parseInt(v.substring(slash + 1));
        String addr = v.substring(0, slash);
        return six ? ipv6(addr) && prefix >= 8 && prefix <= 128 : ipv4(addr) && prefix >= 8 && prefix <= 32;
    }
}
