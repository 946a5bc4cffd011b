package io.github.proxmoxlxc.core.internal.spec;

import io.github.proxmoxlxc.core.spec.DeviceEntry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Codec and rules of {@code dev[n]}. */
public final class DevCodec {
    /** The sub-keys this version knows. */
    static final Set<String> KEYS = Set.of("path", "deny-write", "gid", "mode", "uid");

    private DevCodec() {
    }

    /**
     * Decodes and checks a value.
     *
     * @param field the parameter name
     * @param value the property string
     * @return the entry
     */
    public static DeviceEntry parse(String field, String value) {
        return parse(field, value, null);
    }

    /**
     * Decodes and checks a value read from a node: a sub-key this version does not know (one a
     * newer Proxmox added) goes to {@code unknown} instead of being refused.
     *
     * @param field the parameter name
     * @param value the property string
     * @param unknown where unknown sub-keys go; null to refuse them
     * @return the entry
     */
    public static DeviceEntry parse(String field, String value, Map<String, String> unknown) {
        Map<String, String> m = PropertyStrings.parse(field, value, KEYS, "path", Set.of("path"), unknown);
        Checks c = new Checks();
        DeviceEntry.Builder b = DeviceEntry.builder();
        m.forEach((k, v) -> {
            String f = field + "." + k;
            switch (k) {
                case "path": b.path(v); break;
                case "deny-write": PropertyStrings.readBoolean(f, v, c, b::denyWrite); break;
                case "gid": PropertyStrings.readInt(f, v, c, b::gid); break;
                case "uid": PropertyStrings.readInt(f, v, c, b::uid); break;
                case "mode": b.mode(v); break;
                default: throw new IllegalStateException(k);
            }
        });
        c.throwIfAny();
        DeviceEntry d = b.build();
        validate(field, d, c);
        c.throwIfAny();
        return d;
    }

    /**
     * Checks and encodes.
     *
     * @param field the parameter name
     * @param d the entry
     * @return the property string
     */
    public static String encode(String field, DeviceEntry d) {
        Checks c = new Checks();
        validate(field, d, c);
        c.throwIfAny();
        return printUnchecked(d);
    }

    /**
     * Prints without checks.
     *
     * @param d the entry
     * @return the property string
     */
    public static String printUnchecked(DeviceEntry d) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("path", d.path());
        m.put("deny-write", d.denyWrite() ? "1" : null);
        m.put("gid", d.gid().isPresent() ? Integer.toString(d.gid().getAsInt()) : null);
        m.put("uid", d.uid().isPresent() ? Integer.toString(d.uid().getAsInt()) : null);
        m.put("mode", d.mode().orElse(null));
        return PropertyStrings.print(m, "path", Set.of());
    }

    /**
     * Checks the entry.
     *
     * @param field the parameter name
     * @param d the entry
     * @param c where violations go
     */
    public static void validate(String field, DeviceEntry d, Checks c) {
        String p = d.path();
        if (p.indexOf(',') >= 0 || p.indexOf('=') >= 0 || p.indexOf(';') >= 0 || Formats.hasControl(p)) {
            c.add(field + ".path", Formats.printable(p), "must not contain ',', '=', ';' or control characters");
        } else if (!Formats.isDevPath(p)) {
            c.add(field + ".path", p, "must start with /dev/ and contain no '.' or '..' segments");
        }
        d.uid().ifPresent(v -> NetCodec.range(c, field + ".uid", v, 0, Integer.MAX_VALUE));
        d.gid().ifPresent(v -> NetCodec.range(c, field + ".gid", v, 0, Integer.MAX_VALUE));
        d.mode().ifPresent(v -> {
            if (!Formats.isMode(v)) {
                c.add(field + ".mode", Formats.printable(v), "must be four octal digits starting with 0, e.g. 0660");
            }
        });
    }
}
