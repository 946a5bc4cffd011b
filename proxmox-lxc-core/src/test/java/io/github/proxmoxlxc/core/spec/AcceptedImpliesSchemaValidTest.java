package io.github.proxmoxlxc.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the builder with hostile strings: build() either throws {@link InvalidSpecException} or
 * returns a spec whose parameters the official schema accepts. (Raw option values are only checked
 * for control characters by design, so only the free-text {@code description} is fuzzed raw.)
 */
class AcceptedImpliesSchemaValidTest {
    private static final SchemaValidator CREATE = SchemaValidator.forEndpoint("POST /nodes/{node}/lxc");

    private static final List<BiConsumer<ContainerSpec.Builder, String>> SETTERS = List.of(
            ContainerSpec.Builder::hostname,
            ContainerSpec.Builder::pool,
            ContainerSpec.Builder::addTag,
            ContainerSpec.Builder::description,
            ContainerSpec.Builder::osTemplate,
            ContainerSpec.Builder::timezone,
            ContainerSpec.Builder::addNameserver,
            ContainerSpec.Builder::addSearchDomain,
            ContainerSpec.Builder::password,
            ContainerSpec.Builder::addSshPublicKey,
            ContainerSpec.Builder::entrypoint,
            ContainerSpec.Builder::hookScript,
            ContainerSpec.Builder::storage,
            (b, v) -> b.putEnvironment(v, "x"),
            (b, v) -> b.putEnvironment("X", v),
            (b, v) -> b.network(0, NetworkInterface.builder().name(v).build()),
            (b, v) -> b.network(0, NetworkInterface.builder("eth0").bridge(v).build()),
            (b, v) -> b.network(0, NetworkInterface.builder("eth0").macAddress(v).build()),
            (b, v) -> b.network(0, NetworkInterface.builder("eth0").ip(v).build()),
            (b, v) -> b.network(0, NetworkInterface.builder("eth0").ip6(v).build()),
            (b, v) -> b.network(0, NetworkInterface.builder("eth0").ip("10.0.0.2/24").gateway(v).build()),
            (b, v) -> b.network(0, NetworkInterface.builder("eth0").ip6("fd00::2/64").gateway6(v).build()),
            (b, v) -> b.rootFs(RootFs.builder().volume(v).build()),
            (b, v) -> b.rootFs(RootFs.builder().volume("local:4").addMountOption(v).build()),
            (b, v) -> b.rootFs(RootFs.builder().volume("local:4").size(v).build()),
            (b, v) -> b.mountPoint(0, MountPoint.builder().volume(v).path("/data").build()),
            (b, v) -> b.mountPoint(0, MountPoint.builder().volume("local:4").path(v).build()),
            (b, v) -> b.features(Features.builder().addMount(v).build()),
            (b, v) -> b.device(0, DeviceEntry.builder().path(v).build()),
            (b, v) -> b.device(0, DeviceEntry.builder().path("/dev/null").mode(v).build()),
            (b, v) -> b.rawOption("description", v));

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of(",", "=", ";", ":", "/", "/dev/", "..", ".", " ", "\n", "\t", "\0", "$(", "`", "'", "\"",
                        "\\", "%", "-", "_", "+", "@", "#", "1", "0", "fe80::1", "10.0.0.1", "/24", "/64", "local",
                        "local-lvm:8", "vztmpl/x", "eth0", "vmbr0", "BC:24:11:00:00:01", "noatime", "0660", "ssh-ed25519",
                        " AAAA", "G", "ü", "Europe/Berlin", "host", "a", "Z"),
                Arbitraries.strings().ofMaxLength(4));
        return piece.list().ofMinSize(1).ofMaxSize(10).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<Integer> setterIndex() {
        return Arbitraries.integers().between(0, SETTERS.size() - 1);
    }

    @Property(tries = 3000)
    void whateverBuildAcceptsTheSchemaAccepts(@ForAll("setterIndex") int setter, @ForAll("hostile") String value) {
        ContainerSpec.Builder b = ContainerSpec.builder().vmid(100).osTemplate("local:vztmpl/debian.tar.zst");
        SETTERS.get(setter).accept(b, value);
        ContainerSpec spec;
        try {
            spec = b.build();
        } catch (InvalidSpecException e) {
            assertThat(e.violations()).isNotEmpty();
            return;
        }
        assertThat(CREATE.validate(spec.toParameters(), Set.of("node"))).as("setter %d accepted '%s'", setter, value)
                .isEmpty();
    }
}
