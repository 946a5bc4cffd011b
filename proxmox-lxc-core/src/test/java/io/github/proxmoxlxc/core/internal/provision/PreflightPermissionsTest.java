package io.github.proxmoxlxc.core.internal.provision;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.client.Permissions;
import io.github.proxmoxlxc.core.client.TestResponses;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PreflightPermissionsTest {

    @Test
    void aPrivilegeOnAParentPathCounts_placeholdersCheckTheirParent() {
        Permissions p = TestResponses.permissions(Map.of("/", Set.of("Sys.Audit"), "/vms", Set.of("VM.Allocate", "VM.PowerMgmt"),
                "/storage/local-lvm", Set.of("Datastore.AllocateSpace")));

        assertThat(Preflight.has(p, "/vms/104", "VM.Allocate")).isTrue();
        assertThat(Preflight.has(p, "/vms/{vmid}", "VM.PowerMgmt")).isTrue();
        assertThat(Preflight.has(p, "/storage/local-lvm", "Datastore.AllocateSpace")).isTrue();
        assertThat(Preflight.has(p, "/storage/local", "Datastore.AllocateSpace")).isFalse();
        assertThat(Preflight.has(p, "/sdn/zones/localnetwork/vmbr0", "SDN.Use")).isFalse();
        assertThat(Preflight.has(p, "/sdn/zones/localnetwork/vmbr0", "Sys.Audit")).isTrue();
    }
}
