package io.github.proxmoxlxc.core.spec;

import io.github.proxmoxlxc.core.internal.spec.SpecCodec;
import io.github.proxmoxlxc.core.internal.spec.SpecDiff;
import io.github.proxmoxlxc.core.internal.spec.SpecPrivileges;
import io.github.proxmoxlxc.core.internal.spec.SpecValidator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 *     .vmid(120).hostname("jellyfin").ostemplate("local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst")
 *     .cores(2).memoryMiB(2048).rootfs("local-lvm", 16)
 *     .addNetwork(NetworkInterface.eth0().bridge("vmbr0").dhcp().build())
 *     .features(Features.nesting())
 *     .build();
 * Map<String, String> form = spec.toParameters();   // vmid=120, ostemplate=..., net0=name=eth0,...
 * }</pre>
 */
public final class ContainerSpec {
    /** Highest {@code net[n]} index. */
    public static final int MAX_NET_INDEX = 31;
    /** Highest {@code mp[n]} index. */
    public static final int MAX_MP_INDEX = 255;
    /** Highest {@code dev[n]} index. */
    public static final int MAX_DEV_INDEX = 255;

    private final Integer vmid;
    private final String hostname;
    private final String pool;
    private final String description;
    private final String ostemplate;
    private final OsType ostype;
    private final Arch arch;
    private final Integer cores;
    private final Double cpulimit;
    private final Integer cpuunits;
    private final Integer memoryMiB;
    private final Integer swapMiB;
    private final RootFs rootfs;
    private final Features features;
    private final Boolean unprivileged;
    private final Boolean onboot;
    private final Startup startup;
    private final Boolean protection;
    private final String timezone;
    private final String password;
    private final Boolean console;
    private final Integer tty;
    private final ConsoleMode cmode;
    private final String entrypoint;
    private final String hookscript;
    private final Boolean start;
    private final Boolean unique;
    private final Boolean restore;
    private final Boolean force;
    private final Boolean haManaged;
    private final Boolean ignoreUnpackErrors;
    private final Boolean template;
    private final Boolean debug;
    private final String storage;
    private final Double bwlimit;
    private final List<String> tags;
    private final List<String> nameservers;
    private final List<String> searchDomains;
    private final List<String> sshPublicKeys;
    private final SortedMap<Integer, NetworkInterface> networks;
    private final SortedMap<Integer, MountPoint> mountPoints;
    private final SortedMap<Integer, DeviceEntry> devices;
    private final Map<String, String> environment;
    private final Map<String, String> rawOptions;

    private ContainerSpec(Builder b) {
        this.vmid = b.vmid;
        this.hostname = b.hostname;
        this.pool = b.pool;
        this.description = b.description;
        this.ostemplate = b.ostemplate;
        this.ostype = b.ostype;
        this.arch = b.arch;
        this.cores = b.cores;
        this.cpulimit = b.cpulimit;
        this.cpuunits = b.cpuunits;
        this.memoryMiB = b.memoryMiB;
        this.swapMiB = b.swapMiB;
        this.rootfs = b.rootfs;
        this.features = b.features;
        this.unprivileged = b.unprivileged;
        this.onboot = b.onboot;
        this.startup = b.startup;
        this.protection = b.protection;
        this.timezone = b.timezone;
        this.password = b.password;
        this.console = b.console;
        this.tty = b.tty;
        this.cmode = b.cmode;
        this.entrypoint = b.entrypoint;
        this.hookscript = b.hookscript;
        this.start = b.start;
        this.unique = b.unique;
        this.restore = b.restore;
        this.force = b.force;
        this.haManaged = b.haManaged;
        this.ignoreUnpackErrors = b.ignoreUnpackErrors;
        this.template = b.template;
        this.debug = b.debug;
        this.storage = b.storage;
        this.bwlimit = b.bwlimit;
        this.tags = List.copyOf(b.tags);
        this.nameservers = List.copyOf(b.nameservers);
        this.searchDomains = List.copyOf(b.searchDomains);
        this.sshPublicKeys = List.copyOf(b.sshPublicKeys);
        this.networks = Collections.unmodifiableSortedMap(new TreeMap<>(b.networks));
        this.mountPoints = Collections.unmodifiableSortedMap(new TreeMap<>(b.mountPoints));
        this.devices = Collections.unmodifiableSortedMap(new TreeMap<>(b.devices));
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(b.environment));
        this.rawOptions = Collections.unmodifiableMap(new LinkedHashMap<>(b.rawOptions));
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
        b.vmid = vmid;
        b.hostname = hostname;
        b.pool = pool;
        b.description = description;
        b.ostemplate = ostemplate;
        b.ostype = ostype;
        b.arch = arch;
        b.cores = cores;
        b.cpulimit = cpulimit;
        b.cpuunits = cpuunits;
        b.memoryMiB = memoryMiB;
        b.swapMiB = swapMiB;
        b.rootfs = rootfs;
        b.features = features;
        b.unprivileged = unprivileged;
        b.onboot = onboot;
        b.startup = startup;
        b.protection = protection;
        b.timezone = timezone;
        b.password = password;
        b.console = console;
        b.tty = tty;
        b.cmode = cmode;
        b.entrypoint = entrypoint;
        b.hookscript = hookscript;
        b.start = start;
        b.unique = unique;
        b.restore = restore;
        b.force = force;
        b.haManaged = haManaged;
        b.ignoreUnpackErrors = ignoreUnpackErrors;
        b.template = template;
        b.debug = debug;
        b.storage = storage;
        b.bwlimit = bwlimit;
        b.tags.addAll(tags);
        b.nameservers.addAll(nameservers);
        b.searchDomains.addAll(searchDomains);
        b.sshPublicKeys.addAll(sshPublicKeys);
        b.networks.putAll(networks);
        b.mountPoints.putAll(mountPoints);
        b.devices.putAll(devices);
        b.environment.putAll(environment);
        b.rawOptions.putAll(rawOptions);
        return b;
    }

    /**
     * Decodes a container configuration as {@code GET /nodes/{node}/lxc/{vmid}/config} returns it
     * (values as strings), for comparing with a wanted spec. Keys that are not create options or
     * are managed by the server ({@code digest}, {@code lock}, {@code lxc}, {@code unusedN},
     * {@code parent}, snapshot sections) are ignored. Formats are checked; cross-field rules are
     * not, since Proxmox itself accepts some of what {@link Builder#build()} refuses (for example a
     * gateway outside the subnet).
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
        return unprivileged == null || unprivileged;
    }

    /**
     * Whether a password is set (the password itself is available from {@link #password()}).
     *
     * @return true when set
     */
    public boolean hasPassword() {
        return password != null;
    }

    /**
     * The container id (100..999999999); the provisioner may allocate one when unset.
     *
     * @return the value of {@code vmid}, or empty when unset
     */
    public OptionalInt vmid() {
        return vmid == null ? OptionalInt.empty() : OptionalInt.of(vmid);
    }

    /**
     * The host name ({@code dns-name}, at most 255 characters); Proxmox uses {@code CT<vmid>} when unset.
     *
     * @return the value of {@code hostname}, or empty when unset
     */
    public Optional<String> hostname() {
        return Optional.ofNullable(hostname);
    }

    /**
     * The resource pool the container is added to.
     *
     * @return the value of {@code pool}, or empty when unset
     */
    public Optional<String> pool() {
        return Optional.ofNullable(pool);
    }

    /**
     * The description shown in the web interface (at most 8092 characters, newlines and tabs but no other
     * control characters; the provisioner appends a one-line ownership marker).
     *
     * @return the value of {@code description}, or empty when unset
     */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /**
     * The OS template or backup volume, e.g. {@code local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst};
     * required to render create parameters.
     *
     * @return the value of {@code ostemplate}, or empty when unset
     */
    public Optional<String> ostemplate() {
        return Optional.ofNullable(ostemplate);
    }

    /**
     * The OS type; Proxmox detects it from the template when unset.
     *
     * @return the value of {@code ostype}, or empty when unset
     */
    public Optional<OsType> ostype() {
        return Optional.ofNullable(ostype);
    }

    /**
     * The architecture; Proxmox's default is amd64.
     *
     * @return the value of {@code arch}, or empty when unset
     */
    public Optional<Arch> arch() {
        return Optional.ofNullable(arch);
    }

    /**
     * The number of cores (1..8192); all host cores when unset.
     *
     * @return the value of {@code cores}, or empty when unset
     */
    public OptionalInt cores() {
        return cores == null ? OptionalInt.empty() : OptionalInt.of(cores);
    }

    /**
     * The CPU time limit (0..8192, 0 = none).
     *
     * @return the value of {@code cpulimit}, or empty when unset
     */
    public OptionalDouble cpulimit() {
        return cpulimit == null ? OptionalDouble.empty() : OptionalDouble.of(cpulimit);
    }

    /**
     * The CPU weight (0..500000).
     *
     * @return the value of {@code cpuunits}, or empty when unset
     */
    public OptionalInt cpuunits() {
        return cpuunits == null ? OptionalInt.empty() : OptionalInt.of(cpuunits);
    }

    /**
     * The memory in MiB (16 or more); Proxmox's default is 512.
     *
     * @return the value of {@code memory}, or empty when unset
     */
    public OptionalInt memoryMiB() {
        return memoryMiB == null ? OptionalInt.empty() : OptionalInt.of(memoryMiB);
    }

    /**
     * The swap in MiB (0 or more); Proxmox's default is 512.
     *
     * @return the value of {@code swap}, or empty when unset
     */
    public OptionalInt swapMiB() {
        return swapMiB == null ? OptionalInt.empty() : OptionalInt.of(swapMiB);
    }

    /**
     * The root file system; Proxmox allocates {@code <storage>:4} when unset.
     *
     * @return the value of {@code rootfs}, or empty when unset
     */
    public Optional<RootFs> rootfs() {
        return Optional.ofNullable(rootfs);
    }

    /**
     * The advanced features.
     *
     * @return the value of {@code features}, or empty when unset
     */
    public Optional<Features> features() {
        return Optional.ofNullable(features);
    }

    /**
     * Whether the container is unprivileged; Proxmox creates unprivileged containers when unset.
     *
     * @return the value of {@code unprivileged}, or empty when unset
     */
    public Optional<Boolean> unprivileged() {
        return Optional.ofNullable(unprivileged);
    }

    /**
     * Whether the container starts when the host boots.
     *
     * @return the value of {@code onboot}, or empty when unset
     */
    public Optional<Boolean> onboot() {
        return Optional.ofNullable(onboot);
    }

    /**
     * The start/shutdown order and delays.
     *
     * @return the value of {@code startup}, or empty when unset
     */
    public Optional<Startup> startup() {
        return Optional.ofNullable(startup);
    }

    /**
     * Whether removal and disk updates are blocked.
     *
     * @return the value of {@code protection}, or empty when unset
     */
    public Optional<Boolean> protection() {
        return Optional.ofNullable(protection);
    }

    /**
     * The time zone: {@code host} or a zoneinfo name such as {@code Europe/Berlin}.
     *
     * @return the value of {@code timezone}, or empty when unset
     */
    public Optional<String> timezone() {
        return Optional.ofNullable(timezone);
    }

    /**
     * The root password (a secret: never shown by toString, logs or errors; at least 5 characters).
     *
     * @return the value of {@code password}, or empty when unset
     */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /**
     * Whether a console device is attached (Proxmox's default: true).
     *
     * @return the value of {@code console}, or empty when unset
     */
    public Optional<Boolean> console() {
        return Optional.ofNullable(console);
    }

    /**
     * The number of ttys (0..6; Proxmox's default 2).
     *
     * @return the value of {@code tty}, or empty when unset
     */
    public OptionalInt tty() {
        return tty == null ? OptionalInt.empty() : OptionalInt.of(tty);
    }

    /**
     * The console mode.
     *
     * @return the value of {@code cmode}, or empty when unset
     */
    public Optional<ConsoleMode> cmode() {
        return Optional.ofNullable(cmode);
    }

    /**
     * The command run as init (default {@code /sbin/init}); no control characters.
     *
     * @return the value of {@code entrypoint}, or empty when unset
     */
    public Optional<String> entrypoint() {
        return Optional.ofNullable(entrypoint);
    }

    /**
     * The hook script volume, e.g. {@code local:snippets/hook.sh} (root@pam only).
     *
     * @return the value of {@code hookscript}, or empty when unset
     */
    public Optional<String> hookscript() {
        return Optional.ofNullable(hookscript);
    }

    /**
     * Whether Proxmox starts the container after creating it.
     *
     * @return the value of {@code start}, or empty when unset
     */
    public Optional<Boolean> start() {
        return Optional.ofNullable(start);
    }

    /**
     * Whether a restore assigns a new random MAC address (needs restore).
     *
     * @return the value of {@code unique}, or empty when unset
     */
    public Optional<Boolean> unique() {
        return Optional.ofNullable(unique);
    }

    /**
     * Whether this create restores a backup given as ostemplate.
     *
     * @return the value of {@code restore}, or empty when unset
     */
    public Optional<Boolean> restore() {
        return Optional.ofNullable(restore);
    }

    /**
     * Whether an existing container may be overwritten (restore).
     *
     * @return the value of {@code force}, or empty when unset
     */
    public Optional<Boolean> force() {
        return Optional.ofNullable(force);
    }

    /**
     * Whether the container becomes an HA resource after creation (needs Sys.Console).
     *
     * @return the value of {@code ha-managed}, or empty when unset
     */
    public Optional<Boolean> haManaged() {
        return Optional.ofNullable(haManaged);
    }

    /**
     * Whether errors while extracting the template are ignored.
     *
     * @return the value of {@code ignore-unpack-errors}, or empty when unset
     */
    public Optional<Boolean> ignoreUnpackErrors() {
        return Optional.ofNullable(ignoreUnpackErrors);
    }

    /**
     * Whether the container is marked as a template.
     *
     * @return the value of {@code template}, or empty when unset
     */
    public Optional<Boolean> template() {
        return Optional.ofNullable(template);
    }

    /**
     * Whether start logs at debug level.
     *
     * @return the value of {@code debug}, or empty when unset
     */
    public Optional<Boolean> debug() {
        return Optional.ofNullable(debug);
    }

    /**
     * The default storage for volumes given as a bare size (Proxmox's default: local).
     *
     * @return the value of {@code storage}, or empty when unset
     */
    public Optional<String> storage() {
        return Optional.ofNullable(storage);
    }

    /**
     * The I/O bandwidth limit for a restore in KiB/s (0 or more).
     *
     * @return the value of {@code bwlimit}, or empty when unset
     */
    public OptionalDouble bwlimit() {
        return bwlimit == null ? OptionalDouble.empty() : OptionalDouble.of(bwlimit);
    }

    /**
     * Tags (pve-tag each), sent {@code ;}-joined.
     *
     * @return an unmodifiable list, empty when unset
     */
    public List<String> tags() {
        return tags;
    }

    /**
     * DNS servers (IP addresses), sent space-separated; the host's are used when neither these nor search
     * domains are set.
     *
     * @return an unmodifiable list, empty when unset
     */
    public List<String> nameservers() {
        return nameservers;
    }

    /**
     * DNS search domains (dns-name each), sent space-separated.
     *
     * @return an unmodifiable list, empty when unset
     */
    public List<String> searchDomains() {
        return searchDomains;
    }

    /**
     * SSH public keys for root (one OpenSSH key per entry), sent newline-joined.
     *
     * @return an unmodifiable list, empty when unset
     */
    public List<String> sshPublicKeys() {
        return sshPublicKeys;
    }

    /**
     * Network interfaces by index ({@code net0..net31}).
     *
     * @return an unmodifiable map sorted by index
     */
    public SortedMap<Integer, NetworkInterface> networks() {
        return networks;
    }

    /**
     * Mount points by index ({@code mp0..mp255}).
     *
     * @return an unmodifiable map sorted by index
     */
    public SortedMap<Integer, MountPoint> mountPoints() {
        return mountPoints;
    }

    /**
     * Passed-through devices by index ({@code dev0..dev255}, root@pam only).
     *
     * @return an unmodifiable map sorted by index
     */
    public SortedMap<Integer, DeviceEntry> devices() {
        return devices;
    }

    /**
     * The runtime environment ({@code env}), sent as NUL-separated {@code NAME=value} pairs.
     *
     * @return an unmodifiable map in insertion order
     */
    public Map<String, String> environment() {
        return environment;
    }

    /**
     * Options set through {@link Builder#rawOption(String, String)}, sent as given after the typed ones.
     *
     * @return an unmodifiable map in insertion order
     */
    public Map<String, String> rawOptions() {
        return rawOptions;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ContainerSpec)) {
            return false;
        }
        ContainerSpec s = (ContainerSpec) o;
        return Objects.equals(vmid, s.vmid)
                && Objects.equals(hostname, s.hostname)
                && Objects.equals(pool, s.pool)
                && Objects.equals(description, s.description)
                && Objects.equals(ostemplate, s.ostemplate)
                && Objects.equals(ostype, s.ostype)
                && Objects.equals(arch, s.arch)
                && Objects.equals(cores, s.cores)
                && Objects.equals(cpulimit, s.cpulimit)
                && Objects.equals(cpuunits, s.cpuunits)
                && Objects.equals(memoryMiB, s.memoryMiB)
                && Objects.equals(swapMiB, s.swapMiB)
                && Objects.equals(rootfs, s.rootfs)
                && Objects.equals(features, s.features)
                && Objects.equals(unprivileged, s.unprivileged)
                && Objects.equals(onboot, s.onboot)
                && Objects.equals(startup, s.startup)
                && Objects.equals(protection, s.protection)
                && Objects.equals(timezone, s.timezone)
                && Objects.equals(password, s.password)
                && Objects.equals(console, s.console)
                && Objects.equals(tty, s.tty)
                && Objects.equals(cmode, s.cmode)
                && Objects.equals(entrypoint, s.entrypoint)
                && Objects.equals(hookscript, s.hookscript)
                && Objects.equals(start, s.start)
                && Objects.equals(unique, s.unique)
                && Objects.equals(restore, s.restore)
                && Objects.equals(force, s.force)
                && Objects.equals(haManaged, s.haManaged)
                && Objects.equals(ignoreUnpackErrors, s.ignoreUnpackErrors)
                && Objects.equals(template, s.template)
                && Objects.equals(debug, s.debug)
                && Objects.equals(storage, s.storage)
                && Objects.equals(bwlimit, s.bwlimit)
                && Objects.equals(tags, s.tags)
                && Objects.equals(nameservers, s.nameservers)
                && Objects.equals(searchDomains, s.searchDomains)
                && Objects.equals(sshPublicKeys, s.sshPublicKeys)
                && Objects.equals(networks, s.networks)
                && Objects.equals(mountPoints, s.mountPoints)
                && Objects.equals(devices, s.devices)
                && Objects.equals(environment, s.environment)
                && Objects.equals(rawOptions, s.rawOptions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(vmid, hostname, pool, description, ostemplate, ostype, arch, cores, cpulimit, cpuunits,
                memoryMiB, swapMiB, rootfs, features, unprivileged, onboot, startup, protection, timezone,
                password, console, tty, cmode, entrypoint, hookscript, start, unique, restore, force,
                haManaged, ignoreUnpackErrors, template, debug, storage, bwlimit, tags, nameservers,
                searchDomains, sshPublicKeys, networks, mountPoints, devices, environment, rawOptions);
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
    public static final class Builder {
        private Integer vmid;
        private String hostname;
        private String pool;
        private String description;
        private String ostemplate;
        private OsType ostype;
        private Arch arch;
        private Integer cores;
        private Double cpulimit;
        private Integer cpuunits;
        private Integer memoryMiB;
        private Integer swapMiB;
        private RootFs rootfs;
        private Features features;
        private Boolean unprivileged;
        private Boolean onboot;
        private Startup startup;
        private Boolean protection;
        private String timezone;
        private String password;
        private Boolean console;
        private Integer tty;
        private ConsoleMode cmode;
        private String entrypoint;
        private String hookscript;
        private Boolean start;
        private Boolean unique;
        private Boolean restore;
        private Boolean force;
        private Boolean haManaged;
        private Boolean ignoreUnpackErrors;
        private Boolean template;
        private Boolean debug;
        private String storage;
        private Double bwlimit;
        private final List<String> tags = new ArrayList<>();
        private final List<String> nameservers = new ArrayList<>();
        private final List<String> searchDomains = new ArrayList<>();
        private final List<String> sshPublicKeys = new ArrayList<>();
        private final SortedMap<Integer, NetworkInterface> networks = new TreeMap<>();
        private final SortedMap<Integer, MountPoint> mountPoints = new TreeMap<>();
        private final SortedMap<Integer, DeviceEntry> devices = new TreeMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final Map<String, String> rawOptions = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets {@code vmid}. The container id (100..999999999); the provisioner may allocate one when unset.
         *
         * @param vmid the id
         * @return this builder
         */
        public Builder vmid(int vmid) {
            this.vmid = vmid;
            return this;
        }

        /**
         * Sets {@code hostname}. The host name ({@code dns-name}, at most 255 characters); Proxmox uses
         * {@code CT<vmid>} when unset.
         *
         * @param hostname the host name, e.g. {@code jellyfin}
         * @return this builder
         */
        public Builder hostname(String hostname) {
            this.hostname = Objects.requireNonNull(hostname, "hostname");
            return this;
        }

        /**
         * Sets {@code pool}. The resource pool the container is added to.
         *
         * @param pool a pool id, e.g. {@code lab}
         * @return this builder
         */
        public Builder pool(String pool) {
            this.pool = Objects.requireNonNull(pool, "pool");
            return this;
        }

        /**
         * Sets {@code description}. The description shown in the web interface (at most 8092 characters;
         * newlines and tabs allowed, no carriage return or other control character).
         *
         * @param description the text
         * @return this builder
         */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * Sets {@code ostemplate}. The OS template or backup volume, e.g. {@code
         * local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst}; required to render create parameters.
         *
         * @param ostemplate a volume id (an absolute path needs root@pam)
         * @return this builder
         */
        public Builder ostemplate(String ostemplate) {
            this.ostemplate = Objects.requireNonNull(ostemplate, "ostemplate");
            return this;
        }

        /**
         * Sets {@code ostype}. The OS type; Proxmox detects it from the template when unset.
         *
         * @param ostype the OS type
         * @return this builder
         */
        public Builder ostype(OsType ostype) {
            this.ostype = Objects.requireNonNull(ostype, "ostype");
            return this;
        }

        /**
         * Sets {@code arch}. The architecture; Proxmox's default is amd64.
         *
         * @param arch the architecture
         * @return this builder
         */
        public Builder arch(Arch arch) {
            this.arch = Objects.requireNonNull(arch, "arch");
            return this;
        }

        /**
         * Sets {@code cores}. The number of cores (1..8192); all host cores when unset.
         *
         * @param cores the core count
         * @return this builder
         */
        public Builder cores(int cores) {
            this.cores = cores;
            return this;
        }

        /**
         * Sets {@code cpulimit}. The CPU time limit (0..8192, 0 = none).
         *
         * @param cpulimit the limit, e.g. 1.5
         * @return this builder
         */
        public Builder cpulimit(double cpulimit) {
            this.cpulimit = cpulimit;
            return this;
        }

        /**
         * Sets {@code cpuunits}. The CPU weight (0..500000).
         *
         * @param cpuunits the weight
         * @return this builder
         */
        public Builder cpuunits(int cpuunits) {
            this.cpuunits = cpuunits;
            return this;
        }

        /**
         * Sets {@code memory}. The memory in MiB (16 or more); Proxmox's default is 512.
         *
         * @param memoryMiB the memory in MiB
         * @return this builder
         */
        public Builder memoryMiB(int memoryMiB) {
            this.memoryMiB = memoryMiB;
            return this;
        }

        /**
         * Sets {@code swap}. The swap in MiB (0 or more); Proxmox's default is 512.
         *
         * @param swapMiB the swap in MiB
         * @return this builder
         */
        public Builder swapMiB(int swapMiB) {
            this.swapMiB = swapMiB;
            return this;
        }

        /**
         * Sets {@code rootfs}. The root file system; Proxmox allocates {@code <storage>:4} when unset.
         *
         * @param rootfs the root file system
         * @return this builder
         */
        public Builder rootfs(RootFs rootfs) {
            this.rootfs = Objects.requireNonNull(rootfs, "rootfs");
            return this;
        }

        /**
         * Sets {@code features}. The advanced features. An empty set ({@link Features#none()}) means
         * the same as no features and leaves the option unset, so that no empty {@code features=}
         * parameter is sent.
         *
         * @param features the features
         * @return this builder
         */
        public Builder features(Features features) {
            this.features = Objects.requireNonNull(features, "features").isEmpty() ? null : features;
            return this;
        }

        /**
         * Sets {@code unprivileged}. Whether the container is unprivileged; Proxmox creates unprivileged
         * containers when unset.
         *
         * @param unprivileged true for an unprivileged container
         * @return this builder
         */
        public Builder unprivileged(boolean unprivileged) {
            this.unprivileged = unprivileged;
            return this;
        }

        /**
         * Sets {@code onboot}. Whether the container starts when the host boots.
         *
         * @param onboot true to start on boot
         * @return this builder
         */
        public Builder onboot(boolean onboot) {
            this.onboot = onboot;
            return this;
        }

        /**
         * Sets {@code startup}. The start/shutdown order and delays.
         *
         * @param startup the ordering
         * @return this builder
         */
        public Builder startup(Startup startup) {
            this.startup = Objects.requireNonNull(startup, "startup");
            return this;
        }

        /**
         * Sets {@code protection}. Whether removal and disk updates are blocked.
         *
         * @param protection true to protect
         * @return this builder
         */
        public Builder protection(boolean protection) {
            this.protection = protection;
            return this;
        }

        /**
         * Sets {@code timezone}. The time zone: {@code host} or a zoneinfo name such as {@code
         * Europe/Berlin}.
         *
         * @param timezone the zone
         * @return this builder
         */
        public Builder timezone(String timezone) {
            this.timezone = Objects.requireNonNull(timezone, "timezone");
            return this;
        }

        /**
         * Sets {@code password}. The root password (a secret: never shown by toString, logs or errors; at
         * least 5 characters).
         *
         * @param password the password
         * @return this builder
         */
        public Builder password(String password) {
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * Sets {@code console}. Whether a console device is attached (Proxmox's default: true).
         *
         * @param console true to attach
         * @return this builder
         */
        public Builder console(boolean console) {
            this.console = console;
            return this;
        }

        /**
         * Sets {@code tty}. The number of ttys (0..6; Proxmox's default 2).
         *
         * @param tty the count
         * @return this builder
         */
        public Builder tty(int tty) {
            this.tty = tty;
            return this;
        }

        /**
         * Sets {@code cmode}. The console mode.
         *
         * @param cmode the mode
         * @return this builder
         */
        public Builder cmode(ConsoleMode cmode) {
            this.cmode = Objects.requireNonNull(cmode, "cmode");
            return this;
        }

        /**
         * Sets {@code entrypoint}. The command run as init (default {@code /sbin/init}); no control
         * characters.
         *
         * @param entrypoint the command
         * @return this builder
         */
        public Builder entrypoint(String entrypoint) {
            this.entrypoint = Objects.requireNonNull(entrypoint, "entrypoint");
            return this;
        }

        /**
         * Sets {@code hookscript}. The hook script volume, e.g. {@code local:snippets/hook.sh} (root@pam
         * only).
         *
         * @param hookscript a volume id
         * @return this builder
         */
        public Builder hookscript(String hookscript) {
            this.hookscript = Objects.requireNonNull(hookscript, "hookscript");
            return this;
        }

        /**
         * Sets {@code start}. Whether Proxmox starts the container after creating it.
         *
         * @param start true to start
         * @return this builder
         */
        public Builder start(boolean start) {
            this.start = start;
            return this;
        }

        /**
         * Sets {@code unique}. Whether a restore assigns a new random MAC address (needs restore).
         *
         * @param unique true for a unique MAC
         * @return this builder
         */
        public Builder unique(boolean unique) {
            this.unique = unique;
            return this;
        }

        /**
         * Sets {@code restore}. Whether this create restores a backup given as ostemplate.
         *
         * @param restore true to restore
         * @return this builder
         */
        public Builder restore(boolean restore) {
            this.restore = restore;
            return this;
        }

        /**
         * Sets {@code force}. Whether an existing container may be overwritten (restore).
         *
         * @param force true to overwrite
         * @return this builder
         */
        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        /**
         * Sets {@code ha-managed}. Whether the container becomes an HA resource after creation (needs
         * Sys.Console).
         *
         * @param haManaged true to add to HA
         * @return this builder
         */
        public Builder haManaged(boolean haManaged) {
            this.haManaged = haManaged;
            return this;
        }

        /**
         * Sets {@code ignore-unpack-errors}. Whether errors while extracting the template are ignored.
         *
         * @param ignoreUnpackErrors true to ignore
         * @return this builder
         */
        public Builder ignoreUnpackErrors(boolean ignoreUnpackErrors) {
            this.ignoreUnpackErrors = ignoreUnpackErrors;
            return this;
        }

        /**
         * Sets {@code template}. Whether the container is marked as a template.
         *
         * @param template true for a template
         * @return this builder
         */
        public Builder template(boolean template) {
            this.template = template;
            return this;
        }

        /**
         * Sets {@code debug}. Whether start logs at debug level.
         *
         * @param debug true for debug
         * @return this builder
         */
        public Builder debug(boolean debug) {
            this.debug = debug;
            return this;
        }

        /**
         * Sets {@code storage}. The default storage for volumes given as a bare size (Proxmox's default:
         * local).
         *
         * @param storage a storage id
         * @return this builder
         */
        public Builder storage(String storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        /**
         * Sets {@code bwlimit}. The I/O bandwidth limit for a restore in KiB/s (0 or more).
         *
         * @param bwlimit the limit
         * @return this builder
         */
        public Builder bwlimit(double bwlimit) {
            this.bwlimit = bwlimit;
            return this;
        }

        /**
         * Replaces the list. Tags (pve-tag each), sent {@code ;}-joined.
         *
         * @param tags the new entries
         * @return this builder
         */
        public Builder tags(List<String> tags) {
            Objects.requireNonNull(tags, "tags");
            this.tags.clear();
            tags.forEach(this::addTag);
            return this;
        }

        /**
         * Adds one entry. Tags (pve-tag each), sent {@code ;}-joined.
         *
         * @param tag a tag such as {@code media}
         * @return this builder
         */
        public Builder addTag(String tag) {
            this.tags.add(Objects.requireNonNull(tag, "tag"));
            return this;
        }

        /**
         * Replaces the list. DNS servers (IP addresses), sent space-separated; the host's are used when
         * neither these nor search domains are set.
         *
         * @param nameservers the new entries
         * @return this builder
         */
        public Builder nameservers(List<String> nameservers) {
            Objects.requireNonNull(nameservers, "nameservers");
            this.nameservers.clear();
            nameservers.forEach(this::addNameserver);
            return this;
        }

        /**
         * Adds one entry. DNS servers (IP addresses), sent space-separated; the host's are used when neither
         * these nor search domains are set.
         *
         * @param nameserver an IPv4 or IPv6 address
         * @return this builder
         */
        public Builder addNameserver(String nameserver) {
            this.nameservers.add(Objects.requireNonNull(nameserver, "nameserver"));
            return this;
        }

        /**
         * Replaces the list. DNS search domains (dns-name each), sent space-separated.
         *
         * @param searchDomains the new entries
         * @return this builder
         */
        public Builder searchDomains(List<String> searchDomains) {
            Objects.requireNonNull(searchDomains, "searchDomains");
            this.searchDomains.clear();
            searchDomains.forEach(this::addSearchDomain);
            return this;
        }

        /**
         * Adds one entry. DNS search domains (dns-name each), sent space-separated.
         *
         * @param searchDomain a domain such as {@code lan}
         * @return this builder
         */
        public Builder addSearchDomain(String searchDomain) {
            this.searchDomains.add(Objects.requireNonNull(searchDomain, "searchDomain"));
            return this;
        }

        /**
         * Replaces the list. SSH public keys for root (one OpenSSH key per entry), sent newline-joined.
         *
         * @param sshPublicKeys the new entries
         * @return this builder
         */
        public Builder sshPublicKeys(List<String> sshPublicKeys) {
            Objects.requireNonNull(sshPublicKeys, "sshPublicKeys");
            this.sshPublicKeys.clear();
            sshPublicKeys.forEach(this::addSshPublicKey);
            return this;
        }

        /**
         * Adds one entry. SSH public keys for root (one OpenSSH key per entry), sent newline-joined.
         *
         * @param key one key line, e.g. {@code ssh-ed25519 AAAA... me@host}
         * @return this builder
         */
        public Builder addSshPublicKey(String key) {
            this.sshPublicKeys.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        /**
         * Replaces all entries. Network interfaces by index ({@code net0..net31}).
         *
         * @param networks entries by index
         * @return this builder
         */
        public Builder networks(Map<Integer, NetworkInterface> networks) {
            Objects.requireNonNull(networks, "networks");
            this.networks.clear();
            networks.forEach(this::network);
            return this;
        }

        /**
         * Sets the entry at an index ({@code net<index>}), replacing any there.
         *
         * @param index the index; checked by {@link #build()}
         * @param value the entry
         * @return this builder
         */
        public Builder network(int index, NetworkInterface value) {
            this.networks.put(index, Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Adds an entry at the lowest free index.
         *
         * @param value the entry
         * @return this builder
         */
        public Builder addNetwork(NetworkInterface value) {
            Objects.requireNonNull(value, "value");
            int i = 0;
            while (this.networks.containsKey(i)) {
                i++;
            }
            this.networks.put(i, value);
            return this;
        }

        /**
         * Removes the entry at an index, if any.
         *
         * @param index the index
         * @return this builder
         */
        public Builder removeNetwork(int index) {
            this.networks.remove(index);
            return this;
        }

        /**
         * Replaces all entries. Mount points by index ({@code mp0..mp255}).
         *
         * @param mountPoints entries by index
         * @return this builder
         */
        public Builder mountPoints(Map<Integer, MountPoint> mountPoints) {
            Objects.requireNonNull(mountPoints, "mountPoints");
            this.mountPoints.clear();
            mountPoints.forEach(this::mountPoint);
            return this;
        }

        /**
         * Sets the entry at an index ({@code mp<index>}), replacing any there.
         *
         * @param index the index; checked by {@link #build()}
         * @param value the entry
         * @return this builder
         */
        public Builder mountPoint(int index, MountPoint value) {
            this.mountPoints.put(index, Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Adds an entry at the lowest free index.
         *
         * @param value the entry
         * @return this builder
         */
        public Builder addMountPoint(MountPoint value) {
            Objects.requireNonNull(value, "value");
            int i = 0;
            while (this.mountPoints.containsKey(i)) {
                i++;
            }
            this.mountPoints.put(i, value);
            return this;
        }

        /**
         * Removes the entry at an index, if any.
         *
         * @param index the index
         * @return this builder
         */
        public Builder removeMountPoint(int index) {
            this.mountPoints.remove(index);
            return this;
        }

        /**
         * Replaces all entries. Passed-through devices by index ({@code dev0..dev255}, root@pam only).
         *
         * @param devices entries by index
         * @return this builder
         */
        public Builder devices(Map<Integer, DeviceEntry> devices) {
            Objects.requireNonNull(devices, "devices");
            this.devices.clear();
            devices.forEach(this::device);
            return this;
        }

        /**
         * Sets the entry at an index ({@code dev<index>}), replacing any there.
         *
         * @param index the index; checked by {@link #build()}
         * @param value the entry
         * @return this builder
         */
        public Builder device(int index, DeviceEntry value) {
            this.devices.put(index, Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Adds an entry at the lowest free index.
         *
         * @param value the entry
         * @return this builder
         */
        public Builder addDevice(DeviceEntry value) {
            Objects.requireNonNull(value, "value");
            int i = 0;
            while (this.devices.containsKey(i)) {
                i++;
            }
            this.devices.put(i, value);
            return this;
        }

        /**
         * Removes the entry at an index, if any.
         *
         * @param index the index
         * @return this builder
         */
        public Builder removeDevice(int index) {
            this.devices.remove(index);
            return this;
        }

        /**
         * Allocates a new root volume: {@code rootfs=<storage>:<sizeGiB>}.
         *
         * @param storage a storage id, e.g. {@code local-lvm}
         * @param sizeGiB the size in GiB
         * @return this builder
         */
        public Builder rootfs(String storage, int sizeGiB) {
            return rootfs(RootFs.builder().volume(storage, sizeGiB).build());
        }

        /**
         * Replaces the runtime environment ({@code env}).
         *
         * @param environment names ({@code \w+}) to values (no control characters)
         * @return this builder
         */
        public Builder environment(Map<String, String> environment) {
            Objects.requireNonNull(environment, "environment");
            this.environment.clear();
            environment.forEach(this::putEnvironment);
            return this;
        }

        /**
         * Adds or replaces one runtime environment variable.
         *
         * @param name the name, {@code \w+}
         * @param value the value, no control characters
         * @return this builder
         */
        public Builder putEnvironment(String name, String value) {
            this.environment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets an option this builder has no typed setter for (escape hatch). The key must be a
         * create option of {@code POST /nodes/{node}/lxc} in the official schema ({@code netN},
         * {@code mpN}, {@code devN} and {@code unusedN} with their index ranges) other than
         * {@code node}, and must not also be set through a typed setter; the value must not contain
         * control characters (newlines are allowed for {@code description} and
         * {@code ssh-public-keys}). Both are checked by {@link #build()}; the value is otherwise sent
         * as given.
         *
         * @param key the parameter name, e.g. {@code lock}
         * @param value the wire value
         * @return this builder
         */
        public Builder rawOption(String key, String value) {
            this.rawOptions.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Replaces all raw options; see {@link #rawOption(String, String)}.
         *
         * @param options keys to wire values
         * @return this builder
         */
        public Builder rawOptions(Map<String, String> options) {
            Objects.requireNonNull(options, "options");
            this.rawOptions.clear();
            options.forEach(this::rawOption);
            return this;
        }

        /**
         * Unsets one option by its wire name ({@code memory}, {@code net1}, {@code tags}, a raw
         * option, ...), e.g. to drop a value a lower configuration layer set.
         *
         * @param key the parameter name
         * @return this builder
         */
        public Builder clear(String key) {
            Objects.requireNonNull(key, "key");
            rawOptions.remove(key);
            Matcher m = Pattern.compile("(net|mp|dev)(\\d{1,3})").matcher(key);
            if (m.matches()) {
                int i = Integer.parseInt(m.group(2));
                switch (m.group(1)) {
                    case "net":
                        networks.remove(i);
                        break;
                    case "mp":
                        mountPoints.remove(i);
                        break;
                    default:
                        devices.remove(i);
                        break;
                }
                return this;
            }
            switch (key) {
                case "vmid":
                    vmid = null;
                    break;
                case "hostname":
                    hostname = null;
                    break;
                case "pool":
                    pool = null;
                    break;
                case "description":
                    description = null;
                    break;
                case "ostemplate":
                    ostemplate = null;
                    break;
                case "ostype":
                    ostype = null;
                    break;
                case "arch":
                    arch = null;
                    break;
                case "cores":
                    cores = null;
                    break;
                case "cpulimit":
                    cpulimit = null;
                    break;
                case "cpuunits":
                    cpuunits = null;
                    break;
                case "memory":
                    memoryMiB = null;
                    break;
                case "swap":
                    swapMiB = null;
                    break;
                case "rootfs":
                    rootfs = null;
                    break;
                case "features":
                    features = null;
                    break;
                case "unprivileged":
                    unprivileged = null;
                    break;
                case "onboot":
                    onboot = null;
                    break;
                case "startup":
                    startup = null;
                    break;
                case "protection":
                    protection = null;
                    break;
                case "timezone":
                    timezone = null;
                    break;
                case "password":
                    password = null;
                    break;
                case "console":
                    console = null;
                    break;
                case "tty":
                    tty = null;
                    break;
                case "cmode":
                    cmode = null;
                    break;
                case "entrypoint":
                    entrypoint = null;
                    break;
                case "hookscript":
                    hookscript = null;
                    break;
                case "start":
                    start = null;
                    break;
                case "unique":
                    unique = null;
                    break;
                case "restore":
                    restore = null;
                    break;
                case "force":
                    force = null;
                    break;
                case "ha-managed":
                    haManaged = null;
                    break;
                case "ignore-unpack-errors":
                    ignoreUnpackErrors = null;
                    break;
                case "template":
                    template = null;
                    break;
                case "debug":
                    debug = null;
                    break;
                case "storage":
                    storage = null;
                    break;
                case "bwlimit":
                    bwlimit = null;
                    break;
                case "tags":
                    tags.clear();
                    break;
                case "nameserver":
                    nameservers.clear();
                    break;
                case "searchdomain":
                    searchDomains.clear();
                    break;
                case "ssh-public-keys":
                    sshPublicKeys.clear();
                    break;
                case "env":
                    environment.clear();
                    break;
                default:
                    break;
            }
            return this;
        }

        /**
         * Checks every value and cross-field rule and builds the spec.
         *
         * @return the spec
         * @throws InvalidSpecException listing every violation found
         */
        public ContainerSpec build() {
            ContainerSpec spec = new ContainerSpec(this);
            SpecValidator.validate(spec, true).throwIfAny();
            return spec;
        }
    }
}
