package io.github.proxmoxlxc.core.internal.spec;

import io.github.proxmoxlxc.core.spec.Arch;
import io.github.proxmoxlxc.core.spec.ConsoleMode;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.core.spec.InvalidSpecException;
import io.github.proxmoxlxc.core.spec.OsType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders a spec to create parameters and a {@code pct} command, and decodes a config read back. */
public final class SpecCodec {
    /** Shown in place of secrets. */
    public static final String MASK = "***";
    private static final Pattern INDEXED = Pattern.compile("(net|mp|dev)(\\d{1,3})");
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
            if (s.ostemplate().isEmpty() && !s.rawOptions().containsKey("ostemplate")) {
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
     * The parameters set through typed setters (no raw options), in order.
     *
     * @param s the spec
     * @param forRequest false to mask the password
     * @return a mutable ordered map
     */
    public static Map<String, String> typedParameters(ContainerSpec s, boolean forRequest) {
        Map<String, String> m = new LinkedHashMap<>();
        putInt(m, "vmid", s.vmid());
        put(m, "ostemplate", s.ostemplate());
        put(m, "hostname", s.hostname());
        put(m, "pool", s.pool());
        if (!s.tags().isEmpty()) {
            m.put("tags", String.join(";", s.tags()));
        }
        put(m, "description", s.description());
        put(m, "ostype", s.ostype().map(OsType::wireName));
        put(m, "arch", s.arch().map(Arch::wireName));
        putInt(m, "cores", s.cores());
        putNum(m, "cpulimit", s.cpulimit());
        putInt(m, "cpuunits", s.cpuunits());
        putInt(m, "memory", s.memoryMiB());
        putInt(m, "swap", s.swapMiB());
        put(m, "storage", s.storage());
        put(m, "rootfs", s.rootfs().map(MountCodec::printUnchecked));
        s.mountPoints().forEach((i, v) -> m.put("mp" + i, MountCodec.printUnchecked(v)));
        putNum(m, "bwlimit", s.bwlimit());
        s.networks().forEach((i, v) -> m.put("net" + i, NetCodec.printUnchecked(v)));
        if (!s.nameservers().isEmpty()) {
            m.put("nameserver", String.join(" ", s.nameservers()));
        }
        if (!s.searchDomains().isEmpty()) {
            m.put("searchdomain", String.join(" ", s.searchDomains()));
        }
        put(m, "features", s.features().map(FeaturesCodec::printUnchecked));
        s.devices().forEach((i, v) -> m.put("dev" + i, DevCodec.printUnchecked(v)));
        putBool(m, "unprivileged", s.unprivileged());
        putBool(m, "onboot", s.onboot());
        put(m, "startup", s.startup().map(StartupCodec::printUnchecked));
        putBool(m, "protection", s.protection());
        put(m, "timezone", s.timezone());
        putBool(m, "console", s.console());
        putInt(m, "tty", s.tty());
        put(m, "cmode", s.cmode().map(ConsoleMode::wireName));
        if (!s.environment().isEmpty()) {
            List<String> pairs = new ArrayList<>();
            s.environment().forEach((k, v) -> pairs.add(k + "=" + v));
            m.put("env", String.join("\0", pairs));
        }
        put(m, "entrypoint", s.entrypoint());
        put(m, "hookscript", s.hookscript());
        put(m, "password", s.password().map(p -> forRequest ? p : MASK));
        if (!s.sshPublicKeys().isEmpty()) {
            m.put("ssh-public-keys", String.join("\n", s.sshPublicKeys()));
        }
        putBool(m, "start", s.start());
        putBool(m, "restore", s.restore());
        putBool(m, "unique", s.unique());
        putBool(m, "force", s.force());
        putBool(m, "ha-managed", s.haManaged());
        putBool(m, "ignore-unpack-errors", s.ignoreUnpackErrors());
        putBool(m, "template", s.template());
        putBool(m, "debug", s.debug());
        return m;
    }

    private static void put(Map<String, String> m, String k, Optional<String> v) {
        v.ifPresent(x -> m.put(k, x));
    }

    private static void putInt(Map<String, String> m, String k, OptionalInt v) {
        v.ifPresent(x -> m.put(k, Integer.toString(x)));
    }

    private static void putNum(Map<String, String> m, String k, OptionalDouble v) {
        v.ifPresent(x -> m.put(k, PropertyStrings.formatNumber(x)));
    }

    private static void putBool(Map<String, String> m, String k, Optional<Boolean> v) {
        v.ifPresent(x -> m.put(k, PropertyStrings.bool(x)));
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
        config.forEach((k, v) -> {
            if (k == null || v == null) {
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

    private static void decodeOne(String k, String v, ContainerSpec.Builder b, Checks c) {
        Matcher m = INDEXED.matcher(k);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(2));
            switch (m.group(1)) {
                case "net": b.network(i, NetCodec.parse(k, v)); break;
                case "mp": b.mountPoint(i, MountCodec.parseMountPoint(k, v)); break;
                default: b.device(i, DevCodec.parse(k, v)); break;
            }
            return;
        }
        switch (k) {
            case "vmid": integer(k, v, c, b::vmid); break;
            case "hostname": b.hostname(v); break;
            case "pool": b.pool(v); break;
            case "tags": splitList(v).forEach(b::addTag); break;
            case "description": b.description(v); break;
            case "ostype": b.ostype(OsType.parse(v)); break;
            case "arch": b.arch(Arch.parse(v)); break;
            case "cores": integer(k, v, c, b::cores); break;
            case "cpulimit": number(k, v, c, b::cpulimit); break;
            case "cpuunits": integer(k, v, c, b::cpuunits); break;
            case "memory": integer(k, v, c, b::memoryMiB); break;
            case "swap": integer(k, v, c, b::swapMiB); break;
            case "rootfs": b.rootfs(MountCodec.parseRootFs(k, v)); break;
            case "nameserver": splitList(v).forEach(b::addNameserver); break;
            case "searchdomain": splitList(v).forEach(b::addSearchDomain); break;
            case "features": b.features(FeaturesCodec.parse(k, v)); break;
            case "unprivileged": bool(k, v, c, b::unprivileged); break;
            case "onboot": bool(k, v, c, b::onboot); break;
            case "startup": b.startup(StartupCodec.parse(k, v)); break;
            case "protection": bool(k, v, c, b::protection); break;
            case "timezone": b.timezone(v); break;
            case "console": bool(k, v, c, b::console); break;
            case "tty": integer(k, v, c, b::tty); break;
            case "cmode": b.cmode(ConsoleMode.parse(v)); break;
            case "env": decodeEnv(k, v, b, c); break;
            case "entrypoint": b.entrypoint(v); break;
            case "hookscript": b.hookscript(v); break;
            case "template": bool(k, v, c, b::template); break;
            case "debug": bool(k, v, c, b::debug); break;
            default: break; // digest, lock, lxc, unusedN, parent, snapshots...: server-managed
        }
    }

    private static void decodeEnv(String k, String v, ContainerSpec.Builder b, Checks c) {
        for (String pair : v.split("\0")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                c.add(k, Formats.printable(v), "must be NAME=value pairs separated by NUL");
                return;
            }
            b.putEnvironment(pair.substring(0, eq), pair.substring(eq + 1));
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

    private static void integer(String k, String v, Checks c, java.util.function.IntConsumer sink) {
        Integer i = PropertyStrings.parseInt(k, v, c);
        if (i != null) {
            sink.accept(i);
        }
    }

    private static void number(String k, String v, Checks c, java.util.function.DoubleConsumer sink) {
        Double d = PropertyStrings.parseNumber(k, v, c);
        if (d != null) {
            sink.accept(d);
        }
    }

    private static void bool(String k, String v, Checks c, Consumer<Boolean> sink) {
        if (v.equals("1") || v.equals("0")) {
            sink.accept(v.equals("1"));
        } else {
            c.add(k, v, "must be 0 or 1");
        }
    }
}
