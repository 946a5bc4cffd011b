package io.github.proxmoxlxc.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every decoder, fed arbitrary input, returns a value or throws {@link InvalidSpecException}. */
class DecoderPropertiesTest {
    private static final Map<String, Function<String, Object>> DECODERS = Map.of(
            "net", NetworkInterface::parse,
            "rootfs", RootFs::parse,
            "mp", MountPoint::parse,
            "features", Features::parse,
            "dev", DeviceEntry::parse,
            "startup", Startup::parse,
            "arch", Arch::parse,
            "ostype", OsType::parse,
            "cmode", ConsoleMode::parse);

    @Provide
    Arbitrary<String> anyStrings() {
        return Arbitraries.strings().all().ofMaxLength(80);
    }

    /** Strings made of the pieces property strings are made of, to reach deep into the parsers. */
    @Provide
    Arbitrary<String> propertyLike() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("name", "bridge", "ip", "ip6", "gw", "gw6", "hwaddr", "mtu", "tag", "trunks", "rate",
                        "firewall", "type", "volume", "mp", "size", "backup", "acl", "mountoptions", "ro", "path",
                        "uid", "gid", "mode", "deny-write", "nesting", "keyctl", "mount", "order", "up", "down",
                        "link_down", "host-managed", "quota", "replicate", "shared", "keepattrs", "fuse", "mknod"),
                Arbitraries.of("=", ",", ";", ":", "/", "/dev/", "..", ".", " ", "\n", "\0", "%", "-", "1", "0",
                        "yes", "off", "veth", "eth0", "vmbr0", "dhcp", "auto", "manual", "10.0.0.1/24", "fd00::1/64",
                        "local-lvm:8", "8G", "0660", "99999999999", "-1", "1.5", "nfs;cifs", "noatime",
                        "BC:24:11:00:00:01",
                        "01:00:5e:00:00:01", "::", "fe80::1"),
                Arbitraries.strings().ofMaxLength(5));
        return piece.list().ofMaxSize(14).map(l -> String.join("", l));
    }

    @Property(tries = 600)
    void decodersOnlyReturnAValueOrTheDocumentedError(@ForAll("anyStrings") String input) {
        DECODERS.forEach((name, decoder) -> assertDecodesOrRejects(name, decoder, input));
    }

    @Property(tries = 1500)
    void decodersSurvivePropertyStringShapedInput(@ForAll("propertyLike") String input) {
        DECODERS.forEach((name, decoder) -> assertDecodesOrRejects(name, decoder, input));
    }

    @Property(tries = 500)
    void fromConfigOnlyReturnsASpecOrTheDocumentedError(@ForAll("propertyLike") String value,
            @ForAll("keys") String key) {
        try {
            ContainerSpec spec = ContainerSpec.fromConfig(Map.of(key, value));
            assertThat(spec).isNotNull();
        } catch (InvalidSpecException e) {
            assertThat(e.violations()).isNotEmpty();
        }
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.of("vmid", "hostname", "tags", "cores", "cpulimit", "memory", "swap", "rootfs", "mp0",
                "net0", "net31", "dev255", "features", "startup", "unprivileged", "onboot", "nameserver",
                "searchdomain", "timezone", "tty", "cmode", "arch", "ostype", "env", "entrypoint", "hookscript",
                "description", "digest", "lxc", "unused0", "lock");
    }

    private static void assertDecodesOrRejects(String name, Function<String, Object> decoder, String input) {
        try {
            Object value = decoder.apply(input);
            assertThat(value).as(name).isNotNull();
        } catch (InvalidSpecException e) {
            assertThat(e.violations()).as(name).isNotEmpty();
            assertThat(e.getMessage()).as(name).isNotBlank();
        }
    }
}
