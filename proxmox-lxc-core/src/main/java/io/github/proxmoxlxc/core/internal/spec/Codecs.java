package io.github.proxmoxlxc.core.internal.spec;

import io.github.proxmoxlxc.core.spec.Arch;
import io.github.proxmoxlxc.core.spec.ConsoleMode;
import io.github.proxmoxlxc.core.spec.DeviceEntry;
import io.github.proxmoxlxc.core.spec.Features;
import io.github.proxmoxlxc.core.spec.MountPoint;
import io.github.proxmoxlxc.core.spec.NetworkInterface;
import io.github.proxmoxlxc.core.spec.OsType;
import io.github.proxmoxlxc.core.spec.RootFs;
import io.github.proxmoxlxc.core.spec.Startup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The value codecs of the option table: wire text to typed value and back. */
public final class Codecs {
    /** Shown in place of secrets. */
    public static final String MASK = "***";

    /** One codec: the value's Java type, how it prints and how it parses. */
    public interface Codec {
        /**
         * The Java type of a value.
         *
         * @return the type
         */
        Class<?> type();

        /**
         * The wire text.
         *
         * @param value the typed value
         * @param forRequest false to mask secrets
         * @return the text
         */
        String print(Object value, boolean forRequest);

        /**
         * Parses a wire text read from a node ({@code GET .../config}): formats are checked, but a
         * sub-key of a property string that this version does not know (a newer Proxmox's) is
         * ignored rather than refused ({@link SpecCodec#unknownSubKeys} lists them).
         *
         * @param key the key, for violations
         * @param text the text
         * @param c where problems go
         * @return the value, or null when it could not be parsed (a violation was added)
         * @throws io.github.proxmoxlxc.core.spec.InvalidSpecException when a property string is malformed
         */
        Object parse(String key, String text, Checks c);

        /**
         * The sub-keys this version knows, for a property string.
         *
         * @return the keys; empty for a value that is not a property string of sub-keys
         */
        default Set<String> subKeys() {
            return Set.of();
        }
    }

    /** Parses with a checks sink. */
    @FunctionalInterface
    private interface Parser {
        Object parse(String key, String text, Checks c);
    }

    private static Codec of(Class<?> type, Function<Object, String> print, Parser parse) {
        return of(type, print, parse, Set.of());
    }

    private static Codec of(Class<?> type, Function<Object, String> print, Parser parse, Set<String> subKeys) {
        return new Codec() {
            @Override
            public Class<?> type() {
                return type;
            }

            @Override
            public String print(Object value, boolean forRequest) {
                return print.apply(value);
            }

            @Override
            public Object parse(String key, String text, Checks c) {
                return parse.parse(key, text, c);
            }

            @Override
            public Set<String> subKeys() {
                return subKeys;
            }
        };
    }

    static final Codec STRING = of(String.class, v -> (String) v, (k, v, c) -> v);
    static final Codec INT = of(Integer.class, v -> Integer.toString((Integer) v), PropertyStrings::parseInt);
    static final Codec NUMBER = of(Double.class, v -> PropertyStrings.formatNumber((Double) v),
            PropertyStrings::parseNumber);
    static final Codec BOOL = of(Boolean.class, v -> PropertyStrings.bool((Boolean) v), (k, v, c) -> {
        if (v.equals("1") || v.equals("0")) {
            return v.equals("1");
        }
        c.add(k, v, "must be 0 or 1");
        return null;
    });
    static final Codec OSTYPE = of(OsType.class, v -> ((OsType) v).wireName(), (k, v, c) -> OsType.parse(v));
    static final Codec ARCH = of(Arch.class, v -> ((Arch) v).wireName(), (k, v, c) -> Arch.parse(v));
    static final Codec CMODE = of(ConsoleMode.class, v -> ((ConsoleMode) v).wireName(),
            (k, v, c) -> ConsoleMode.parse(v));
    static final Codec ROOTFS = of(RootFs.class, v -> MountCodec.printUnchecked((RootFs) v),
            (k, v, c) -> MountCodec.parseRootFs(k, v, new LinkedHashMap<>()), MountCodec.ROOT_KEYS);
    static final Codec FEATURES = of(Features.class, v -> FeaturesCodec.printUnchecked((Features) v),
            (k, v, c) -> FeaturesCodec.parse(k, v, new LinkedHashMap<>()), FeaturesCodec.KEYS);
    static final Codec STARTUP = of(Startup.class, v -> StartupCodec.printUnchecked((Startup) v),
            (k, v, c) -> StartupCodec.parse(k, v));
    static final Codec MP = of(MountPoint.class, v -> MountCodec.printUnchecked((MountPoint) v),
            (k, v, c) -> MountCodec.parseMountPoint(k, v, new LinkedHashMap<>()), MountCodec.MP_KEYS);
    static final Codec NET = of(NetworkInterface.class, v -> NetCodec.printUnchecked((NetworkInterface) v),
            (k, v, c) -> NetCodec.parse(k, v, new LinkedHashMap<>()), NetCodec.KEYS);
    static final Codec DEV = of(DeviceEntry.class, v -> DevCodec.printUnchecked((DeviceEntry) v),
            (k, v, c) -> DevCodec.parse(k, v, new LinkedHashMap<>()), DevCodec.KEYS);
    static final Codec SECRET = new Codec() {
        @Override
        public Class<?> type() {
            return String.class;
        }

        @Override
        public String print(Object value, boolean forRequest) {
            return forRequest ? (String) value : MASK;
        }

        @Override
        public Object parse(String key, String text, Checks c) {
            return text;
        }
    };
    static final Codec ENV = of(Map.class, v -> {
        List<String> pairs = new ArrayList<>();
        ((Map<?, ?>) v).forEach((k, x) -> pairs.add(k + "=" + x));
        return String.join("\0", pairs);
    }, (k, v, c) -> {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : v.split("\0")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                c.add(k, Formats.printable(v), "must be NAME=value pairs separated by NUL");
                return null;
            }
            m.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return m;
    });

    private Codecs() {
    }

    /** A list joined by {@code separator} when sent; split the way Proxmox splits lists when read. */
    static Codec list(String separator) {
        return of(List.class, v -> String.join(separator, castList(v)), (k, v, c) -> SpecCodec.splitList(v));
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object v) {
        return (List<String>) v;
    }
}
