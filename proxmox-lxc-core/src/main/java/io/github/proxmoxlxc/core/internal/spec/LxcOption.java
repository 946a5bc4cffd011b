package io.github.proxmoxlxc.core.internal.spec;

import static io.github.proxmoxlxc.core.internal.spec.LxcOption.Flag.AS_SET;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.Flag.CREATE;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.Flag.DECODED;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.Flag.UPDATE;

import io.github.proxmoxlxc.core.spec.ContainerSpec;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The option table: one entry per property of {@code POST /nodes/{node}/lxc} and
 * {@code PUT /nodes/{node}/lxc/{vmid}/config} in the official schema. {@link ContainerSpec} stores
 * its values by entry; the encoder, decoder, {@code clear}, diff, validation, root-only rules and the
 * plan's privileges (and so the preflight) iterate this table instead of naming options one by
 * one. Declaration order is the order of the create parameters.
 *
 * <p>Adding an option Proxmox gains is one entry here plus its typed setter and accessor on
 * {@link ContainerSpec}; {@code LxcOptionTest} holds the table against the schema.
 */
public enum LxcOption {
    VMID("vmid", Kind.SCALAR, Apply.CREATE_ONLY, CREATE | UPDATE | DECODED, null, Codecs.INT, SpecValidator::vmid),
    OSTEMPLATE("ostemplate", Kind.SCALAR, Apply.CREATE_ONLY, CREATE, null, Codecs.STRING, SpecValidator::ostemplate,
            -1, SpecPrivileges::ostemplate),
    HOSTNAME("hostname", Kind.SCALAR, Apply.FAST, CREATE | UPDATE | DECODED, "VM.Config.Network", Codecs.STRING,
            SpecValidator::hostname),
    POOL("pool", Kind.SCALAR, Apply.CREATE_ONLY, CREATE | DECODED, null, Codecs.STRING, SpecValidator::pool),
    TAGS("tags", Kind.LIST, Apply.FAST, CREATE | UPDATE | DECODED | AS_SET, "VM.Config.Options", Codecs.list(";"),
            SpecValidator::tags),
    DESCRIPTION("description", Kind.SCALAR, Apply.FAST, CREATE | UPDATE | DECODED, "VM.Config.Options", Codecs.STRING,
            SpecValidator::description),
    OSTYPE("ostype", Kind.SCALAR, Apply.PENDING, CREATE | UPDATE | DECODED, "VM.Config.Options", Codecs.OSTYPE, null),
    ARCH("arch", Kind.SCALAR, Apply.PENDING, CREATE | UPDATE | DECODED, "VM.Config.Options", Codecs.ARCH, null),
    CORES("cores", Kind.SCALAR, Apply.FAST, CREATE | UPDATE | DECODED, "VM.Config.CPU", Codecs.INT,
            (f, v, c) -> NetCodec.range(c, f, (Integer) v, 1, 8192)),
    CPULIMIT("cpulimit", Kind.SCALAR, Apply.HOTPLUG, CREATE | UPDATE | DECODED, "VM.Config.CPU", Codecs.NUMBER,
            SpecValidator::cpulimit),
    CPUUNITS("cpuunits", Kind.SCALAR, Apply.HOTPLUG, CREATE | UPDATE | DECODED, "VM.Config.CPU", Codecs.INT,
            (f, v, c) -> NetCodec.range(c, f, (Integer) v, 0, 500_000)),
    MEMORY("memory", Kind.SCALAR, Apply.HOTPLUG, CREATE | UPDATE | DECODED, "VM.Config.Memory", Codecs.INT,
            (f, v, c) -> NetCodec.range(c, f, (Integer) v, 16, Integer.MAX_VALUE)),
    SWAP("swap", Kind.SCALAR, Apply.HOTPLUG, CREATE | UPDATE | DECODED, "VM.Config.Memory", Codecs.INT,
            (f, v, c) -> NetCodec.range(c, f, (Integer) v, 0, Integer.MAX_VALUE)),
    STORAGE("storage", Kind.SCALAR, Apply.CREATE_ONLY, CREATE, null, Codecs.STRING, SpecValidator::storage),
    ROOTFS("rootfs", Kind.SCALAR, Apply.PENDING, CREATE | UPDATE | DECODED, "VM.Config.Disk", Codecs.ROOTFS,
            SpecValidator::rootfs, -1, SpecPrivileges::rootfs),
    MP("mp", Kind.INDEXED, Apply.HOTPLUG, CREATE | UPDATE | DECODED, "VM.Config.Disk", Codecs.MP, SpecValidator::mp,
            ContainerSpec.MAX_MP_INDEX, SpecPrivileges::mountPoint),
    BWLIMIT("bwlimit", Kind.SCALAR, Apply.CREATE_ONLY, CREATE, null, Codecs.NUMBER, SpecValidator::bwlimit),
    NET("net", Kind.INDEXED, Apply.HOTPLUG, CREATE | UPDATE | DECODED, "VM.Config.Network", Codecs.NET,
            SpecValidator::net, ContainerSpec.MAX_NET_INDEX),
    NAMESERVER("nameserver", Kind.LIST, Apply.PENDING, CREATE | UPDATE | DECODED | AS_SET, "VM.Config.Network",
            Codecs.list(" "), SpecValidator::nameservers),
    SEARCHDOMAIN("searchdomain", Kind.LIST, Apply.PENDING, CREATE | UPDATE | DECODED | AS_SET, "VM.Config.Network",
            Codecs.list(" "), SpecValidator::searchDomains),
    FEATURES("features", Kind.SCALAR, Apply.PENDING, CREATE | UPDATE | DECODED, null, Codecs.FEATURES,
            SpecValidator::features, -1, SpecPrivileges::features),
    DEV("dev", Kind.INDEXED, Apply.HOTPLUG, CREATE | UPDATE | DECODED, null, Codecs.DEV, SpecValidator::dev,
            ContainerSpec.MAX_DEV_INDEX, (s, v) -> Optional.of("configuring device passthrough is only allowed for root@pam")),
    UNPRIVILEGED("unprivileged", Kind.SCALAR, Apply.READ_ONLY, CREATE | UPDATE | DECODED, null, Codecs.BOOL, null),
    ONBOOT("onboot", Kind.SCALAR, Apply.FAST, CREATE | UPDATE | DECODED, "VM.Config.Options", Codecs.BOOL, null),
    STARTUP("startup", Kind.SCALAR, Apply.FAST, CREATE | UPDATE | DECODED, "VM.Config.Options", Codecs.STARTUP,
            SpecValidator::startup),
    PROTECTION("protection", Kind.SCALAR, Apply.FAST, CREATE | UPDATE | DECODED, "VM.Config.Options", Codecs.BOOL,
            null),
    TIMEZONE("timezone", Kind.SCALAR, Apply.PENDING, CREATE | UPDATE | DECODED, "VM.Config.Options", Codecs.STRING,
            SpecValidator::timezone),
    CONSOLE("console", Kind.SCALAR, Apply.PENDING, CREATE | UPDATE | DECODED, "VM.Config.Options", Codecs.BOOL, null),
    TTY("tty", Kind.SCALAR, Apply.PENDING, CREATE | UPDATE | DECODED, "VM.Config.Options", Codecs.INT,
            (f, v, c) -> NetCodec.range(c, f, (Integer) v, 0, 6)),
    CMODE("cmode", Kind.SCALAR, Apply.PENDING, CREATE | UPDATE | DECODED, "VM.Config.Options", Codecs.CMODE, null),
    ENV("env", Kind.ENV, Apply.PENDING, CREATE | UPDATE | DECODED, "VM.Config.Options", Codecs.ENV,
            SpecValidator::environment),
    ENTRYPOINT("entrypoint", Kind.SCALAR, Apply.PENDING, CREATE | UPDATE | DECODED, "VM.Config.Options", Codecs.STRING,
            SpecValidator::entrypoint),
    HOOKSCRIPT("hookscript", Kind.SCALAR, Apply.FAST, CREATE | UPDATE | DECODED, null, Codecs.STRING,
            SpecValidator::hookscript, -1, (s, v) -> Optional.of("changing the hookscript is only allowed for root@pam")),
    PASSWORD("password", Kind.SCALAR, Apply.CREATE_ONLY, CREATE, null, Codecs.SECRET, SpecValidator::password),
    SSH_PUBLIC_KEYS("ssh-public-keys", Kind.LIST, Apply.CREATE_ONLY, CREATE, null, Codecs.list("\n"),
            SpecValidator::sshPublicKeys),
    START("start", Kind.SCALAR, Apply.CREATE_ONLY, CREATE, null, Codecs.BOOL, null),
    RESTORE("restore", Kind.SCALAR, Apply.CREATE_ONLY, CREATE, null, Codecs.BOOL, null),
    UNIQUE("unique", Kind.SCALAR, Apply.CREATE_ONLY, CREATE, null, Codecs.BOOL, null),
    FORCE("force", Kind.SCALAR, Apply.CREATE_ONLY, CREATE, null, Codecs.BOOL, null),
    HA_MANAGED("ha-managed", Kind.SCALAR, Apply.CREATE_ONLY, CREATE, null, Codecs.BOOL, null),
    IGNORE_UNPACK_ERRORS("ignore-unpack-errors", Kind.SCALAR, Apply.CREATE_ONLY, CREATE, null, Codecs.BOOL, null),
    TEMPLATE("template", Kind.SCALAR, Apply.PENDING, CREATE | UPDATE | DECODED, "VM.Config.Options", Codecs.BOOL,
            null),
    DEBUG("debug", Kind.SCALAR, Apply.PENDING, CREATE | UPDATE | DECODED, "VM.Config.Options", Codecs.BOOL, null),
    LOCK("lock", Kind.SCALAR, Apply.FAST, CREATE | UPDATE, "VM.Config.Options", Codecs.STRING, SpecValidator::lock),
    // schema properties a spec does not set: path parameters, update controls, server-managed keys
    NODE("node", Kind.CONTROL, Apply.NONE, CREATE | UPDATE, null, null, null),
    UNUSED("unused", Kind.CONTROL, Apply.NONE, CREATE | UPDATE, null, null, null, 255),
    DELETE("delete", Kind.CONTROL, Apply.NONE, UPDATE, null, null, null),
    DIGEST("digest", Kind.CONTROL, Apply.NONE, UPDATE, null, null, null),
    REVERT("revert", Kind.CONTROL, Apply.NONE, UPDATE, null, null, null);

    /** How a value is held. */
    public enum Kind {
        /** One typed value. */
        SCALAR,
        /** A list of strings joined by a separator. */
        LIST,
        /** {@code env}: names to values, NUL-separated pairs. */
        ENV,
        /** {@code net[n]}, {@code mp[n]}, {@code dev[n]}: typed values by index. */
        INDEXED,
        /** A schema property no spec sets (path parameter, update control, server-managed). */
        CONTROL
    }

    /** How a change reaches a running container (pve-container {@code vmconfig_hotplug_pending}). */
    public enum Apply {
        /** Only on create; a config update cannot change it. */
        CREATE_ONLY,
        /** Written to the config at once ({@code $LXC_FASTPLUG_OPTIONS}). */
        FAST,
        /** Applied to the running container when possible, else pending until restart. */
        HOTPLUG,
        /** Pending until the container restarts. */
        PENDING,
        /** Kept in the config but refused by an update ({@code unable to modify read-only option}). */
        READ_ONLY,
        /** Not an option a spec changes. */
        NONE
    }

    /** Checks one value; {@code field} is the wire name, {@code net0} for an indexed entry. */
    @FunctionalInterface
    public interface Rule {
        /**
         * Adds violations of a value.
         *
         * @param field the field name for violations
         * @param value the typed value
         * @param c where violations go
         */
        void check(String field, Object value, Checks c);
    }

    /** Why only root@pam may set a value (pve-container {@code check_ct_modify_config_perm}). */
    @FunctionalInterface
    public interface RootRule {
        /**
         * The reason a value needs root@pam.
         *
         * @param s the whole spec (some rules depend on other options)
         * @param value the value (one entry of an indexed option)
         * @return the reason, empty when an API token with the privilege suffices
         */
        Optional<String> reason(ContainerSpec s, Object value);
    }

    /** The flags of an entry. */
    interface Flag {
        /** In the create schema. */
        int CREATE = 1;
        /** In the config update schema. */
        int UPDATE = 2;
        /** Read back from a config. */
        int DECODED = 4;
        /** Compared as a set. */
        int AS_SET = 8;
    }

    private static final Pattern INDEXED_KEY = Pattern.compile("([a-z]+)(0|[1-9]\\d{0,2})");
    private static final Map<String, LxcOption> BY_WIRE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(o -> o.wire, o -> o));

    private final String wire;
    private final Kind kind;
    private final Apply apply;
    private final int flags;
    private final String privilege;
    private final Codecs.Codec codec;
    private final Rule rule;
    private final int maxIndex;
    private final RootRule root;

    LxcOption(String wire, Kind kind, Apply apply, int flags, String privilege, Codecs.Codec codec, Rule rule) {
        this(wire, kind, apply, flags, privilege, codec, rule, -1, null);
    }

    LxcOption(String wire, Kind kind, Apply apply, int flags, String privilege, Codecs.Codec codec, Rule rule,
              int maxIndex) {
        this(wire, kind, apply, flags, privilege, codec, rule, maxIndex, null);
    }

    LxcOption(String wire, Kind kind, Apply apply, int flags, String privilege, Codecs.Codec codec, Rule rule,
              int maxIndex, RootRule root) {
        this.root = root;
        this.wire = wire;
        this.kind = kind;
        this.apply = apply;
        this.flags = flags;
        this.privilege = privilege;
        this.codec = codec;
        this.rule = rule;
        this.maxIndex = maxIndex;
    }

    /** The wire name ({@code net} for {@code net[n]}). */
    public String wire() {
        return wire;
    }

    /** The name as the schema spells it: {@code net[n]} for an indexed option. */
    public String schemaName() {
        return maxIndex >= 0 ? wire + "[n]" : wire;
    }

    /** How the value is held. */
    public Kind kind() {
        return kind;
    }

    /** How a change applies to a running container. */
    public Apply apply() {
        return apply;
    }

    /** The Java type of a value (of one entry for an indexed option), {@code Void} for a control. */
    public Class<?> type() {
        return codec == null ? Void.class : codec.type();
    }

    /** Whether the create schema has it. */
    public boolean onCreate() {
        return (flags & CREATE) != 0;
    }

    /** Whether the config update schema has it. */
    public boolean onUpdate() {
        return (flags & UPDATE) != 0;
    }

    /** Whether it is read back from {@code GET .../config} into a spec. */
    public boolean decoded() {
        return (flags & DECODED) != 0;
    }

    /** Whether the container's config keeps it, so that a wanted spec can be compared with it. */
    public boolean inConfig() {
        return onUpdate() && decoded() && kind != Kind.CONTROL && apply != Apply.CREATE_ONLY;
    }

    /** Whether values compare as sets (order and duplicates do not matter to Proxmox). */
    public boolean asSet() {
        return (flags & AS_SET) != 0;
    }

    /**
     * The {@code VM.Config.*} privilege pve-container's {@code check_ct_modify_config_perm} asks for
     * when the option is set on create or update; empty for create-only options (none is checked)
     * and for those with a root@pam rule instead ({@code dev[n]}, {@code features}, {@code hookscript}).
     */
    public Optional<String> privilege() {
        return Optional.ofNullable(privilege);
    }

    /** The highest index of an indexed option, -1 otherwise. */
    public int maxIndex() {
        return maxIndex;
    }

    /** The value's codec; null for a control. */
    public Codecs.Codec codec() {
        return codec;
    }

    /** Checks a value (one entry of an indexed option); nothing for options without rules. */
    public void check(String field, Object value, Checks c) {
        if (rule != null) {
            rule.check(field, value, c);
        }
    }

    /**
     * Why only root@pam may set a value of this option.
     *
     * @param s the spec
     * @param value the value (one entry of an indexed option)
     * @return the reason, empty when the option's privilege suffices
     */
    public Optional<String> rootOnly(ContainerSpec s, Object value) {
        return root == null ? Optional.empty() : root.reason(s, value);
    }

    /** The options a spec can hold (all but the controls), in parameter order. */
    public static List<LxcOption> settable() {
        return SETTABLE;
    }

    private static final List<LxcOption> SETTABLE = Collections.unmodifiableList(Arrays.stream(values())
            .filter(o -> o.kind != Kind.CONTROL).collect(Collectors.toList()));

    /**
     * The entry for a concrete key: {@code memory}, or {@code net3} (index in range).
     *
     * @param key the key
     * @return the entry, empty when the schema has no such property
     */
    public static Optional<LxcOption> forKey(String key) {
        LxcOption o = BY_WIRE.get(key);
        if (o != null) {
            return o.maxIndex >= 0 ? Optional.empty() : Optional.of(o);
        }
        Matcher m = INDEXED_KEY.matcher(key);
        if (m.matches()) {
            LxcOption i = BY_WIRE.get(m.group(1));
            if (i != null && i.maxIndex >= 0 && Integer.parseInt(m.group(2)) <= i.maxIndex) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /**
     * A hint for a misspelt key: the settable option whose wire name is closest (at most two edits).
     *
     * @param key the unknown key
     * @return {@code " (did you mean 'memory'?)"}, or empty text when nothing is close
     */
    public static String suggestion(String key) {
        String best = null;
        int bestDistance = 3;
        for (LxcOption o : SETTABLE) {
            int d = distance(key.replaceAll("\\d+$", ""), o.wire);
            if (d < bestDistance) {
                bestDistance = d;
                best = o.maxIndex >= 0 ? o.wire + "N" : o.wire;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /**
     * The index of a concrete indexed key ({@code net3} gives 3).
     *
     * @param key a key {@link #forKey(String)} maps to an indexed option
     * @return the index
     */
    public static int index(String key) {
        int i = key.length();
        while (i > 0 && Character.isDigit(key.charAt(i - 1))) {
            i--;
        }
        return Integer.parseInt(key.substring(i));
    }
}
