package io.github.proxmoxlxc.testkit.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The privilege checks of the create handler, in pve-container's order, before anything is created. */
class CreateChecksTest {

    final PveModelTest base = new PveModelTest();
    final PveModel model = base.model;

    static Set<String> allBut(String... privileges) {
        Set<String> s = new HashSet<>(Acl.ALL_PRIVILEGES);
        s.removeAll(Set.of(privileges));
        return s;
    }

    void restrict(Map<String, Set<String>> acl) {
        model.acl(new Acl(PveModelTest.TOKEN, acl));
    }

    @Test
    void withoutVmAllocateCreateFailsWithTheBarePermissionText() {
        restrict(Map.of("/", allBut("VM.Allocate")));
        assertThatThrownBy(() -> base.create(100)).isInstanceOfSatisfying(PveError.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.getMessage()).isEqualTo("Permission check failed");
        });
        assertThat(model.containerStates()).isEmpty();
    }

    @Test
    void vmAllocateOnThePoolIsEnough() {
        model.pools().define("ci", null, java.util.List.of(), java.util.List.of());
        restrict(Map.of("/", allBut("VM.Allocate"), "/pool/ci", Set.of("VM.Allocate")));
        base.create(100, "pool", "ci");
        assertThat(model.containerStates()).hasSize(1);
    }

    @Test
    void withoutAllocateSpaceOnTheRootfsStorageCreateNamesPathAndPrivilege() {
        restrict(Map.of("/", Acl.ALL_PRIVILEGES, "/storage/local-lvm", allBut("Datastore.AllocateSpace")));
        assertThatThrownBy(() -> base.create(100, "rootfs", "local-lvm:8"))
                .hasMessage("Permission check failed (/storage/local-lvm, Datastore.AllocateSpace)");
        assertThatThrownBy(() -> base.create(100))
                .as("the storage parameter is the default for rootfs")
                .hasMessage("Permission check failed (/storage/local-lvm, Datastore.AllocateSpace)");
        assertThat(model.containerStates()).isEmpty();
    }

    @Test
    void templateStorageNeedsAuditOrAllocateSpace() {
        restrict(Map.of("/", Acl.ALL_PRIVILEGES, "/storage/local", Set.of("Datastore.AllocateTemplate")));
        assertThatThrownBy(() -> base.create(100))
                .hasMessage("Permission check failed (/storage/local, Datastore.AllocateSpace|Datastore.Audit)");
        restrict(Map.of("/", Acl.ALL_PRIVILEGES, "/storage/local", Set.of("Datastore.Audit")));
        base.create(100);
        assertThat(model.containerStates()).hasSize(1);
    }

    @Test
    void bridgesNeedSdnUseOnTheLocalNetworkZone() {
        restrict(Map.of("/", allBut("SDN.Use")));
        assertThatThrownBy(() -> base.create(100, "net0", "name=eth0,bridge=vmbr0,tag=20,ip=dhcp"))
                .hasMessage("Permission check failed (/sdn/zones/localnetwork/vmbr0/20, SDN.Use)");
    }

    @Test
    void anExistingVmidIsReportedBeforeMissingPrivileges() {
        base.create(100);
        restrict(Map.of());
        assertThatThrownBy(() -> base.create(100)).hasMessage("CT 100 already exists on node 'pve1'");
    }

    @Test
    void rootAtPamIsNeverRestricted() {
        restrict(Map.of());
        model.containers().create("pve1", "root@pam", PveModelTest.p("vmid", "100", "ostemplate", PveModelTest.TPL,
                "storage", "local-lvm"));
        assertThat(model.containerStates()).hasSize(1);
    }
}
