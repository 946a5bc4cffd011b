package io.github.proxmoxlxc.core.spec;

import static io.github.proxmoxlxc.core.internal.spec.LxcOption.ARCH;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.BWLIMIT;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.CMODE;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.CONSOLE;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.CORES;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.CPULIMIT;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.CPUUNITS;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.DEBUG;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.DESCRIPTION;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.DEV;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.ENTRYPOINT;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.ENV;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.FEATURES;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.FORCE;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.HA_MANAGED;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.HOOKSCRIPT;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.HOSTNAME;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.IGNORE_UNPACK_ERRORS;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.LOCK;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.MEMORY;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.MP;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.NAMESERVER;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.NET;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.ONBOOT;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.OSTEMPLATE;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.OSTYPE;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.PASSWORD;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.POOL;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.PROTECTION;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.RESTORE;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.ROOTFS;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.SEARCHDOMAIN;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.SSH_PUBLIC_KEYS;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.START;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.STARTUP;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.STORAGE;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.SWAP;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.TAGS;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.TEMPLATE;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.TIMEZONE;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.TTY;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.UNIQUE;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.UNPRIVILEGED;
import static io.github.proxmoxlxc.core.internal.spec.LxcOption.VMID;

import io.github.proxmoxlxc.core.internal.spec.LxcOption;
import io.github.proxmoxlxc.core.internal.spec.SpecAccess;
import io.github.proxmoxlxc.core.internal.spec.SpecCodec;
import io.github.proxmoxlxc.core.internal.spec.SpecDiff;
import io.github.proxmoxlxc.core.internal.spec.SpecPrivileges;
import io.github.proxmoxlxc.core.internal.spec.SpecValidator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything Proxmox VE needs to create one LXC container: the options of
 * {@code POST /nodes/{node}/lxc}, typed and validated.
 *
 * <p>{@link Builder#build()} checks every value against Proxmox's own formats, ranges and enums
 * (plus cross-field rules such as "the gateway lies inside the subnet") and reports <em>all</em>
 * violations at once in an {@link InvalidSpecException}. A value that would change the meaning
 * of a property string ({@code ,} {@code =} {@code ;} or a newline in a bridge, path or tag) is
 * rejected, never escaped. The password is a secret: {@link #toString()}, violations and
 * {@link #toPctCommand()} show {@code ***}.
 *
 * <pre>{@code
 * ContainerSpec spec = ContainerSpec.builder()
 *     .vmid(120).hostname("jellyfin").osTemplate("local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst")
 *     .cores(2).memoryMiB(2048).rootFs("local-lvm", 16)
 *     .addNetwork(NetworkInterface.builder("eth0").bridge("vmbr0").dhcp().build())
 *     .features(Features.nestingOnly())
 *     .build();
 * Map<String, String> form = spec.toParameters();   // vmid=120, ostemplate=..., net0=name=eth0,...
 * }</pre>
 *
 * <p>Every option is described once in an internal option table (wire name, type, codec, whether it
 * can be updated and how a change applies, root@pam rule, {@code VM.Config.*} privilege); the
 * parameters, {@link #fromConfig(Map)}, {@link #differencesFrom(ContainerSpec)}, validation,
 * {@link Builder#clear(String)} and the provisioner's plan all follow it.
 */
public final class ContainerSpec {
    /** Highest {@code net[n]} index. */
    public static final int MAX_NET_INDEX = 31;
    /** Highest {@code mp[n]} index. */
    public static final int MAX_MP_INDEX = 255;
    /** Highest {@code dev[n]} index. */
    public static final int MAX_DEV_INDEX = 255;

    static {
        SpecAccess.install(new SpecAccess.Bridge() {
            @Override
            public Object get(ContainerSpec s, LxcOption o) {
                return s.values.get(o);
            }

            @Override
            public void set(Builder b, LxcOption o, int index, Object value) {
                b.setFromTable(o, index, value);
            }
        });
    }

    /** Values by table entry: typed scalars, unmodifiable lists, maps and sorted maps; nothing empty. */
    private final Map<LxcOption, Object> values;
    private final Map<String, String> rawOptions;

    private ContainerSpec(Builder b) {
        EnumMap<LxcOption, Object> v = new EnumMap<>(LxcOption.class);
        b.values.forEach((o, x) -> {
            Object copy = frozen(o, x);
            if (copy != null) {
                v.put(o, copy);
            }
        });
        this.values = Collections.unmodifiableMap(v);
        this.rawOptions = Collections.unmodifiableMap(new LinkedHashMap<>(b.rawOptions));
    }

    /** An unmodifiable copy, or null for an empty collection (which counts as unset). */
    private static Object frozen(LxcOption o, Object x) {
        switch (o.kind()) {
            case LIST:
                return ((List<?>) x).isEmpty() ? null : List.copyOf((List<?>) x);
            case ENV:
                return ((Map<?, ?>) x).isEmpty() ? null : Collections.unmodifiableMap(new LinkedHashMap<>((Map<?, ?>) x));
            case INDEXED:
                return ((Map<?, ?>) x).isEmpty() ? null
                        : Collections.unmodifiableSortedMap(new TreeMap<>((SortedMap<?, ?>) x));
            default:
                return x;
        }
    }

    /** A mutable copy for a builder. */
    private static Object thawed(LxcOption o, Object x) {
        switch (o.kind()) {
            case LIST:
                return new ArrayList<>((List<?>) x);
            case ENV:
                return new LinkedHashMap<>((Map<?, ?>) x);
            case INDEXED:
                return new TreeMap<>((SortedMap<?, ?>) x);
            default:
                return x;
        }
    }

    /**
     * Starts a new spec.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this spec's values.
     *
     * @return a builder to derive a changed copy
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        values.forEach((o, x) -> b.values.put(o, thawed(o, x)));
        b.rawOptions.putAll(rawOptions);
        return b;
    }

    /**
     * Decodes a container configuration as {@code GET /nodes/{node}/lxc/{vmid}/config} returns it
     * (values as strings), for comparing with a wanted spec. Keys that are not create options or
     * are managed by the server ({@code digest}, {@code lock}, {@code lxc}, {@code unusedN},
     * {@code parent}, snapshot sections) are ignored, and so are the provisioner's ownership marker
     * lines in {@code description} ({@code <!-- proxmox-lxc ... -->}). Formats are checked; cross-field rules are
     * not, since Proxmox itself accepts some of what {@link Builder#build()} refuses (for example a
     * gateway outside the subnet, or overlapping entries of a mount's {@code idmap}).
     *
     * <p>A configuration from a node newer than this library may hold sub-keys this version does not
     * know in {@code rootfs}, {@code mpN}, {@code netN}, {@code features} or {@code devN} (as
     * {@code idmap} was before this version): they are ignored, like unknown top-level keys, so the rest decodes and
     * compares; {@code ensure()} lists them in its result's warnings and keeps them when it rewrites
     * such an option. A value given by a user ({@link RootFs#parse}, {@link MountPoint#parse},
     * {@link NetworkInterface#parse}, ...) still refuses an unknown sub-key.
     *
     * @param config the configuration keys and values
     * @return the decoded spec (without ostemplate, password and other create-only options)
     * @throws InvalidSpecException naming every key whose value cannot be decoded
     */
    public static ContainerSpec fromConfig(Map<String, String> config) {
        Objects.requireNonNull(config, "config");
        Builder b = SpecCodec.decodeConfig(config, new Builder());
        ContainerSpec spec = new ContainerSpec(b);
        SpecValidator.validate(spec, false).throwIfAny();
        return spec;
    }

    /**
     * The form parameters of {@code POST /nodes/{node}/lxc}, in a stable order: booleans as
     * {@code 0}/{@code 1}, {@code netN}/{@code mpN}/{@code devN} keys, tags {@code ;}-joined,
     * name servers and search domains space-separated, SSH keys newline-joined, {@code env}
     * NUL-separated, raw options last. The node is a path parameter and is not included.
     *
     * @return an unmodifiable ordered map; it contains the password when one is set
     * @throws InvalidSpecException if vmid or ostemplate is missing
     */
    public Map<String, String> toParameters() {
        return SpecCodec.toParameters(this, true);
    }

    /**
     * The equivalent {@code pct create <vmid> <ostemplate> --key value ...} command line, quoted for
     * a POSIX shell (bash for SSH keys, which are passed by process substitution). The password is
     * shown as {@code ***}; {@code env} cannot be passed on a command line (it is NUL-separated)
     * and is listed in a trailing comment instead.
     *
     * @return the command line
     * @throws InvalidSpecException if vmid or ostemplate is missing
     */
    public String toPctCommand() {
        return SpecCodec.toPctCommand(this);
    }

    /**
     * The options of this spec that Proxmox accepts only from {@code root@pam} (a ticket; API tokens
     * never qualify): {@code devN}, bind/device mount points, features other than nesting on an
     * unprivileged container (any feature on a privileged one), hook scripts and template paths.
     *
     * @return the requirements, empty when an API token with the usual privileges suffices
     */
    public List<PrivilegeRequirement> requiresRootAtPam() {
        return SpecPrivileges.rootOnly(this);
    }

    /**
     * Compares this wanted spec with an actual one (usually from {@link #fromConfig(Map)}): every
     * option this spec sets that the container's configuration keeps must match, and indexed
     * options ({@code netN}, {@code mpN}, {@code devN}) the container has beyond this spec are
     * reported too. Create-only options (ostemplate, password, SSH keys, start, storage, pool, ...)
     * are not compared. A volume to allocate ({@code local-lvm:8}) matches an allocated volume on
     * that storage with {@code size=8G}; an interface without a wanted MAC address matches any
     * generated one. Tags, name servers and search domains compare as sets.
     *
     * @param actual the actual configuration
     * @return the differences, empty when the container matches
     */
    public List<SpecDifference> differencesFrom(ContainerSpec actual) {
        return SpecDiff.differences(this, Objects.requireNonNull(actual, "actual"));
    }

    /**
     * Whether the container is unprivileged, taking Proxmox's create default (unprivileged) when
     * unset.
     *
     * @return true unless {@code unprivileged(false)} was set
     */
    public boolean isUnprivileged() {
        return !Boolean.FALSE.equals(values.get(UNPRIVILEGED));
    }

    /**
     * Whether a password is set (the password itself is available from {@link #password()}).
     *
     * @return true when set
     */
    public boolean hasPassword() {
        return values.containsKey(PASSWORD);
    }

    /**
     * {@return the container id (100..999999999); the provisioner may allocate one when unset; empty when
     * unset}
     */
    public OptionalInt vmid() {
        return integer(VMID);
    }

    /**
     * {@return the host name ({@code dns-name}, at most 255 characters); Proxmox uses {@code CT<vmid>} when
     * unset; empty when unset}
     */
    public Optional<String> hostname() {
        return value(HOSTNAME);
    }

    /**
     * {@return the resource pool the container is added to; empty when unset}
     */
    public Optional<String> pool() {
        return value(POOL);
    }

    /**
     * {@return the description shown in the web interface (at most 8092 characters, newlines and tabs but no
     * other control characters; the provisioner appends a one-line ownership marker); empty when unset}
     */
    public Optional<String> description() {
        return value(DESCRIPTION);
    }

    /**
     * {@return the OS template or backup volume, e.g. {@code
     * local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst}; required to render create parameters; empty when
     * unset}
     */
    public Optional<String> osTemplate() {
        return value(OSTEMPLATE);
    }

    /**
     * {@return the OS type; Proxmox detects it from the template when unset; empty when unset}
     */
    public Optional<OsType> osType() {
        return value(OSTYPE);
    }

    /**
     * {@return the architecture; Proxmox's default is amd64; empty when unset}
     */
    public Optional<Arch> arch() {
        return value(ARCH);
    }

    /**
     * {@return the number of cores (1..8192); all host cores when unset; empty when unset}
     */
    public OptionalInt cores() {
        return integer(CORES);
    }

    /**
     * {@return the CPU time limit (0..8192, 0 = none); empty when unset}
     */
    public OptionalDouble cpuLimit() {
        return number(CPULIMIT);
    }

    /**
     * {@return the CPU weight (0..500000); empty when unset}
     */
    public OptionalInt cpuUnits() {
        return integer(CPUUNITS);
    }

    /**
     * {@return the memory in MiB (16 or more); Proxmox's default is 512; empty when unset}
     */
    public OptionalInt memoryMiB() {
        return integer(MEMORY);
    }

    /**
     * {@return the swap in MiB (0 or more); Proxmox's default is 512; empty when unset}
     */
    public OptionalInt swapMiB() {
        return integer(SWAP);
    }

    /**
     * {@return the root file system; Proxmox allocates {@code <storage>:4} when unset; empty when unset}
     */
    public Optional<RootFs> rootFs() {
        return value(ROOTFS);
    }

    /**
     * {@return the advanced features; empty when unset}
     */
    public Optional<Features> features() {
        return value(FEATURES);
    }

    /**
     * {@return whether the container is unprivileged; Proxmox creates unprivileged containers when unset; empty
     * when unset}
     */
    public Optional<Boolean> unprivileged() {
        return value(UNPRIVILEGED);
    }

    /**
     * {@return whether the container starts when the host boots; empty when unset}
     */
    public Optional<Boolean> onBoot() {
        return value(ONBOOT);
    }

    /**
     * {@return the start/shutdown order and delays; empty when unset}
     */
    public Optional<Startup> startup() {
        return value(STARTUP);
    }

    /**
     * {@return whether removal and disk updates are blocked; empty when unset}
     */
    public Optional<Boolean> protection() {
        return value(PROTECTION);
    }

    /**
     * {@return the time zone: {@code host} or a zoneinfo name such as {@code Europe/Berlin}; empty when unset}
     */
    public Optional<String> timezone() {
        return value(TIMEZONE);
    }

    /**
     * {@return the root password (a secret: never shown by toString, logs or errors; at least 5 characters);
     * empty when unset}
     */
    public Optional<String> password() {
        return value(PASSWORD);
    }

    /**
     * {@return whether a console device is attached (Proxmox's default: true); empty when unset}
     */
    public Optional<Boolean> console() {
        return value(CONSOLE);
    }

    /**
     * {@return the number of ttys (0..6; Proxmox's default 2); empty when unset}
     */
    public OptionalInt tty() {
        return integer(TTY);
    }

    /**
     * {@return the console mode; empty when unset}
     */
    public Optional<ConsoleMode> consoleMode() {
        return value(CMODE);
    }

    /**
     * {@return the command run as init (default {@code /sbin/init}); no control characters; empty when unset}
     */
    public Optional<String> entrypoint() {
        return value(ENTRYPOINT);
    }

    /**
     * {@return the hook script volume, e.g. {@code local:snippets/hook.sh} (root@pam only); empty when unset}
     */
    public Optional<String> hookScript() {
        return value(HOOKSCRIPT);
    }

    /**
     * {@return whether Proxmox starts the container after creating it; empty when unset}
     */
    public Optional<Boolean> start() {
        return value(START);
    }

    /**
     * {@return whether a restore assigns a new random MAC address (needs restore); empty when unset}
     */
    public Optional<Boolean> unique() {
        return value(UNIQUE);
    }

    /**
     * {@return whether this create restores a backup given as ostemplate; empty when unset}
     */
    public Optional<Boolean> restore() {
        return value(RESTORE);
    }

    /**
     * {@return whether an existing container may be overwritten (restore); empty when unset}
     */
    public Optional<Boolean> force() {
        return value(FORCE);
    }

    /**
     * {@return whether the container becomes an HA resource after creation (needs Sys.Console); empty when
     * unset}
     */
    public Optional<Boolean> haManaged() {
        return value(HA_MANAGED);
    }

    /**
     * {@return whether errors while extracting the template are ignored; empty when unset}
     */
    public Optional<Boolean> ignoreUnpackErrors() {
        return value(IGNORE_UNPACK_ERRORS);
    }

    /**
     * {@return whether the container itself is marked as a template ({@code template=1}, see {@link
     * Builder#markAsTemplate(boolean)}); empty when unset}
     */
    public Optional<Boolean> markedAsTemplate() {
        return value(TEMPLATE);
    }

    /**
     * {@return whether start logs at debug level; empty when unset}
     */
    public Optional<Boolean> debug() {
        return value(DEBUG);
    }

    /**
     * {@return the lock set with {@link Builder#lock(String)} ({@code backup}, {@code snapshot}, ...); empty when
     * unset}
     */
    public Optional<String> lock() {
        return value(LOCK);
    }

    /**
     * {@return the default storage for volumes given as a bare size (Proxmox's default: local); empty when
     * unset}
     */
    public Optional<String> storage() {
        return value(STORAGE);
    }

    /**
     * {@return the I/O bandwidth limit for a restore in KiB/s (0 or more); empty when unset}
     */
    public OptionalDouble bandwidthLimitKiBps() {
        return number(BWLIMIT);
    }

    /**
     * {@return tags (pve-tag each), sent {@code ;}-joined; an unmodifiable list, empty when unset}
     */
    public List<String> tags() {
        return list(TAGS);
    }

    /**
     * {@return dNS servers (IP addresses), sent space-separated; the host's are used when neither these nor
     * search domains are set; an unmodifiable list, empty when unset}
     */
    public List<String> nameservers() {
        return list(NAMESERVER);
    }

    /**
     * {@return dNS search domains (dns-name each), sent space-separated; an unmodifiable list, empty when
     * unset}
     */
    public List<String> searchDomains() {
        return list(SEARCHDOMAIN);
    }

    /**
     * {@return sSH public keys for root (one OpenSSH key per entry), sent newline-joined; an unmodifiable list,
     * empty when unset}
     */
    public List<String> sshPublicKeys() {
        return list(SSH_PUBLIC_KEYS);
    }

    /**
     * {@return network interfaces by index ({@code net0..net31}); an unmodifiable map sorted by index}
     */
    public SortedMap<Integer, NetworkInterface> networks() {
        return indexed(NET);
    }

    /**
     * {@return mount points by index ({@code mp0..mp255}); an unmodifiable map sorted by index}
     */
    public SortedMap<Integer, MountPoint> mountPoints() {
        return indexed(MP);
    }

    /**
     * {@return passed-through devices by index ({@code dev0..dev255}, root@pam only); an unmodifiable map
     * sorted by index}
     */
    public SortedMap<Integer, DeviceEntry> devices() {
        return indexed(DEV);
    }

    /**
     * The runtime environment ({@code env}), sent as NUL-separated {@code NAME=value} pairs.
     *
     * @return an unmodifiable map in insertion order
     */
    public Map<String, String> environment() {
        @SuppressWarnings("unchecked")
        Map<String, String> m = (Map<String, String>) values.getOrDefault(ENV, Map.of());
        return m;
    }

    /**
     * Options set through {@link Builder#rawOption(String, String)}, sent as given after the typed ones.
     *
     * @return an unmodifiable map in insertion order
     */
    public Map<String, String> rawOptions() {
        return rawOptions;
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<T> value(LxcOption o) {
        return Optional.ofNullable((T) values.get(o));
    }

    private OptionalInt integer(LxcOption o) {
        Integer v = (Integer) values.get(o);
        return v == null ? OptionalInt.empty() : OptionalInt.of(v);
    }

    private OptionalDouble number(LxcOption o) {
        Double v = (Double) values.get(o);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> list(LxcOption o) {
        return (List<T>) values.getOrDefault(o, List.of());
    }

    @SuppressWarnings("unchecked")
    private <T> SortedMap<Integer, T> indexed(LxcOption o) {
        return (SortedMap<Integer, T>) values.getOrDefault(o, Collections.emptySortedMap());
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ContainerSpec && values.equals(((ContainerSpec) o).values)
                && rawOptions.equals(((ContainerSpec) o).rawOptions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values, rawOptions);
    }

    /**
     * The spec's parameters with the password shown as {@code ***}.
     *
     * @return a readable rendering without secrets
     */
    @Override
    public String toString() {
        return "ContainerSpec" + SpecCodec.toParameters(this, false);
    }

    /**
     * Builds a {@link ContainerSpec}. Setters without prefix; a plural setter replaces, an
     * {@code addX}/{@code putX} adds one; {@link #build()} checks everything at once.
     */
    public static final class Builder extends SpecSetters {
        private final Map<LxcOption, Object> values = new EnumMap<>(LxcOption.class);
        private final Map<String, String> rawOptions = new LinkedHashMap<>();

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        Builder put(LxcOption o, Object value) {
            if (value == null) {
                values.remove(o);
            } else {
                values.put(o, value);
            }
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        <T> List<T> list(LxcOption o) {
            return (List<T>) values.computeIfAbsent(o, k -> new ArrayList<>());
        }

        @Override
        @SuppressWarnings("unchecked")
        <T> SortedMap<Integer, T> indexed(LxcOption o) {
            return (SortedMap<Integer, T>) values.computeIfAbsent(o, k -> new TreeMap<>());
        }

        @Override
        @SuppressWarnings("unchecked")
        Map<String, String> env() {
            return (Map<String, String>) values.computeIfAbsent(ENV, k -> new LinkedHashMap<>());
        }

        @Override
        Map<String, String> raw() {
            return rawOptions;
        }

        /** Sets a decoded value as the typed setter of its option would. */
        private void setFromTable(LxcOption o, int index, Object value) {
            switch (o.kind()) {
                case LIST:
                    List<Object> l = list(o);
                    l.clear();
                    l.addAll((List<?>) value);
                    break;
                case ENV:
                    env().clear();
                    ((Map<?, ?>) value).forEach((k, v) -> putEnvironment((String) k, (String) v));
                    break;
                case INDEXED:
                    indexed(o).put(index, value);
                    break;
                default:
                    put(o, o == FEATURES && ((Features) value).isEmpty() ? null : value);
                    break;
            }
        }

        /**
         * Unsets one option by its wire name ({@code memory}, {@code net1}, {@code tags}, a raw option,
         * ...), e.g. to drop a value a lower configuration layer set.
         *
         * @param key the parameter name
         * @return this builder
         * @throws IllegalArgumentException when the key is neither an option of the create or update
         *     schema nor a raw option set here (a misspelt key would otherwise be a silent no-op)
         */
        public Builder clear(String key) {
            Objects.requireNonNull(key, "key");
            boolean wasRaw = rawOptions.remove(key) != null;
            Optional<LxcOption> o = LxcOption.forKey(key);
            if (o.isEmpty()) {
                if (wasRaw) {
                    return this;
                }
                throw new IllegalArgumentException("clear: '" + key + "' is not an LXC option of the create or"
                        + " update schema" + LxcOption.suggestion(key) + "; use a wire name such as memory, net1 or tags");
            }
            if (o.get().kind() == LxcOption.Kind.INDEXED) {
                indexed(o.get()).remove(LxcOption.index(key));
            } else {
                values.remove(o.get());
            }
            return this;
        }

        /**
         * Checks every value and cross-field rule and builds the spec.
         *
         * @return the spec
         * @throws InvalidSpecException listing every violation
         */
        public ContainerSpec build() {
            ContainerSpec spec = new ContainerSpec(this);
            SpecValidator.validate(spec, true).throwIfAny();
            return spec;
        }
    }
}
