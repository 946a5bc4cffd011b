package io.github.proxmoxlxc.core.internal.spec;

import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.core.spec.InvalidSpecException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Renders a spec to create parameters and a {@code pct} command, and decodes a config read back. */
public final class SpecCodec {
    /** Shown in place of secrets. */
    public static final String MASK = Codecs.MASK;
    private static final Pattern LIST_SPLIT = Pattern.compile("[,; \\s]+");
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

    private SpecCodec() {
    }

    /**
     * The create parameters in a stable order.
     *
     * @param s the spec
     * @param forRequest true for the real request (checks vmid and ostemplate, includes the
     *     password); false for {@code toString} (masks the password)
     * @return an unmodifiable ordered map
     */
    public static Map<String, String> toParameters(ContainerSpec s, boolean forRequest) {
        if (forRequest) {
            Checks c = new Checks();
            if (s.vmid().isEmpty() && !s.rawOptions().containsKey("vmid")) {
                c.add("vmid", "", "is required to render create parameters");
            }
            if (s.osTemplate().isEmpty() && !s.rawOptions().containsKey("ostemplate")) {
                c.add("ostemplate", "", "is required to render create parameters");
            }
            c.throwIfAny();
        }
        Map<String, String> m = new LinkedHashMap<>(typedParameters(s, forRequest));
        s.rawOptions().forEach((k, v) -> m.put(k, !forRequest && k.equals("password") ? MASK : v));
        if (!forRequest) {
            m.replaceAll((k, v) -> Formats.printable(v));
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * The parameters set through typed setters (no raw options), in the option table's order.
     *
     * @param s the spec
     * @param forRequest false to mask the password
     * @return a mutable ordered map
     */
    public static Map<String, String> typedParameters(ContainerSpec s, boolean forRequest) {
        Map<String, String> m = new LinkedHashMap<>();
        for (LxcOption o : LxcOption.settable()) {
            Object v = SpecAccess.get(s, o);
            if (v == null) {
                continue;
            }
            if (o.kind() == LxcOption.Kind.INDEXED) {
                ((Map<?, ?>) v).forEach((i, x) -> m.put(o.wire() + i, o.codec().print(x, forRequest)));
            } else {
                m.put(o.wire(), o.codec().print(v, forRequest));
            }
        }
        return m;
    }

    /**
     * The {@code pct create} command line.
     *
     * @param s the spec
     * @return the command
     */
    public static String toPctCommand(ContainerSpec s) {
        Map<String, String> p = new LinkedHashMap<>(toParameters(s, true));
        StringBuilder sb = new StringBuilder("pct create ");
        sb.append(quote(p.remove("vmid"))).append(' ').append(quote(p.remove("ostemplate")));
        String env = p.remove("env");
        for (Map.Entry<String, String> e : p.entrySet()) {
            sb.append(" --").append(e.getKey()).append(' ');
            if (e.getKey().equals("password")) {
                sb.append(quote(MASK));
            } else if (e.getKey().equals("ssh-public-keys")) {
                // pct reads SSH keys from a file: feed them through process substitution
                sb.append("<(printf '%s\\n'");
                for (String k : e.getValue().split("\n", -1)) {
                    sb.append(' ').append(quote(k));
                }
                sb.append(')');
            } else {
                sb.append(quote(e.getValue()));
            }
        }
        if (env != null) {
            sb.append("\n# env (NUL-separated, cannot be passed on a command line; set it through the API): ")
                    .append(Formats.printable(env.replace('\0', ' ')));
        }
        return sb.toString();
    }

    /**
     * Quotes a word for a POSIX shell: unchanged when it holds only safe characters, otherwise in
     * single quotes with embedded single quotes as {@code '\''}.
     *
     * @param v the word
     * @return the quoted word
     */
    public static String quote(String v) {
        if (!v.isEmpty() && SHELL_SAFE.matcher(v).matches()) {
            return v;
        }
        return "'" + v.replace("'", "'\\''") + "'";
    }

    /**
     * Decodes a configuration into a builder (values as strings).
     *
     * @param config the configuration
     * @param b the builder to fill
     * @return the builder
     * @throws InvalidSpecException naming every key that cannot be decoded
     */
    public static ContainerSpec.Builder decodeConfig(Map<String, String> config, ContainerSpec.Builder b) {
        Checks c = new Checks();
        config.forEach((k, value) -> {
            if (k == null || value == null) {
                return;
            }
            String v = k.equals("description") ? withoutMarkers(value) : value;
            if (v.isEmpty() && k.equals("description")) {
                return;
            }
            try {
                decodeOne(k, v, b, c);
            } catch (InvalidSpecException e) {
                c.addAll(e);
            }
        });
        c.throwIfAny();
        return b;
    }

    /**
     * The sub-keys of property-string options ({@code rootfs}, {@code mpN}, {@code netN},
     * {@code features}, {@code devN}) in a configuration read from a node that this version does
     * not know: a newer pve-container's, which {@link #decodeConfig} ignores.
     *
     * @param config the configuration
     * @return option key to its unknown sub-keys and raw values, in config order; empty when none
     */
    public static Map<String, Map<String, String>> unknownSubKeys(Map<String, String> config) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        config.forEach((k, v) -> {
            if (k == null || v == null) {
                return;
            }
            LxcOption.forKey(k).filter(LxcOption::decoded).ifPresent(o -> {
                Set<String> known = o.codec().subKeys();
                Map<String, String> unknown = known.isEmpty() ? Map.of() : PropertyStrings.unknownParts(v, known);
                if (!unknown.isEmpty()) {
                    out.put(k, unknown);
                }
            });
        });
        return out;
    }

    /**
     * A value to write over an option of a node's configuration, with the sub-keys of the value
     * there that this version does not know appended, so that rewriting an option keeps what a
     * newer pve-container added and this library cannot judge. Parts with control characters are
     * not carried over.
     *
     * @param key the option, e.g. {@code net0}
     * @param wanted the value to write
     * @param current the value in the node's configuration, or null
     * @return {@code wanted}, with the unknown sub-keys of {@code current} appended
     */
    public static String keepUnknownSubKeys(String key, String wanted, String current) {
        Set<String> known = LxcOption.forKey(key).filter(LxcOption::decoded).map(o -> o.codec().subKeys())
                .orElse(Set.of());
        if (current == null || known.isEmpty()) {
            return wanted;
        }
        StringBuilder sb = new StringBuilder(wanted);
        PropertyStrings.unknownParts(current, known).forEach((k, v) -> {
            if (!Formats.hasControl(k) && !Formats.hasControl(v)) {
                sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v);
            }
        });
        return sb.toString();
    }

    /**
     * A description without the provisioner's ownership marker lines ({@code <!-- proxmox-lxc ... -->}):
     * they are bookkeeping of the container, not part of a spec, and copying them into another
     * container would copy the proof of ownership.
     *
     * @param description the description as stored
     * @return the rest, without trailing empty lines
     */
    public static String withoutMarkers(String description) {
        List<String> kept = new ArrayList<>();
        for (String l : description.split("\n", -1)) {
            if (!isMarker(l)) {
                kept.add(l);
            }
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isEmpty()) {
            kept.remove(kept.size() - 1);
        }
        return String.join("\n", kept);
    }

    /**
     * Whether a description line is an ownership marker.
     *
     * @param line one line
     * @return true for {@code <!-- proxmox-lxc ... -->}
     */
    public static boolean isMarker(String line) {
        String l = line.strip();
        return l.startsWith("<!-- proxmox-lxc ") && l.endsWith(" -->");
    }

    private static void decodeOne(String k, String v, ContainerSpec.Builder b, Checks c) {
        Optional<LxcOption> o = LxcOption.forKey(k);
        if (o.isEmpty() || !o.get().decoded()) {
            return; // digest, lock, lxc, unusedN, parent, snapshots...: server-managed
        }
        Object value = o.get().codec().parse(k, v, c);
        if (value != null) {
            SpecAccess.set(b, o.get(), o.get().kind() == LxcOption.Kind.INDEXED ? LxcOption.index(k) : -1, value);
        }
    }

    /**
     * Splits a list the way Proxmox does ({@code \0} if present, else {@code [,; \s]+}).
     *
     * @param v the value
     * @return the non-empty items
     */
    public static List<String> splitList(String v) {
        List<String> out = new ArrayList<>();
        for (String x : v.indexOf('\0') >= 0 ? v.split("\0") : LIST_SPLIT.split(v)) {
            if (!x.isEmpty()) {
                out.add(x);
            }
        }
        return out;
    }
}
