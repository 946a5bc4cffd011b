package io.github.proxmoxlxc.testkit.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates request parameters against a schema {@code parameters} object with the wording of
 * PVE's JSONSchema.pm. Values are {@code String} (form / query), {@code List} (a repeated form
 * key), or {@code Boolean}/{@code Number}/{@code String} from a JSON body.
 */
public final class ParamValidator {

    private static final Pattern INDEXED = Pattern.compile("([a-z]+)(\\d+)");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+|\\d*\\.\\d+|\\d+\\.\\d*)([eE][+-]?\\d+)?");
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private ParamValidator() {
    }

    /** Highest index + 1 of {@code xxx[n]} parameters (ct: LXC/Config.pm). */
    static int indexLimit(String base) {
        return base.equals("net") ? 32 : 256;
    }

    /**
     * Finds the schema property for a parameter name, resolving {@code net0} to {@code net[n]}.
     *
     * @return the property schema, or null if the name is not defined
     */
    public static JsonNode property(JsonNode parameters, String name) {
        JsonNode props = parameters.path("properties");
        JsonNode p = props.get(name);
        if (p != null) {
            return p;
        }
        Matcher m = INDEXED.matcher(name);
        if (m.matches()) {
            JsonNode idx = props.get(m.group(1) + "[n]");
            if (idx != null && m.group(2).length() <= 3 && Integer.parseInt(m.group(2)) < indexLimit(m.group(1))
                    && (m.group(2).equals("0") || !m.group(2).startsWith("0"))) {
                return idx;
            }
        }
        return null;
    }

    /** Validates all parameters; returns the per-field errors (empty when valid), in Proxmox wording. */
    public static Map<String, String> validate(JsonNode parameters, Map<String, Object> params) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : params.entrySet()) {
            JsonNode prop = property(parameters, e.getKey());
            if (prop == null) {
                if (parameters.path("additionalProperties").asInt(1) == 0) {
                    errors.put(e.getKey(),
                            "property is not defined in schema and the schema does not allow additional properties");
                }
                continue;
            }
            String err = checkValue(prop, e.getValue(), false);
            if (err != null) {
                errors.put(e.getKey(), err);
            }
            // JSONSchema.pm check_object: a string 'requires' names a property that must be given too
            String requires = prop.path("requires").isTextual() ? prop.path("requires").asText() : null;
            if (requires != null && params.get(requires) == null) {
                errors.put(requires, "missing property required by '" + e.getKey() + "'");
            }
        }
        for (Map.Entry<String, JsonNode> p : parameters.path("properties").properties()) {
            if (p.getKey().endsWith("[n]") || p.getValue().path("optional").asInt(0) != 0) {
                continue;
            }
            if (!params.containsKey(p.getKey())) {
                errors.put(p.getKey(), "property is missing and it is not optional");
            }
        }
        return errors;
    }

    /** Checks one value against one property schema; {@code inPropertyString} relaxes booleans. */
    static String checkValue(JsonNode prop, Object value, boolean inPropertyString) {
        String type = prop.path("type").asText("string");
        if (value instanceof List<?>) {
            return "type check ('" + type + "') failed - got ARRAY";
        }
        String s;
        switch (type) {
            case "boolean":
                if (value instanceof Boolean) {
                    return null;
                }
                s = String.valueOf(value);
                if (inPropertyString ? s.matches("(?i)1|on|yes|true|0|off|no|false") : s.equals("0") || s.equals("1")) {
                    return null;
                }
                return "type check ('boolean') failed - got '" + s + "'";
            case "integer":
                s = String.valueOf(value);
                if (!INTEGER.matcher(s).matches()) {
                    return "type check ('integer') failed - got '" + s + "'";
                }
                return bounds(prop, new BigDecimal(s.startsWith("+") ? s.substring(1) : s));
            case "number":
                s = String.valueOf(value);
                if (!NUMBER.matcher(s).matches()) {
                    return "type check ('number') failed - got '" + s + "'";
                }
                return bounds(prop, new BigDecimal(s.startsWith("+") ? s.substring(1) : s));
            default:
                s = String.valueOf(value);
                break;
        }
        JsonNode format = prop.get("format");
        if (format != null && format.isObject()) {
            String err = checkPropertyString(format, s);
            if (err != null) {
                return err;
            }
        } else if (format != null && format.isTextual()) {
            String err = Formats.check(format.asText(), s);
            if (err != null) {
                return "invalid format - " + err;
            }
        }
        if (prop.has("maxLength") && s.length() > prop.get("maxLength").asInt()) {
            return "value may only be " + prop.get("maxLength").asInt() + " characters long";
        }
        if (prop.has("minLength") && s.length() < prop.get("minLength").asInt()) {
            return "value must be at least " + prop.get("minLength").asInt() + " characters long";
        }
        if (prop.has("pattern") && !pattern(prop.get("pattern").asText()).matcher(s).matches()) {
            return "value does not match the regex pattern";
        }
        if (prop.has("enum")) {
            List<String> allowed = new ArrayList<>();
            prop.get("enum").forEach(n -> allowed.add(n.asText()));
            if (!allowed.contains(s)) {
                return "value '" + s + "' does not have a value in the enumeration '" + String.join(", ", allowed) + "'";
            }
        }
        return null;
    }

    private static String bounds(JsonNode prop, BigDecimal v) {
        if (prop.has("minimum") && v.compareTo(new BigDecimal(prop.get("minimum").asText())) < 0) {
            return "value must have a minimum value of " + prop.get("minimum").asText();
        }
        if (prop.has("maximum") && v.compareTo(new BigDecimal(prop.get("maximum").asText())) > 0) {
            return "value must have a maximum value of " + prop.get("maximum").asText();
        }
        return null;
    }

    /** Compiles a Perl {@code qr//} stringification, anchored. */
    static Pattern pattern(String perl) {
        return PATTERNS.computeIfAbsent(perl, p -> Pattern.compile(p.replace("(?^:", "(?:")));
    }

    /** Validates a property string (e.g. {@code net0}); returns the error or null. */
    static String checkPropertyString(JsonNode format, String value) {
        Map<String, String> parsed;
        try {
            parsed = parsePropertyString(format, value);
        } catch (IllegalArgumentException e) {
            return "invalid format - " + e.getMessage();
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> e : parsed.entrySet()) {
            String err = checkValue(format.get(e.getKey()), e.getValue(), true);
            if (err != null) {
                lines.add(e.getKey() + ": " + err);
            }
        }
        for (Map.Entry<String, JsonNode> f : format.properties()) {
            if (f.getValue().path("optional").asInt(0) == 0 && !f.getValue().has("alias") && !parsed.containsKey(f.getKey())) {
                lines.add(f.getKey() + ": property is missing and it is not optional");
            }
        }
        return lines.isEmpty() ? null : "invalid format - format error\n" + String.join("\n", lines);
    }

    /**
     * Splits a property string into its sub-keys, applying the {@code default_key} and aliases.
     *
     * @throws IllegalArgumentException with JSONSchema.pm's text on a malformed string
     */
    public static Map<String, String> parsePropertyString(JsonNode format, String value) {
        String defaultKey = null;
        for (Map.Entry<String, JsonNode> f : format.properties()) {
            if (f.getValue().path("default_key").asInt(0) != 0) {
                defaultKey = f.getKey();
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : value.split(",")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String k;
            String v;
            if (eq >= 0) {
                k = part.substring(0, eq);
                v = part.substring(eq + 1);
            } else if (defaultKey != null && !out.containsKey(defaultKey)) {
                k = defaultKey;
                v = part;
            } else {
                throw new IllegalArgumentException("value without key, but schema does not define a default key");
            }
            JsonNode sub = format.get(k);
            if (sub == null) {
                throw new IllegalArgumentException("invalid key in comma-separated list property: " + k);
            }
            if (sub.has("alias")) {
                k = sub.get("alias").asText();
            }
            if (out.containsKey(k)) {
                throw new IllegalArgumentException("duplicate key in comma-separated list property: " + k);
            }
            out.put(k, v);
        }
        return out;
    }
}
