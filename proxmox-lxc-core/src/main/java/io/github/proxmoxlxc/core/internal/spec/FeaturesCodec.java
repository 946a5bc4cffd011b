package io.github.proxmoxlxc.core.internal.spec;

import io.github.proxmoxlxc.core.spec.Features;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Codec and rules of {@code features}. */
public final class FeaturesCodec {
    /** The sub-keys this version knows. */
    static final Set<String> KEYS = Set.of("force_rw_sys", "fuse", "keyctl", "mknod", "mount", "nesting");

    private FeaturesCodec() {
    }

    /**
     * Decodes and checks a value.
     *
     * @param field the parameter name
     * @param value the property string
     * @return the features
     */
    public static Features parse(String field, String value) {
        return parse(field, value, null);
    }

    /**
     * Decodes and checks a value read from a node: a sub-key this version does not know (one a
     * newer Proxmox added) goes to {@code unknown} instead of being refused.
     *
     * @param field the parameter name
     * @param value the property string
     * @param unknown where unknown sub-keys go; null to refuse them
     * @return the features
     */
    public static Features parse(String field, String value, Map<String, String> unknown) {
        Map<String, String> m = PropertyStrings.parse(field, value, KEYS, null, Set.of(), unknown);
        Checks c = new Checks();
        Features.Builder b = Features.builder();
        m.forEach((k, v) -> {
            String f = field + "." + k;
            switch (k) {
                case "nesting": PropertyStrings.readBoolean(f, v, c, b::nesting); break;
                case "keyctl": PropertyStrings.readBoolean(f, v, c, b::keyctl); break;
                case "fuse": PropertyStrings.readBoolean(f, v, c, b::fuse); break;
                case "mknod": PropertyStrings.readBoolean(f, v, c, b::mknod); break;
                case "force_rw_sys": PropertyStrings.readBoolean(f, v, c, b::forceRwSys); break;
                case "mount": b.mount(List.of(v.split(";", -1))); break;
                default: throw new IllegalStateException(k);
            }
        });
        c.throwIfAny();
        Features r = b.build();
        validate(field, r, c);
        c.throwIfAny();
        return r;
    }

    /**
     * Checks and encodes.
     *
     * @param field the parameter name
     * @param f the features
     * @return the property string
     */
    public static String encode(String field, Features f) {
        Checks c = new Checks();
        validate(field, f, c);
        c.throwIfAny();
        return printUnchecked(f);
    }

    /**
     * Prints without checks.
     *
     * @param f the features
     * @return the property string
     */
    public static String printUnchecked(Features f) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("nesting", f.nesting() ? "1" : null);
        m.put("keyctl", f.keyctl() ? "1" : null);
        m.put("fuse", f.fuse() ? "1" : null);
        m.put("mknod", f.mknod() ? "1" : null);
        m.put("force_rw_sys", f.forceRwSys() ? "1" : null);
        m.put("mount", f.mount().isEmpty() ? null : String.join(";", f.mount()));
        return PropertyStrings.print(m, null, Set.of());
    }

    /**
     * Checks the mount list.
     *
     * @param field the parameter name
     * @param f the features
     * @param c where violations go
     */
    public static void validate(String field, Features f, Checks c) {
        for (String t : f.mount()) {
            if (!Formats.isFsType(t) || t.indexOf(' ') >= 0) {
                c.add(field + ".mount", Formats.printable(t),
                        "must be a file system type of letters, digits and '_' (no ',', '=', ';' or whitespace)");
            }
        }
    }
}
