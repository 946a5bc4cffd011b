package io.github.proxmoxlxc.core.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Bulk provisioning spreads the replicas of one app across nodes. */
class AntiAffinityTest {

    @Test
    void threeReplicasLandOnThreeNodes_andAFourthWrapsAround() {
        try (SimFixture f = SimFixture.start(b -> b.addNode("pve1", 32, 256L << 30).addNode("pve2", 4, 16L << 30)
                .addNode("pve3", 4, 16L << 30))) {
            Provisioner p = Provisioner.on(f.client, f.options().waitForIp(false).build());
            List<ProvisionRequest> reqs = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                reqs.add(ProvisionRequest.builder().spec(SimFixture.spec("web-" + i)).template("alpine-3.22").build());
            }
            for (int i = 1; i <= 4; i++) {
                reqs.add(ProvisionRequest.builder().spec(SimFixture.spec("db-" + i)).template("alpine-3.22").build());
            }
            reqs.add(ProvisionRequest.builder().spec(SimFixture.spec("solo")).template("alpine-3.22").build());
            AntiAffinity byApp = AntiAffinity.byKey(r -> r.label().equals("solo") ? Optional.empty()
                    : Optional.of(r.label().replaceAll("-\\d+$", "")));

            List<ProvisionOutcome> out = p.provisionAll(reqs, BulkOptions.builder().maxConcurrent(4).maxConcurrentPerNode(2).build(), byApp);

            assertThat(out).hasSize(8).allMatch(ProvisionOutcome::succeeded);
            Map<String, List<String>> nodesByApp = out.stream().filter(o -> !o.request().label().equals("solo"))
                    .collect(Collectors.groupingBy(o -> o.request().label().replaceAll("-\\d+$", ""),
                            Collectors.mapping(o -> o.result().orElseThrow().node(), Collectors.toList())));
            assertThat(nodesByApp.get("web")).containsExactlyInAnyOrder("pve1", "pve2", "pve3");
            assertThat(nodesByApp.get("db")).hasSize(4).containsOnly("pve1", "pve2", "pve3");
            assertThat(nodesByApp.get("db").stream().collect(Collectors.groupingBy(n -> n, Collectors.counting()))
                    .values()).allMatch(c -> c <= 2);
            assertThat(f.sim.locks()).isEmpty();

            List<ProvisionRequest> plain = new ArrayList<>();
            for (int i = 4; i <= 6; i++) {
                plain.add(ProvisionRequest.builder().spec(SimFixture.spec("web-" + i)).template("alpine-3.22").build());
            }
            List<ProvisionOutcome> without = p.provisionAll(plain, BulkOptions.builder().maxConcurrent(1).maxConcurrentPerNode(1).build());
            assertThat(without).allMatch(ProvisionOutcome::succeeded);
            assertThat(without.stream().map(o -> o.result().orElseThrow().node()).distinct())
                    .as("without anti-affinity the big node takes them all, so the spread above is the rule's doing")
                    .containsExactly("pve1");
        }
    }
}
