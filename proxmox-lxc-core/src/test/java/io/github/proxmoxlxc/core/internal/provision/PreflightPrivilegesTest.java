package io.github.proxmoxlxc.core.internal.provision;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.TestResponses;
import io.github.proxmoxlxc.core.client.Trust;
import io.github.proxmoxlxc.core.provision.PreflightProblem;
import io.github.proxmoxlxc.core.provision.ProvisionOptions;
import io.github.proxmoxlxc.core.provision.ProvisionPlan;
import io.github.proxmoxlxc.core.provision.ProvisionRequest;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.core.spec.DeviceEntry;
import io.github.proxmoxlxc.core.spec.NetworkInterface;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Privileges of the plan against the caller's permissions (primed into the look-up cache; nothing is sent). */
class PreflightPrivilegesTest {

    @Test
    void missingPrivilegesAndRootOnlyOptions_areEachReported_withAGrantCommand() {
        try (ProxmoxClient client = ProxmoxClient.builder().baseUrl("https://127.0.0.1:9")
                .apiToken("automation@pve!ci", "00000000-0000-0000-0000-000000000000")
                .trust(Trust.insecureTrustAll()).build()) {
            Lookups lookups = new Lookups(client, Duration.ofMinutes(1));
            lookups.cache().get("permissions", () -> TestResponses.permissions(Map.of(
                    "/vms", Set.of("VM.Allocate", "VM.Audit"),
                    "/storage/local-lvm", Set.of("Datastore.AllocateSpace"))));
            ContainerSpec spec = ContainerSpec.builder().hostname("gpu").vmid(130).rootFs("local-lvm", 8)
                    .network(0, NetworkInterface.builder().name("eth0").bridge("vmbr0").dhcp().build())
                    .device(0, DeviceEntry.builder().path("/dev/dri/renderD128").build()).build();
            ProvisionRequest req = ProvisionRequest.builder().spec(spec).template("debian-12-standard").build();
            ProvisionPlan plan = PlanBuilder.build(req, ProvisionOptions.defaults(), new PlanBuilder.Facts("pve1", 130,
                    "local-lvm", "local", null, "debian-12-standard_12.7-1_amd64.tar.zst", true, true));
            List<String> notes = new ArrayList<>();

            List<PreflightProblem> problems = Preflight.privileges(lookups, plan, notes);

            assertThat(problems).extracting(PreflightProblem::subject).contains("dev0",
                    "VM.PowerMgmt on /vms/130", "VM.Config.Disk on /vms/130", "VM.Config.Network on /vms/130",
                    "Datastore.AllocateTemplate on /storage/local",
                    "SDN.Use on /sdn/zones/localnetwork/vmbr0").doesNotContain("VM.Allocate on /vms/130",
                    "Datastore.AllocateSpace on /storage/local-lvm");
            assertThat(problems).extracting(PreflightProblem::subject).doesNotHaveDuplicates();
            assertThat(problems).filteredOn(p -> p.check().equals("permission"))
                    .allMatch(p -> p.remedy().startsWith("grant it: pveum acl modify ")
                            && p.remedy().contains("--tokens 'automation@pve!ci'"));
            assertThat(problems).filteredOn(p -> p.check().equals("root@pam")).singleElement()
                    .satisfies(p -> assertThat(p.problem()).contains("API token automation@pve!ci"));
            assertThat(problems.toString()).doesNotContain("00000000-0000");
        }
    }
}
