package io.github.proxmoxlxc.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The provisioner's extension point for steps inside the new container. */
class ContainerSetupFlowTest {

    @Test
    void setupsRunInOrderAfterTheAddress_withProgressEventsTimingAndAccessDetails() {
        List<String> seen = new ArrayList<>();
        try (SimFixture f = SimFixture.start()) {
            ProvisionOptions o = f.options()
                    .addContainerSetup(c -> {
                        seen.add("first " + c.node() + " " + c.vmid() + " " + c.spec().hostname().orElseThrow()
                                + " " + !c.addresses().isEmpty());
                        c.progress("dns: ok");
                    })
                    .addContainerSetup(c -> {
                        seen.add("second");
                        c.access("url", "http://" + c.addresses().get(0).split("/")[0] + ":8080");
                    })
                    .build();
            ProvisionResult r = Provisioner.on(f.client, o).provision(SimFixture.request("app1"));
            assertThat(seen).containsExactly("first pve1 " + r.vmid() + " app1 true", "second");
            assertThat(r.timings()).containsKey(ProvisionStep.CONTAINER_SETUP);
            assertThat(r.access()).containsOnlyKeys("url");
            assertThat(r.access().get("url")).startsWith("http://").endsWith(":8080");
            assertThat(f.events).anyMatch(e -> e.step() == ProvisionStep.CONTAINER_SETUP
                    && e.kind() == ProvisionEvent.Kind.PROGRESS && e.message().equals("dns: ok"));
        }
    }

    @Test
    void aFailingSetupRollsBackOrKeepsWithItsMessage() {
        ContainerSetup failing = c -> {
            throw new IllegalStateException("install script failed with exit status 3:\n  E: step two broke");
        };
        try (SimFixture f = SimFixture.start()) {
            assertThatThrownBy(() -> Provisioner.on(f.client, f.options().addContainerSetup(failing).build())
                    .provision(SimFixture.request("bad1")))
                    .isInstanceOf(ProvisionException.class)
                    .hasMessageContaining("CONTAINER_SETUP").hasMessageContaining("E: step two broke")
                    .hasMessageContaining("rolled back")
                    .satisfies(e -> assertThat(((ProvisionException) e).rolledBack()).isTrue());
            assertThat(f.sim.containers()).isEmpty();

            assertThatThrownBy(() -> Provisioner.on(f.client, f.options().addContainerSetup(failing).keepOnFailure(true)
                    .build()).provision(SimFixture.request("bad2")))
                    .isInstanceOf(ProvisionException.class).hasMessageContaining("kept")
                    .hasMessageContaining("E: step two broke");
            assertThat(f.sim.containers()).hasSize(1);
        }
    }
}
