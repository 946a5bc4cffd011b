package io.github.proxmoxlxc.core.config;

import io.github.proxmoxlxc.core.internal.config.KeyRules;
import io.github.proxmoxlxc.core.provision.ProvisionRequest;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.core.spec.Features;
import io.github.proxmoxlxc.core.spec.InvalidSpecException;
import io.github.proxmoxlxc.core.spec.NetworkInterface;
import io.github.proxmoxlxc.core.spec.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Maps a {@link ResolvedConfig} onto a {@link ContainerSpec.Builder}, as build.func builds its
 * {@code pct create} command (reference §1a, §3).
 *
 * <table>
 *   <caption>Mapping</caption>
 *   <tr><th>keys</th><th>spec</th></tr>
 *   <tr><td>var_ctid</td><td>vmid</td></tr>
 *   <tr><td>var_hostname</td><td>hostname</td></tr>
 *   <tr><td>var_cpu, var_ram</td><td>cores, memory (MiB)</td></tr>
 *   <tr><td>var_container_storage + var_disk</td><td>rootfs {@code <storage>:<GiB>}; without a
 *       storage, {@link #rootFsSizeGiB()} for the request</td></tr>
 *   <tr><td>var_unprivileged</td><td>unprivileged</td></tr>
 *   <tr><td>var_brg (var_sdn_vnet wins), var_mac, var_net, var_gateway, var_vlan, var_mtu,
 *       var_ipv6_method</td><td>net0 {@code name=eth0,bridge,hwaddr,ip,gw,tag,mtu,ip6}</td></tr>
 *   <tr><td>var_nesting, var_keyctl, var_fuse, var_mknod, var_mount_fs</td><td>features</td></tr>
 *   <tr><td>var_tags</td><td>tags (split on {@code ;})</td></tr>
 *   <tr><td>var_ns, var_searchdomain</td><td>nameserver, searchdomain (split on spaces)</td></tr>
 *   <tr><td>var_protection, var_timezone, var_pw</td><td>protection, timezone, password</td></tr>
 *   <tr><td>var_ssh_authorized_key</td><td>ssh-public-keys</td></tr>
 *   <tr><td>(always)</td><td>onboot=1, as build.func</td></tr>
 *   <tr><td>var_os, var_version, var_template_storage</td><td>{@link #template()}</td></tr>
 * </table>
 *
 * <p>Where this differs from build.func, on purpose:
 * <ul>
 *   <li>{@code var_keyctl} is honoured (build.func ignores it and sets {@code keyctl=1} exactly
 *       for unprivileged containers; {@link ConfigResolver} keeps that as the default).</li>
 *   <li>{@code var_tags} is used as given; build.func prepends {@code community-script;}.</li>
 *   <li>SSH keys go into {@code ssh-public-keys} at create time instead of being pushed into
 *       {@code authorized_keys} after start.</li>
 *   <li>An IP range in {@code var_net} (which build.func resolves by pinging each address) and
 *       {@code var_ipv6_method=static} (whose address no {@code .vars} key can hold) are errors:
 *       set {@code net0} on the builder instead.</li>
 * </ul>
 * Like build.func, a gateway with {@code var_net=dhcp} is dropped with a warning, and a
 * {@code Etc/*} time zone becomes {@code host} with a warning (Proxmox accepts only zone.tab
 * names).
 *
 * <p>Keys with no spec field ({@code var_tun}, {@code var_gpu}, {@code var_ssh},
 * {@code var_verbose}, the APT cacher and proxy keys, {@code var_inherit_host_ca},
 * {@code var_post_install}, {@code var_github_token}) are listed by {@link #notInSpec()} for the
 * provisioner and the hardware module.
 */
public final class ConfigMapping {
    private static final Set<String> NOT_IN_SPEC = Set.of("var_tun", "var_gpu", "var_ssh",
            "var_verbose", "var_apt_cacher", "var_apt_cacher_ip", "var_http_proxy",
            "var_http_no_proxy", "var_inherit_host_ca", "var_post_install", "var_github_token");

    private final ResolvedConfig config;
    private final List<ConfigWarning> warnings;
    private final boolean dropGateway;
    private final Optional<String> timezone;

    private ConfigMapping(ResolvedConfig config, List<ConfigWarning> warnings, boolean dropGateway,
            Optional<String> timezone) {
        this.config = config;
        this.warnings = List.copyOf(warnings);
        this.dropGateway = dropGateway;
        this.timezone = timezone;
    }

    /**
     * Checks that a configuration can be mapped.
     *
     * @param config the resolved configuration
     * @return the mapping
     * @throws InvalidConfigException for an IP range in {@code var_net} or
     *     {@code var_ipv6_method=static}, naming the key's source
     */
    public static ConfigMapping of(ResolvedConfig config) {
        Objects.requireNonNull(config, "config");
        List<Violation> violations = new ArrayList<>();
        List<ConfigWarning> warnings = new ArrayList<>();
        Optional<ResolvedValue> net = config.get("var_net");
        net.filter(v -> v.value().indexOf('-') > 0).ifPresent(v -> violations.add(new Violation(
                "var_net", v.value(), "'dhcp' or a single address a.b.c.d/n: IP ranges need"
                        + " build.func's ping scan, which this library does not do",
                v.provenance().location())));
        config.get("var_ipv6_method").filter(v -> v.value().equals("static")).ifPresent(v ->
                violations.add(new Violation("var_ipv6_method", "static", "auto, dhcp or none: a"
                        + " static IPv6 address cannot come from .vars files (build.func"
                        + " excludes var_ipv6_static); set net0's ip6 on the spec builder",
                        v.provenance().location())));
        if (!violations.isEmpty()) {
            throw new InvalidConfigException(violations);
        }
        boolean dhcp = net.map(v -> v.value().equals("dhcp")).orElse(true);
        Optional<ResolvedValue> gw = config.get("var_gateway");
        boolean dropGateway = gw.isPresent() && dhcp;
        if (dropGateway) {
            warnings.add(new ConfigWarning("var_gateway", "gateway " + gw.get().value()
                    + " ignored because var_net is dhcp (as build.func does)",
                    gw.get().provenance().location()));
        }
        Optional<String> tz = config.value("var_timezone");
        Optional<ResolvedValue> tzValue = config.get("var_timezone");
        if (tzValue.isPresent() && tzValue.get().value().startsWith("Etc/")) {
            warnings.add(new ConfigWarning("var_timezone", tzValue.get().value()
                    + " is not in zone.tab, which Proxmox requires; using 'host' (as build.func"
                    + " does)", tzValue.get().provenance().location()));
            tz = Optional.of("host");
        }
        return new ConfigMapping(config, warnings, dropGateway, tz);
    }

    /**
     * Warnings from the mapping (dropped gateway, {@code Etc/*} time zone).
     *
     * @return an unmodifiable list
     */
    public List<ConfigWarning> warnings() {
        return warnings;
    }

    /**
     * The template the configuration asks for; the provisioner matches it against the node's
     * templates and sets {@code ostemplate}.
     *
     * @return the reference, or empty when {@code var_os} or {@code var_version} is not set
     */
    public Optional<TemplateRef> template() {
        Optional<String> os = config.value("var_os");
        Optional<String> version = config.value("var_version");
        if (os.isEmpty() || version.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TemplateRef(os.get(), version.get(),
                config.value("var_template_storage")));
    }

    /**
     * The values with no spec field (TUN, GPU, SSH root login, verbosity, APT cacher, proxies,
     * host CA, post-install hook, GitHub token), for the provisioner and the hardware module.
     *
     * @return an unmodifiable map in whitelist order
     */
    public Map<String, ResolvedValue> notInSpec() {
        Map<String, ResolvedValue> m = new LinkedHashMap<>();
        config.values().forEach((k, v) -> {
            if (NOT_IN_SPEC.contains(k)) {
                m.put(k, v);
            }
        });
        return Collections.unmodifiableMap(m);
    }

    /**
     * The root disk size: {@code var_disk}, else build.func's built-in
     * {@value io.github.proxmoxlxc.core.provision.ProvisionRequest#DEFAULT_ROOTFS_GIB} GiB. It is
     * in the spec when {@code var_container_storage} is set; otherwise pass it to
     * {@code ProvisionRequest.Builder.rootFsSizeGiB(int)} so the storage placement chooses gets
     * this size.
     *
     * @return the size in GiB
     */
    public int rootFsSizeGiB() {
        return number("var_disk").orElse(ProvisionRequest.DEFAULT_ROOTFS_GIB);
    }

    /**
     * A new builder holding the mapped values; {@code ostemplate} is not set (see
     * {@link #template()}), nor {@code rootfs} when {@code var_container_storage} is unset.
     *
     * @return a fresh builder each call
     */
    public ContainerSpec.Builder specBuilder() {
        ContainerSpec.Builder b = ContainerSpec.builder();
        config.value(VarsKeys.CTID).ifPresent(v -> b.vmid(Integer.parseInt(v)));
        config.value("var_hostname").ifPresent(b::hostname);
        number("var_cpu").ifPresent(b::cores);
        number("var_ram").ifPresent(b::memoryMiB);
        int disk = rootFsSizeGiB();
        config.value("var_container_storage").ifPresent(s -> b.rootFs(s, disk));
        config.bool("var_unprivileged").ifPresent(b::unprivileged);
        b.onBoot(true);
        b.network(0, net0());
        Features features = features();
        if (!features.isEmpty()) {
            b.features(features);
        }
        config.value("var_tags").ifPresent(t -> b.tags(split(t, ";")));
        config.value("var_ns").ifPresent(v -> b.nameservers(split(v, "[\\s,]+")));
        config.value("var_searchdomain").ifPresent(v -> b.searchDomains(split(v, "\\s+")));
        config.bool("var_protection").filter(p -> p).ifPresent(b::protection);
        timezone.ifPresent(b::timezone);
        config.value("var_pw").ifPresent(b::password);
        config.value("var_ssh_authorized_key").ifPresent(b::addSshPublicKey);
        return b;
    }

    /**
     * Builds a builder from {@link #specBuilder()} (possibly changed since), translating spec
     * violations so they name the configuration key and where its value came from.
     *
     * @param builder the builder
     * @return the spec
     * @throws InvalidConfigException listing every violation, each with {@code field} = the
     *     {@code var_*} key, {@code rule} prefixed with the spec field, and {@code source} = the
     *     key's provenance (violations of fields set in code keep their spec field)
     */
    public ContainerSpec build(ContainerSpec.Builder builder) {
        try {
            return builder.build();
        } catch (InvalidSpecException e) {
            List<Violation> translated = new ArrayList<>();
            for (Violation v : e.violations()) {
                Optional<ResolvedValue> source = keyFor(v.field()).flatMap(config::get);
                translated.add(source.isEmpty() ? v : new Violation(source.get().key(), v.value(),
                        v.field() + " " + v.rule(), source.get().provenance().location()));
            }
            throw new InvalidConfigException(translated);
        }
    }

    private Optional<String> keyFor(String specField) {
        switch (specField) {
            case "vmid":
                return Optional.of(VarsKeys.CTID);
            case "hostname":
                return Optional.of("var_hostname");
            case "cores":
                return Optional.of("var_cpu");
            case "memory":
                return Optional.of("var_ram");
            case "rootfs":
                return Optional.of("var_container_storage");
            case "rootfs.size":
                return Optional.of("var_disk");
            case "tags":
                return Optional.of("var_tags");
            case "nameserver":
                return Optional.of("var_ns");
            case "searchdomain":
                return Optional.of("var_searchdomain");
            case "timezone":
                return Optional.of("var_timezone");
            case "password":
                return Optional.of("var_pw");
            case "ssh-public-keys":
                return Optional.of("var_ssh_authorized_key");
            case "net0.bridge":
                return Optional.of(config.value("var_sdn_vnet").isPresent() ? "var_sdn_vnet"
                        : "var_brg");
            case "net0.hwaddr":
                return Optional.of("var_mac");
            case "net0.ip":
                return Optional.of("var_net");
            case "net0.gw":
                return Optional.of("var_gateway");
            case "net0.ip6":
                return Optional.of("var_ipv6_method");
            case "net0.mtu":
                return Optional.of("var_mtu");
            case "net0.tag":
                return Optional.of("var_vlan");
            case "features.nesting":
                return Optional.of("var_nesting");
            case "features.keyctl":
                return Optional.of("var_keyctl");
            case "features.fuse":
                return Optional.of("var_fuse");
            case "features.mknod":
                return Optional.of("var_mknod");
            case "features.mount":
                return Optional.of("var_mount_fs");
            default:
                return Optional.empty();
        }
    }

    private NetworkInterface net0() {
        NetworkInterface.Builder n = NetworkInterface.builder("eth0");
        Optional<String> bridge = config.value("var_sdn_vnet").or(() -> config.value("var_brg"));
        bridge.ifPresent(n::bridge);
        config.value("var_mac").ifPresent(n::macAddress);
        n.ip(config.value("var_net").orElse("dhcp"));
        if (!dropGateway) {
            config.value("var_gateway").ifPresent(n::gateway);
        }
        number("var_vlan").ifPresent(n::tag);
        number("var_mtu").ifPresent(n::mtu);
        config.value("var_ipv6_method").ifPresent(m -> {
            if (m.equals("auto")) {
                n.ip6Auto();
            } else if (m.equals("dhcp")) {
                n.ip6Dhcp();
            }
        });
        return n.build();
    }

    private Features features() {
        Features.Builder f = Features.builder();
        config.bool("var_nesting").ifPresent(f::nesting);
        config.bool("var_keyctl").ifPresent(f::keyctl);
        config.bool("var_fuse").ifPresent(f::fuse);
        config.bool("var_mknod").ifPresent(f::mknod);
        config.value("var_mount_fs").map(KeyRules::normalizeMountFs)
                .ifPresent(v -> f.mount(split(v, ",")));
        return f.build();
    }

    private Optional<Integer> number(String key) {
        OptionalLong n = config.number(key);
        return n.isPresent() && n.getAsLong() <= Integer.MAX_VALUE
                ? Optional.of((int) n.getAsLong()) : Optional.empty();
    }

    private static List<String> split(String value, String regex) {
        List<String> parts = new ArrayList<>();
        for (String p : Arrays.asList(value.trim().split(regex))) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return parts;
    }
}
