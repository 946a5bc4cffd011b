package io.github.proxmoxlxc.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Conformance: generated valid specs render to create parameters that the official PVE schema
 * accepts, and every value survives its codec unchanged.
 */
class ConformanceTest {
    private static final SchemaValidator CREATE = SchemaValidator.forEndpoint("POST /nodes/{node}/lxc");
    private static final List<String> NOT_IN_CONFIG = List.of("ostemplate", "password", "ssh-public-keys", "start",
            "restore", "unique", "force", "ignore-unpack-errors", "bwlimit", "storage", "pool", "ha-managed", "lock");

    @Provide
    Arbitrary<ContainerSpec> specs() {
        return SpecGenerator.specs();
    }

    @Property(tries = 250)
    void renderedParametersValidateAgainstTheOfficialSchema(@ForAll("specs") ContainerSpec spec) {
        Map<String, String> params = spec.toParameters();

        assertThat(CREATE.validate(params, Set.of("node"))).as("%s", params).isEmpty();
    }

    @Property(tries = 250)
    void everyPropertyStringOfTheCorpusRoundTrips(@ForAll("specs") ContainerSpec spec) {
        spec.networks().values().forEach(n -> assertThat(NetworkInterface.parse(n.encode())).isEqualTo(n));
        spec.mountPoints().values().forEach(m -> assertThat(MountPoint.parse(m.encode())).isEqualTo(m));
        spec.devices().values().forEach(d -> assertThat(DeviceEntry.parse(d.encode())).isEqualTo(d));
        spec.rootFs().ifPresent(r -> assertThat(RootFs.parse(r.encode())).isEqualTo(r));
        spec.startup().ifPresent(s -> assertThat(Startup.parse(s.encode())).isEqualTo(s));
        spec.features().ifPresent(f -> assertThat(Features.parse(f.encode())).isEqualTo(f));
    }

    @Property(tries = 250)
    void theConfigViewOfTheCorpusRoundTripsThroughFromConfig(@ForAll("specs") ContainerSpec spec) {
        Map<String, String> config = new LinkedHashMap<>(spec.toParameters());
        config.keySet().removeAll(NOT_IN_CONFIG);
        ContainerSpec.Builder expected = spec.toBuilder();
        NOT_IN_CONFIG.forEach(expected::clear);

        ContainerSpec decoded = ContainerSpec.fromConfig(config);

        assertThat(decoded).isEqualTo(expected.build());
        assertThat(spec.differencesFrom(decoded)).isEmpty();
    }
}
