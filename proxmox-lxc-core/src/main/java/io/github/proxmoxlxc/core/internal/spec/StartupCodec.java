package io.github.proxmoxlxc.core.internal.spec;

import io.github.proxmoxlxc.core.spec.Startup;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Codec and rules of {@code startup} ({@code pve-startup-order}). */
public final class StartupCodec {
    private static final Pattern PART = Pattern.compile("(order=|up=|down=)?(\\d{1,9})");

    private StartupCodec() {
    }

    /**
     * Decodes a value as {@code PVE::JSONSchema::pve_parse_startup_order} does (a bare number is
     * the order), rejecting repeated parts.
     *
     * @param field the parameter name
     * @param value the string
     * @return the value
     */
    public static Startup parse(String field, String value) {
        Checks c = new Checks();
        if (value == null || Formats.hasControl(value)) {
            c.add(field, value == null ? "null" : Formats.printable(value),
                    "must be [[order=]N][,up=N][,down=N] without control characters");
            c.throwIfAny();
        }
        Startup.Builder b = Startup.builder();
        List<String> seen = new ArrayList<>();
        for (String p : value.split(",", -1)) {
            if (p.isBlank()) {
                continue;
            }
            Matcher m = PART.matcher(p);
            if (!m.matches()) {
                c.add(field, value, "part '" + p + "' must be [order=]N, up=N or down=N");
                continue;
            }
            String key = m.group(1) == null ? "order" : m.group(1).substring(0, m.group(1).length() - 1);
            if (seen.contains(key)) {
                c.add(field, value, "duplicate key '" + key + "'");
                continue;
            }
            seen.add(key);
            int n = Integer.parseInt(m.group(2));
            switch (key) {
                case "order": b.order(n); break;
                case "up": b.up(n); break;
                default: b.down(n); break;
            }
        }
        if (c.isEmpty() && seen.isEmpty()) {
            c.add(field, value, "must set at least one of order, up, down");
        }
        c.throwIfAny();
        return b.build();
    }

    /**
     * Checks and encodes.
     *
     * @param field the parameter name
     * @param s the value
     * @return the string
     */
    public static String encode(String field, Startup s) {
        Checks c = new Checks();
        validate(field, s, c);
        c.throwIfAny();
        return printUnchecked(s);
    }

    /**
     * Prints without checks.
     *
     * @param s the value
     * @return the string
     */
    public static String printUnchecked(Startup s) {
        List<String> parts = new ArrayList<>();
        s.order().ifPresent(v -> parts.add("order=" + v));
        s.up().ifPresent(v -> parts.add("up=" + v));
        s.down().ifPresent(v -> parts.add("down=" + v));
        return String.join(",", parts);
    }

    /**
     * Checks the value.
     *
     * @param field the parameter name
     * @param s the value
     * @param c where violations go
     */
    public static void validate(String field, Startup s, Checks c) {
        if (s.order().isEmpty() && s.up().isEmpty() && s.down().isEmpty()) {
            c.add(field, "", "must set at least one of order, up, down");
        }
        s.order().ifPresent(v -> NetCodec.range(c, field + ".order", v, 0, Integer.MAX_VALUE));
        s.up().ifPresent(v -> NetCodec.range(c, field + ".up", v, 0, Integer.MAX_VALUE));
        s.down().ifPresent(v -> NetCodec.range(c, field + ".down", v, 0, Integer.MAX_VALUE));
    }
}
