package io.github.proxmoxlxc.testkit.internal.schema;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes {@code application/x-www-form-urlencoded} data the way pve-http-server does
 * ({@code decode_urlencoded}): pairs split on {@code &} and {@code ;}, {@code +} is a space, and a
 * repeated key becomes a list (which then fails the type check).
 */
public final class Forms {

    private Forms() {
    }

    /** Decodes a query string or form body; values are {@code String} or {@code List<String>}. */
    public static Map<String, Object> decode(String data) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (data == null || data.isEmpty()) {
            return out;
        }
        for (String pair : data.split("[&;]")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = percentDecode(eq < 0 ? pair : pair.substring(0, eq), true);
            String v = eq < 0 ? "" : percentDecode(pair.substring(eq + 1), true);
            Object prev = out.get(k);
            if (prev == null) {
                out.put(k, v);
            } else {
                List<String> list = new ArrayList<>();
                if (prev instanceof List<?> l) {
                    l.forEach(x -> list.add((String) x));
                } else {
                    list.add((String) prev);
                }
                list.add(v);
                out.put(k, list);
            }
        }
        return out;
    }

    /** Percent-decodes UTF-8; with {@code plusIsSpace} a {@code +} becomes a space. Lenient on bad escapes. */
    public static String percentDecode(String s, boolean plusIsSpace) {
        if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) {
            return s;
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    buf.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            if (c == '+' && plusIsSpace) {
                buf.write(' ');
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                buf.write(b, 0, b.length);
            }
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
