package io.github.proxmoxlxc.core.provision;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * ensure() convergence: a container's config is drifted at random through the simulator (within
 * what can be applied, running or stopped), one ensure() brings it back to the spec, and a second
 * one sends no write request at all.
 */
class EnsureConvergenceTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final EnumSet<DriftAction> WRITTEN = EnumSet.of(DriftAction.APPLIED, DriftAction.PENDING,
            DriftAction.RESIZED);
    private static SimFixture f;
    private static Provisioner p;
    private static int rootGiB = 2;

    @BeforeContainer
    static void start() {
        f = SimFixture.start();
        p = Provisioner.on(f.client, f.options().build());
        assertThat(p.ensure(request()).created()).isTrue();
    }

    @AfterContainer
    static void stop() {
        f.close();
    }

    private static ContainerSpec spec() {
        // found by VMID: with hostname + tags as the identity a drifted tag would be another container
        return SimFixture.spec("conv").toBuilder().vmid(900).rootFs("local-lvm", rootGiB).swapMiB(512).timezone("UTC")
                .description("web").onBoot(true).tags(List.of("app")).build();
    }

    private static ProvisionRequest request() {
        return ProvisionRequest.builder().spec(spec()).template("debian-12-standard").build();
    }

    /** One random drift: option changes, deletions, an extra NIC, the power state, a larger spec disk. */
    static final class Drift {
        final Map<String, String> set;
        final List<String> delete;
        final boolean running;
        final boolean growSpecDisk;

        Drift(Map<String, String> set, List<String> delete, boolean running, boolean growSpecDisk) {
            this.set = set;
            this.delete = delete;
            this.running = running;
            this.growSpecDisk = growSpecDisk;
        }

        @Override
        public String toString() {
            return "set=" + set + " delete=" + delete + " running=" + running + " grow=" + growSpecDisk;
        }
    }

    @Provide
    Arbitrary<Drift> drifts() {
        Arbitrary<Map<String, String>> set = Arbitraries.maps(Arbitraries.of("memory", "cores", "swap", "description",
                "onboot", "tags", "timezone", "net0", "net1"), Arbitraries.of(0, 1, 2)).ofMaxSize(6)
                .map(choice -> {
                    Map<String, String> out = new LinkedHashMap<>();
                    choice.forEach((k, i) -> out.put(k, value(k, i)));
                    return out;
                });
        Arbitrary<List<String>> delete = Arbitraries.of("swap", "description", "tags", "timezone", "onboot")
                .list().uniqueElements().ofMaxSize(2);
        return Combinators.combine(set, delete, Arbitraries.of(true, false), Arbitraries.of(true, false).map(g -> g
                && rootGiB < 12)).as((s, d, r, g) -> {
                    List<String> del = d.stream().filter(k -> !s.containsKey(k)).toList();
                    return new Drift(s, del, r, g);
                });
    }

    private static String value(String key, int i) {
        switch (key) {
            case "memory": return List.of("256", "1024", "2048").get(i);
            case "cores": return List.of("2", "3", "4").get(i);
            case "swap": return List.of("0", "128", "1024").get(i);
            case "description": return List.of("changed", "by hand", "x").get(i);
            case "onboot": return "0";
            case "tags": return List.of("other", "app;extra", "db").get(i);
            case "timezone": return List.of("Europe/Berlin", "America/New_York", "Asia/Tokyo").get(i);
            case "net0": return List.of("name=eth0,bridge=vmbr0,ip=10.0.0.5/24,gw=10.0.0.1",
                    "name=eth0,bridge=vmbr0,ip=dhcp,firewall=1", "name=eth1,bridge=vmbr0,ip=dhcp").get(i);
            default: return "name=eth" + (7 + i) + ",bridge=vmbr0,ip=dhcp";
        }
    }

    @Property(tries = 25)
    void oneEnsureConverges_aSecondChangesNothing(@ForAll("drifts") Drift drift) {
        ProvisionResult before = p.ensure(request());
        Container ct = f.client.node(before.node()).container(before.vmid());
        boolean running = ct.status().running();
        if (drift.running != running) {
            f.client.tasks().await(drift.running ? ct.start() : ct.stop(), WAIT);
        }
        Map<String, String> change = new LinkedHashMap<>(drift.set);
        if (!drift.delete.isEmpty()) {
            change.put("delete", String.join(",", drift.delete));
        }
        if (!change.isEmpty()) {
            ct.updateConfig(change);
        }
        if (drift.growSpecDisk) {
            rootGiB++;
        }

        ProvisionResult first = p.ensure(request());
        assertThat(first.created()).isFalse();
        assertThat(first.drift()).allSatisfy(c -> assertThat(WRITTEN).as("%s", c).contains(c.action()));
        if (drift.growSpecDisk) {
            assertThat(first.drift()).anyMatch(c -> c.action() == DriftAction.RESIZED);
        }
        assertThat(spec().differencesFrom(ContainerSpec.fromConfig(ct.config().values()))).isEmpty();
        assertThat(f.sim.locks()).doesNotContainKey(before.vmid());

        f.sim.resetRequestCounts();
        ProvisionResult second = p.ensure(request());
        assertThat(second.drift()).isEmpty();
        long writes = f.sim.requestCounts().entrySet().stream().filter(e -> !e.getKey().startsWith("GET "))
                .mapToLong(Map.Entry::getValue).sum();
        assertThat(writes).as("write requests of the second ensure(): %s", f.sim.requestCounts()).isZero();
    }
}
