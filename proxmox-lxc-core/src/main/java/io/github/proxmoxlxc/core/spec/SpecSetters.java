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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * The typed setters of {@link ContainerSpec.Builder}, one per option of the internal option table
 * (they store the value under its table entry; encoding, decoding, validation and comparison are
 * table-driven). Not public: its methods are public members of {@code ContainerSpec.Builder}.
 */
abstract class SpecSetters {
    SpecSetters() {
    }

    abstract ContainerSpec.Builder self();

    abstract ContainerSpec.Builder put(LxcOption o, Object value);

    abstract <T> List<T> list(LxcOption o);

    abstract <T> SortedMap<Integer, T> indexed(LxcOption o);

    abstract Map<String, String> env();

    abstract Map<String, String> raw();

    /**
     * Sets {@code vmid}. The container id (100..999999999); the provisioner may allocate one when unset.
     *
     * @param vmid the id
     * @return this builder
     */
    public ContainerSpec.Builder vmid(int vmid) {
        return put(VMID, vmid);
    }

    /**
     * Sets {@code hostname}. The host name ({@code dns-name}, at most 255 characters); Proxmox uses {@code
     * CT<vmid>} when unset.
     *
     * @param hostname the host name, e.g. {@code jellyfin}
     * @return this builder
     */
    public ContainerSpec.Builder hostname(String hostname) {
        return put(HOSTNAME, Objects.requireNonNull(hostname, "hostname"));
    }

    /**
     * Sets {@code pool}. The resource pool the container is added to.
     *
     * @param pool a pool id, e.g. {@code lab}
     * @return this builder
     */
    public ContainerSpec.Builder pool(String pool) {
        return put(POOL, Objects.requireNonNull(pool, "pool"));
    }

    /**
     * Sets {@code description}. The description shown in the web interface (at most 8092 characters;
     * newlines and tabs allowed, no carriage return or other control character).
     *
     * @param description the text
     * @return this builder
     */
    public ContainerSpec.Builder description(String description) {
        return put(DESCRIPTION, Objects.requireNonNull(description, "description"));
    }

    /**
     * Sets {@code ostemplate}. The OS template or backup volume, e.g. {@code
     * local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst}; required to render create parameters.
     *
     * @param ostemplate a volume id (an absolute path needs root@pam)
     * @return this builder
     */
    public ContainerSpec.Builder osTemplate(String ostemplate) {
        return put(OSTEMPLATE, Objects.requireNonNull(ostemplate, "ostemplate"));
    }

    /**
     * Sets {@code ostype}. The OS type; Proxmox detects it from the template when unset.
     *
     * @param ostype the OS type
     * @return this builder
     */
    public ContainerSpec.Builder osType(OsType ostype) {
        return put(OSTYPE, Objects.requireNonNull(ostype, "ostype"));
    }

    /**
     * Sets {@code arch}. The architecture; Proxmox's default is amd64.
     *
     * @param arch the architecture
     * @return this builder
     */
    public ContainerSpec.Builder arch(Arch arch) {
        return put(ARCH, Objects.requireNonNull(arch, "arch"));
    }

    /**
     * Sets {@code cores}. The number of cores (1..8192); all host cores when unset.
     *
     * @param cores the core count
     * @return this builder
     */
    public ContainerSpec.Builder cores(int cores) {
        return put(CORES, cores);
    }

    /**
     * Sets {@code cpulimit}. The CPU time limit (0..8192, 0 = none).
     *
     * @param cpulimit the limit, e.g. 1.5
     * @return this builder
     */
    public ContainerSpec.Builder cpuLimit(double cpulimit) {
        return put(CPULIMIT, cpulimit);
    }

    /**
     * Sets {@code cpuunits}. The CPU weight (0..500000).
     *
     * @param cpuunits the weight
     * @return this builder
     */
    public ContainerSpec.Builder cpuUnits(int cpuunits) {
        return put(CPUUNITS, cpuunits);
    }

    /**
     * Sets {@code memory}. The memory in MiB (16 or more); Proxmox's default is 512.
     *
     * @param memoryMiB the memory in MiB
     * @return this builder
     */
    public ContainerSpec.Builder memoryMiB(int memoryMiB) {
        return put(MEMORY, memoryMiB);
    }

    /**
     * Sets {@code swap}. The swap in MiB (0 or more); Proxmox's default is 512.
     *
     * @param swapMiB the swap in MiB
     * @return this builder
     */
    public ContainerSpec.Builder swapMiB(int swapMiB) {
        return put(SWAP, swapMiB);
    }

    /**
     * Sets {@code rootfs}. The root file system; Proxmox allocates {@code <storage>:4} when unset.
     *
     * @param rootfs the root file system
     * @return this builder
     */
    public ContainerSpec.Builder rootFs(RootFs rootfs) {
        return put(ROOTFS, Objects.requireNonNull(rootfs, "rootfs"));
    }

    /**
     * Sets {@code unprivileged}. Whether the container is unprivileged; Proxmox creates unprivileged containers
     * when unset.
     *
     * @param unprivileged true for an unprivileged container
     * @return this builder
     */
    public ContainerSpec.Builder unprivileged(boolean unprivileged) {
        return put(UNPRIVILEGED, unprivileged);
    }

    /**
     * Sets {@code onboot}. Whether the container starts when the host boots.
     *
     * @param onboot true to start on boot
     * @return this builder
     */
    public ContainerSpec.Builder onBoot(boolean onboot) {
        return put(ONBOOT, onboot);
    }

    /**
     * Sets {@code startup}. The start/shutdown order and delays.
     *
     * @param startup the ordering
     * @return this builder
     */
    public ContainerSpec.Builder startup(Startup startup) {
        return put(STARTUP, Objects.requireNonNull(startup, "startup"));
    }

    /**
     * Sets {@code protection}. Whether removal and disk updates are blocked.
     *
     * @param protection true to protect
     * @return this builder
     */
    public ContainerSpec.Builder protection(boolean protection) {
        return put(PROTECTION, protection);
    }

    /**
     * Sets {@code timezone}. The time zone: {@code host} or a zoneinfo name such as {@code Europe/Berlin}.
     *
     * @param timezone the zone
     * @return this builder
     */
    public ContainerSpec.Builder timezone(String timezone) {
        return put(TIMEZONE, Objects.requireNonNull(timezone, "timezone"));
    }

    /**
     * Sets {@code password}. The root password (a secret: never shown by toString, logs or errors; at least 5
     * characters).
     *
     * @param password the password
     * @return this builder
     */
    public ContainerSpec.Builder password(String password) {
        return put(PASSWORD, Objects.requireNonNull(password, "password"));
    }

    /**
     * Sets {@code console}. Whether a console device is attached (Proxmox's default: true).
     *
     * @param console true to attach
     * @return this builder
     */
    public ContainerSpec.Builder console(boolean console) {
        return put(CONSOLE, console);
    }

    /**
     * Sets {@code tty}. The number of ttys (0..6; Proxmox's default 2).
     *
     * @param tty the count
     * @return this builder
     */
    public ContainerSpec.Builder tty(int tty) {
        return put(TTY, tty);
    }

    /**
     * Sets {@code cmode}. The console mode.
     *
     * @param cmode the mode
     * @return this builder
     */
    public ContainerSpec.Builder consoleMode(ConsoleMode cmode) {
        return put(CMODE, Objects.requireNonNull(cmode, "cmode"));
    }

    /**
     * Sets {@code entrypoint}. The command run as init (default {@code /sbin/init}); no control characters.
     *
     * @param entrypoint the command
     * @return this builder
     */
    public ContainerSpec.Builder entrypoint(String entrypoint) {
        return put(ENTRYPOINT, Objects.requireNonNull(entrypoint, "entrypoint"));
    }

    /**
     * Sets {@code hookscript}. The hook script volume, e.g. {@code local:snippets/hook.sh} (root@pam only).
     *
     * @param hookscript a volume id
     * @return this builder
     */
    public ContainerSpec.Builder hookScript(String hookscript) {
        return put(HOOKSCRIPT, Objects.requireNonNull(hookscript, "hookscript"));
    }

    /**
     * Sets {@code start}. Whether Proxmox starts the container after creating it.
     *
     * @param start true to start
     * @return this builder
     */
    public ContainerSpec.Builder start(boolean start) {
        return put(START, start);
    }

    /**
     * Sets {@code unique}. Whether a restore assigns a new random MAC address (needs restore).
     *
     * @param unique true for a unique MAC
     * @return this builder
     */
    public ContainerSpec.Builder unique(boolean unique) {
        return put(UNIQUE, unique);
    }

    /**
     * Sets {@code restore}. Whether this create restores a backup given as ostemplate.
     *
     * @param restore true to restore
     * @return this builder
     */
    public ContainerSpec.Builder restore(boolean restore) {
        return put(RESTORE, restore);
    }

    /**
     * Sets {@code force}. Whether an existing container may be overwritten (restore).
     *
     * @param force true to overwrite
     * @return this builder
     */
    public ContainerSpec.Builder force(boolean force) {
        return put(FORCE, force);
    }

    /**
     * Sets {@code ha-managed}. Whether the container becomes an HA resource after creation (needs Sys.Console).
     *
     * @param haManaged true to add to HA
     * @return this builder
     */
    public ContainerSpec.Builder haManaged(boolean haManaged) {
        return put(HA_MANAGED, haManaged);
    }

    /**
     * Sets {@code ignore-unpack-errors}. Whether errors while extracting the template are ignored.
     *
     * @param ignoreUnpackErrors true to ignore
     * @return this builder
     */
    public ContainerSpec.Builder ignoreUnpackErrors(boolean ignoreUnpackErrors) {
        return put(IGNORE_UNPACK_ERRORS, ignoreUnpackErrors);
    }

    /**
     * Sets {@code template}. Whether the container is marked as a template.
     *
     * @param template true for a template
     * @return this builder
     */
    public ContainerSpec.Builder markAsTemplate(boolean template) {
        return put(TEMPLATE, template);
    }

    /**
     * Sets {@code debug}. Whether start logs at debug level.
     *
     * @param debug true for debug
     * @return this builder
     */
    public ContainerSpec.Builder debug(boolean debug) {
        return put(DEBUG, debug);
    }

    /**
     * Sets {@code lock}. Locks the container as Proxmox's own operations do ({@code backup}, {@code create},
     * {@code destroyed}, {@code disk}, {@code fstrim}, {@code migrate}, {@code mounted}, {@code rollback},
     * {@code snapshot}, {@code snapshot-delete}): a locked container refuses changes until {@code pct unlock}.
     * Needs {@code VM.Config.Options}; a lock read back from a config is not decoded (Proxmox manages it).
     *
     * @param lock one of the lock names above
     * @return this builder
     */
    public ContainerSpec.Builder lock(String lock) {
        return put(LOCK, Objects.requireNonNull(lock, "lock"));
    }

    /**
     * Sets {@code storage}. The default storage for volumes given as a bare size (Proxmox's default: local).
     *
     * @param storage a storage id
     * @return this builder
     */
    public ContainerSpec.Builder storage(String storage) {
        return put(STORAGE, Objects.requireNonNull(storage, "storage"));
    }

    /**
     * Sets {@code bwlimit}. The I/O bandwidth limit for a restore in KiB/s (0 or more).
     *
     * @param bwlimit the limit
     * @return this builder
     */
    public ContainerSpec.Builder bandwidthLimitKiBps(double bwlimit) {
        return put(BWLIMIT, bwlimit);
    }

    /**
     * Sets {@code features}. The advanced features. An empty set ({@link Features#none()}) means the same as no
     * features and leaves the option unset, so that no empty {@code features=} parameter is sent.
     *
     * @param features the features
     * @return this builder
     */
    public ContainerSpec.Builder features(Features features) {
        return put(FEATURES, Objects.requireNonNull(features, "features").isEmpty() ? null : features);
    }

    /**
     * Replaces the list. Tags (pve-tag each), sent {@code ;}-joined.
     *
     * @param tags the new entries
     * @return this builder
     */
    public ContainerSpec.Builder tags(List<String> tags) {
        Objects.requireNonNull(tags, "tags");
        list(TAGS).clear();
        tags.forEach(this::addTag);
        return self();
    }

    /**
     * Adds one entry. Tags (pve-tag each), sent {@code ;}-joined.
     *
     * @param tag a tag such as {@code media}
     * @return this builder
     */
    public ContainerSpec.Builder addTag(String tag) {
        list(TAGS).add(Objects.requireNonNull(tag, "tag"));
        return self();
    }

    /**
     * Replaces the list. DNS servers (IP addresses), sent space-separated; the host's are used when neither
     * these nor search domains are set.
     *
     * @param nameservers the new entries
     * @return this builder
     */
    public ContainerSpec.Builder nameservers(List<String> nameservers) {
        Objects.requireNonNull(nameservers, "nameservers");
        list(NAMESERVER).clear();
        nameservers.forEach(this::addNameserver);
        return self();
    }

    /**
     * Adds one entry. DNS servers (IP addresses), sent space-separated; the host's are used when neither these
     * nor search domains are set.
     *
     * @param nameserver an IPv4 or IPv6 address
     * @return this builder
     */
    public ContainerSpec.Builder addNameserver(String nameserver) {
        list(NAMESERVER).add(Objects.requireNonNull(nameserver, "nameserver"));
        return self();
    }

    /**
     * Replaces the list. DNS search domains (dns-name each), sent space-separated.
     *
     * @param searchDomains the new entries
     * @return this builder
     */
    public ContainerSpec.Builder searchDomains(List<String> searchDomains) {
        Objects.requireNonNull(searchDomains, "searchDomains");
        list(SEARCHDOMAIN).clear();
        searchDomains.forEach(this::addSearchDomain);
        return self();
    }

    /**
     * Adds one entry. DNS search domains (dns-name each), sent space-separated.
     *
     * @param searchDomain a domain such as {@code lan}
     * @return this builder
     */
    public ContainerSpec.Builder addSearchDomain(String searchDomain) {
        list(SEARCHDOMAIN).add(Objects.requireNonNull(searchDomain, "searchDomain"));
        return self();
    }

    /**
     * Replaces the list. SSH public keys for root (one OpenSSH key per entry), sent newline-joined.
     *
     * @param sshPublicKeys the new entries
     * @return this builder
     */
    public ContainerSpec.Builder sshPublicKeys(List<String> sshPublicKeys) {
        Objects.requireNonNull(sshPublicKeys, "sshPublicKeys");
        list(SSH_PUBLIC_KEYS).clear();
        sshPublicKeys.forEach(this::addSshPublicKey);
        return self();
    }

    /**
     * Adds one entry. SSH public keys for root (one OpenSSH key per entry), sent newline-joined.
     *
     * @param key one key line, e.g. {@code ssh-ed25519 AAAA... me@host}
     * @return this builder
     */
    public ContainerSpec.Builder addSshPublicKey(String key) {
        list(SSH_PUBLIC_KEYS).add(Objects.requireNonNull(key, "key"));
        return self();
    }

    /**
     * Replaces all entries. Network interfaces by index ({@code net0..net31}).
     *
     * @param networks entries by index
     * @return this builder
     */
    public ContainerSpec.Builder networks(Map<Integer, NetworkInterface> networks) {
        Objects.requireNonNull(networks, "networks");
        indexed(NET).clear();
        networks.forEach(this::network);
        return self();
    }

    /**
     * Sets the entry at an index ({@code net<index>}), replacing any there.
     *
     * @param index the index; checked by {@link ContainerSpec.Builder#build()}
     * @param value the entry
     * @return this builder
     */
    public ContainerSpec.Builder network(int index, NetworkInterface value) {
        indexed(NET).put(index, Objects.requireNonNull(value, "value"));
        return self();
    }

    /**
     * Adds an entry at the lowest free index.
     *
     * @param value the entry
     * @return this builder
     */
    public ContainerSpec.Builder addNetwork(NetworkInterface value) {
        Objects.requireNonNull(value, "value");
        SortedMap<Integer, Object> m = indexed(NET);
        int i = 0;
        while (m.containsKey(i)) {
            i++;
        }
        m.put(i, value);
        return self();
    }

    /**
     * Removes the entry at an index, if any.
     *
     * @param index the index
     * @return this builder
     */
    public ContainerSpec.Builder removeNetwork(int index) {
        indexed(NET).remove(index);
        return self();
    }

    /**
     * Replaces all entries. Mount points by index ({@code mp0..mp255}).
     *
     * @param mountPoints entries by index
     * @return this builder
     */
    public ContainerSpec.Builder mountPoints(Map<Integer, MountPoint> mountPoints) {
        Objects.requireNonNull(mountPoints, "mountPoints");
        indexed(MP).clear();
        mountPoints.forEach(this::mountPoint);
        return self();
    }

    /**
     * Sets the entry at an index ({@code mp<index>}), replacing any there.
     *
     * @param index the index; checked by {@link ContainerSpec.Builder#build()}
     * @param value the entry
     * @return this builder
     */
    public ContainerSpec.Builder mountPoint(int index, MountPoint value) {
        indexed(MP).put(index, Objects.requireNonNull(value, "value"));
        return self();
    }

    /**
     * Adds an entry at the lowest free index.
     *
     * @param value the entry
     * @return this builder
     */
    public ContainerSpec.Builder addMountPoint(MountPoint value) {
        Objects.requireNonNull(value, "value");
        SortedMap<Integer, Object> m = indexed(MP);
        int i = 0;
        while (m.containsKey(i)) {
            i++;
        }
        m.put(i, value);
        return self();
    }

    /**
     * Removes the entry at an index, if any.
     *
     * @param index the index
     * @return this builder
     */
    public ContainerSpec.Builder removeMountPoint(int index) {
        indexed(MP).remove(index);
        return self();
    }

    /**
     * Replaces all entries. Passed-through devices by index ({@code dev0..dev255}, root@pam only).
     *
     * @param devices entries by index
     * @return this builder
     */
    public ContainerSpec.Builder devices(Map<Integer, DeviceEntry> devices) {
        Objects.requireNonNull(devices, "devices");
        indexed(DEV).clear();
        devices.forEach(this::device);
        return self();
    }

    /**
     * Sets the entry at an index ({@code dev<index>}), replacing any there.
     *
     * @param index the index; checked by {@link ContainerSpec.Builder#build()}
     * @param value the entry
     * @return this builder
     */
    public ContainerSpec.Builder device(int index, DeviceEntry value) {
        indexed(DEV).put(index, Objects.requireNonNull(value, "value"));
        return self();
    }

    /**
     * Adds an entry at the lowest free index.
     *
     * @param value the entry
     * @return this builder
     */
    public ContainerSpec.Builder addDevice(DeviceEntry value) {
        Objects.requireNonNull(value, "value");
        SortedMap<Integer, Object> m = indexed(DEV);
        int i = 0;
        while (m.containsKey(i)) {
            i++;
        }
        m.put(i, value);
        return self();
    }

    /**
     * Removes the entry at an index, if any.
     *
     * @param index the index
     * @return this builder
     */
    public ContainerSpec.Builder removeDevice(int index) {
        indexed(DEV).remove(index);
        return self();
    }

    /**
     * Allocates a new root volume: {@code rootfs=<storage>:<sizeGiB>}.
     *
     * @param storage a storage id, e.g. {@code local-lvm}
     * @param sizeGiB the size in GiB
     * @return this builder
     */
    public ContainerSpec.Builder rootFs(String storage, int sizeGiB) {
        return rootFs(RootFs.builder().volume(storage, sizeGiB).build());
    }

    /**
     * Replaces the runtime environment ({@code env}).
     *
     * @param environment names ({@code \w+}) to values (no control characters)
     * @return this builder
     */
    public ContainerSpec.Builder environment(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        env().clear();
        environment.forEach(this::putEnvironment);
        return self();
    }

    /**
     * Adds or replaces one runtime environment variable.
     *
     * @param name the name, {@code \w+}
     * @param value the value, no control characters
     * @return this builder
     */
    public ContainerSpec.Builder putEnvironment(String name, String value) {
        env().put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return self();
    }

    /**
     * Sets an option this builder has no typed setter for (escape hatch). The key must be a create option of
     * {@code POST /nodes/{node}/lxc} in the official schema ({@code netN}, {@code mpN}, {@code devN} and {@code
     * unusedN} with their index ranges) other than {@code node}, and must not also be set through a typed
     * setter; the value must not contain control characters (newlines are allowed for {@code description} and
     * {@code ssh-public-keys}). Both are checked by {@link ContainerSpec.Builder#build()}; the value is otherwise sent as given.
     *
     * @param key the parameter name, e.g. {@code lock}
     * @param value the wire value
     * @return this builder
     */
    public ContainerSpec.Builder rawOption(String key, String value) {
        raw().put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return self();
    }

    /**
     * Replaces all raw options; see {@link #rawOption(String, String)}.
     *
     * @param options keys to wire values
     * @return this builder
     */
    public ContainerSpec.Builder rawOptions(Map<String, String> options) {
        Objects.requireNonNull(options, "options");
        raw().clear();
        options.forEach(this::rawOption);
        return self();
    }
}
