package io.github.proxmoxlxc.core.internal.spec;

import io.github.proxmoxlxc.core.spec.InvalidSpecException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

/**
 * Parses and prints Proxmox property strings ({@code key=value,key=value}) the way
 * {@code PVE::JSONSchema::parse_property_string}/{@code print_property_string} do: blank parts are
 * skipped, a part without {@code =} is the default key's value, keys are unique and known, and
 * printing puts the default key first, then required keys, then the rest, each group sorted.
 */
public final class PropertyStrings {
    private static final Pattern KEY_VALUE = Pattern.compile("([^=]+)=(.+)", Pattern.DOTALL);
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d{1,15}(\\.\\d{0,15})?|\\.\\d{1,15})");

    private PropertyStrings() {
    }

    /**
     * Splits a property string into its keys and values.
     *
     * @param field the parameter name for error messages, e.g. {@code net0}
     * @param input the string
     * @param keys every key the format allows
     * @param defaultKey the key whose value may stand alone, or null
     * @param required keys that must be present
     * @return keys to raw values, in input order
     * @throws InvalidSpecException naming {@code field} on any syntax error
     */
    public static Map<String, String> parse(String field, String input, Set<String> keys, String defaultKey,
            Set<String> required) {
        return parse(field, input, keys, defaultKey, required, null);
    }

    /**
     * Splits a property string into its keys and values; with a sink for unknown keys, a key the
     * format does not list (one a newer Proxmox added) goes there instead of being a violation.
     * Everything else (duplicates, parts without a key or value, control characters, missing
     * required keys) is a violation either way.
     *
     * @param field the parameter name for error messages, e.g. {@code net0}
     * @param input the string
     * @param keys every key the format allows
     * @param defaultKey the key whose value may stand alone, or null
     * @param required keys that must be present
     * @param unknown where unknown keys and their values go, in input order; null to refuse them
     * @return keys to raw values, in input order
     * @throws InvalidSpecException naming {@code field} on any syntax error
     */
    public static Map<String, String> parse(String field, String input, Set<String> keys, String defaultKey,
            Set<String> required, Map<String, String> unknown) {
        Checks c = new Checks();
        Map<String, String> out = new LinkedHashMap<>();
        if (input == null) {
            c.add(field, "null", "must be a property string");
            c.throwIfAny();
        }
        if (Formats.hasControl(input)) {
            c.add(field, Formats.printable(input), "must not contain control characters such as newlines");
            c.throwIfAny();
        }
        for (String part : input.split(",", -1)) {
            if (part.isBlank()) {
                continue;
            }
            var m = KEY_VALUE.matcher(part);
            if (m.matches()) {
                String k = m.group(1);
                if (!keys.contains(k) && unknown != null) {
                    if (unknown.containsKey(k)) {
                        c.add(field, input, "duplicate key '" + k + "'");
                    } else {
                        unknown.put(k, m.group(2));
                    }
                } else if (!keys.contains(k)) {
                    c.add(field, input, "unknown key '" + k + "' (allowed: " + String.join(", ", new TreeMap<>(
                            asMap(keys)).keySet()) + ")");
                } else if (out.containsKey(k)) {
                    c.add(field, input, "duplicate key '" + k + "'");
                } else {
                    out.put(k, m.group(2));
                }
            } else if (part.indexOf('=') < 0) {
                if (defaultKey == null) {
                    c.add(field, input, "value '" + part + "' without a key, and the format has no default key");
                } else if (out.containsKey(defaultKey)) {
                    c.add(field, input, "duplicate key '" + defaultKey + "'");
                } else {
                    out.put(defaultKey, part);
                }
            } else {
                c.add(field, input, "part '" + part + "' has a missing key or value");
            }
        }
        if (c.isEmpty()) {
            for (String r : required) {
                if (!out.containsKey(r)) {
                    c.add(field + "." + r, "", "is required");
                }
            }
        }
        c.throwIfAny();
        return out;
    }

    /**
     * The parts of a property string whose keys a format does not know, without checking anything
     * else (for keeping what a newer Proxmox wrote when a value is rewritten).
     *
     * @param input the string
     * @param keys every key the format knows
     * @return unknown keys to raw values, in input order; empty when there are none
     */
    public static Map<String, String> unknownParts(String input, Set<String> keys) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : input.split(",", -1)) {
            var m = KEY_VALUE.matcher(part);
            if (m.matches() && !keys.contains(m.group(1))) {
                out.putIfAbsent(m.group(1), m.group(2));
            }
        }
        return out;
    }

    private static Map<String, Boolean> asMap(Set<String> keys) {
        Map<String, Boolean> m = new TreeMap<>();
        keys.forEach(k -> m.put(k, Boolean.TRUE));
        return m;
    }

    /**
     * Parses a boolean sub-value as Proxmox does: {@code 1|on|yes|true} and {@code 0|off|no|false},
     * any case.
     *
     * @param field the field for errors
     * @param value the raw value
     * @param c where a violation goes
     * @return the value, or null after recording a violation
     */
    public static Boolean parseBoolean(String field, String value, Checks c) {
        String v = value.toLowerCase(Locale.ROOT);
        switch (v) {
            case "1": case "on": case "yes": case "true":
                return Boolean.TRUE;
            case "0": case "off": case "no": case "false":
                return Boolean.FALSE;
            default:
                c.add(field, value, "must be a boolean (1|0, on|off, yes|no, true|false)");
                return null;
        }
    }

    /**
     * Parses an integer sub-value.
     *
     * @param field the field for errors
     * @param value the raw value
     * @param c where a violation goes
     * @return the value, or null after recording a violation
     */
    public static Integer parseInt(String field, String value, Checks c) {
        if (INTEGER.matcher(value).matches()) {
            long l = Long.parseLong(value);
            if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                return (int) l;
            }
        }
        c.add(field, value, "must be an integer");
        return null;
    }

    /**
     * Parses a boolean sub-value ({@link #parseBoolean}) and hands it to a builder setter.
     *
     * @param field the field for errors
     * @param value the raw value
     * @param c where a violation goes
     * @param setter called with the value unless it was invalid
     */
    public static void readBoolean(String field, String value, Checks c, Consumer<Boolean> setter) {
        Boolean b = parseBoolean(field, value, c);
        if (b != null) {
            setter.accept(b);
        }
    }

    /**
     * Parses an integer sub-value ({@link #parseInt}) and hands it to a builder setter.
     *
     * @param field the field for errors
     * @param value the raw value
     * @param c where a violation goes
     * @param setter called with the value unless it was invalid
     */
    public static void readInt(String field, String value, Checks c, IntConsumer setter) {
        Integer i = parseInt(field, value, c);
        if (i != null) {
            setter.accept(i);
        }
    }

    /**
     * Parses a decimal number sub-value.
     *
     * @param field the field for errors
     * @param value the raw value
     * @param c where a violation goes
     * @return the value, or null after recording a violation
     */
    public static Double parseNumber(String field, String value, Checks c) {
        if (NUMBER.matcher(value).matches()) {
            return Double.valueOf(value);
        }
        c.add(field, value, "must be a number");
        return null;
    }

    /**
     * Prints a number without exponent or trailing zeros ({@code 2}, {@code 1.5}).
     *
     * @param d the number
     * @return its text
     */
    public static String formatNumber(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /**
     * Prints a boolean as {@code 1} or {@code 0}.
     *
     * @param b the value
     * @return the text
     */
    public static String bool(boolean b) {
        return b ? "1" : "0";
    }

    /**
     * Prints values in Proxmox's canonical order.
     *
     * @param values keys to printed values; null values are skipped
     * @param defaultKey the default key, printed without {@code key=}, or null
     * @param required required keys, printed right after the default key
     * @return the property string
     */
    public static String print(Map<String, String> values, String defaultKey, Set<String> required) {
        StringBuilder sb = new StringBuilder();
        Map<String, String> sorted = new TreeMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                sorted.put(k, v);
            }
        });
        if (defaultKey != null && sorted.containsKey(defaultKey)) {
            sb.append(sorted.remove(defaultKey));
        }
        for (String k : List.copyOf(sorted.keySet())) {
            if (required.contains(k)) {
                append(sb, k, sorted.remove(k));
            }
        }
        sorted.forEach((k, v) -> append(sb, k, v));
        return sb.toString();
    }

    private static void append(StringBuilder sb, String k, String v) {
        if (sb.length() > 0) {
            sb.append(',');
        }
        sb.append(k).append('=').append(v);
    }
}
