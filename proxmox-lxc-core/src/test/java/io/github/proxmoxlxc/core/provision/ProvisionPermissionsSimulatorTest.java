package io.github.proxmoxlxc.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.client.PermissionException;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Preflight's privilege check against the simulator's ACL: problems are reported before any change. */
class ProvisionPermissionsSimulatorTest {

    static Set<String> allBut(String... privileges) {
        Set<String> s = new HashSet<>(PveSimulator.ALL_PRIVILEGES);
        s.removeAll(Set.of(privileges));
        return s;
    }

    @Test
    void tokenWithoutAllocateSpaceOnTheRootfsStorage_isReportedByPreflight_beforeAnyChange() {
        try (SimFixture f = SimFixture.start(b -> b.tokenPrivileges(Map.of("/", PveSimulator.ALL_PRIVILEGES,
                "/storage/local-lvm", allBut("Datastore.AllocateSpace"))))) {
            Provisioner p = Provisioner.on(f.client, f.options().build());

            assertThatThrownBy(() -> p.provision(SimFixture.request("web1")))
                    .isInstanceOfSatisfying(PreflightException.class, e -> {
                        assertThat(e.problems()).singleElement().satisfies(pr -> {
                            assertThat(pr.check()).isEqualTo("permission");
                            assertThat(pr.subject()).isEqualTo("Datastore.AllocateSpace on /storage/local-lvm");
                            assertThat(pr.problem()).contains(f.sim.tokenId()).contains("lacks Datastore.AllocateSpace");
                            assertThat(pr.remedy()).contains("pveum acl modify /storage/local-lvm")
                                    .contains("--tokens '" + f.sim.tokenId() + "'");
                        });
                    });

            assertThat(f.sim.requestCount("GET /access/permissions")).isPositive();
            assertThat(f.sim.requestCount("POST /nodes/{node}/lxc")).isZero();
            assertThat(f.sim.requestCount("POST /nodes/{node}/aplinfo")).isZero();
            assertThat(f.containers()).isEmpty();
            assertThat(f.sim.locks()).isEmpty();
        }
    }

    @Test
    void tokenWithoutPowerManagement_isReportedByPreflight_withTheVmPath() {
        try (SimFixture f = SimFixture.start(b -> b.tokenPrivileges(Map.of("/", allBut("VM.PowerMgmt"))))) {
            Provisioner p = Provisioner.on(f.client, f.options().build());

            assertThatThrownBy(() -> p.preflight(SimFixture.request("web1")))
                    .isInstanceOfSatisfying(PreflightException.class, e -> assertThat(e.problems())
                            .extracting(PreflightProblem::subject).containsExactly("VM.PowerMgmt on /vms/{vmid}"));
            assertThat(f.sim.requestCount("POST /nodes/{node}/lxc")).isZero();
            assertThat(f.containers()).isEmpty();
        }
    }

    @Test
    void withEveryPrivilege_preflightPassesWithoutPermissionWarnings_andProvisioningSucceeds() {
        try (SimFixture f = SimFixture.start()) {
            Provisioner p = Provisioner.on(f.client, f.options().build());

            ProvisionPlan plan = p.preflight(SimFixture.request("web1"));
            assertThat(plan.resolved()).isTrue();
            assertThat(f.sim.requestCount("GET /access/permissions")).isPositive();
            assertThat(f.events).noneMatch(e -> e.message().contains("privileges not checked"));

            ProvisionResult r = p.provision(SimFixture.request("web1"));
            assertThat(r.status()).isEqualTo("running");
            assertThat(f.sim.requestCount("POST /nodes/{node}/lxc")).isEqualTo(1);
        }
    }

    @Test
    void withoutPreflight_theSimulatorItselfRefusesTheCreate_andNothingIsLeftBehind() {
        try (SimFixture f = SimFixture.start(b -> b.tokenPrivileges(Map.of("/", PveSimulator.ALL_PRIVILEGES,
                "/storage/local-lvm", allBut("Datastore.AllocateSpace"))))) {
            Provisioner p = Provisioner.on(f.client, f.options().preflight(false).build());

            assertThatThrownBy(() -> p.provision(SimFixture.request("web1")))
                    .hasCauseInstanceOf(PermissionException.class)
                    .cause().satisfies(c -> {
                        PermissionException pe = (PermissionException) c;
                        assertThat(pe.aclPath()).contains("/storage/local-lvm");
                        assertThat(pe.privilege()).contains("Datastore.AllocateSpace");
                    });
            assertThat(f.sim.requestCount("POST /nodes/{node}/lxc")).isEqualTo(1);
            assertThat(f.containers()).isEmpty();
            assertThat(f.sim.locks()).isEmpty();
        }
    }
}
