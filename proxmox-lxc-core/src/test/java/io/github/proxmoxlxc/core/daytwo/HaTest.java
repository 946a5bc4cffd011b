package io.github.proxmoxlxc.core.daytwo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.client.ApiException;
import io.github.proxmoxlxc.core.client.Ha;
import io.github.proxmoxlxc.core.client.HaRequestState;
import io.github.proxmoxlxc.core.client.HaResource;
import io.github.proxmoxlxc.core.client.HaServiceState;
import io.github.proxmoxlxc.core.client.HaStatusEntry;
import io.github.proxmoxlxc.core.client.HttpMethod;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HA resources and status after pve-ha-manager's Resources.pm and Status.pm. */
class HaTest {
    private static DayTwoSim s;

    @BeforeAll
    static void start() {
        s = DayTwoSim.start(b -> b.addNode("pve1", 4, 16L << 30).addNode("pve2", 4, 16L << 30));
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void addUpdateListStatusRemove() {
        s.container(981, "ha-web", true);
        Ha ha = s.pve.cluster().ha();
        ha.add(HaResource.builder(981).state(HaRequestState.STARTED).maxRestart(2).maxRelocate(3).comment("web")
                .build());
        assertThatThrownBy(() -> ha.add(HaResource.builder(981).build())).isInstanceOf(ApiException.class)
                .hasMessageContaining("resource ID 'ct:981' already defined");
        assertThat(ha.resource(981)).contains(HaResource.builder(981).state(HaRequestState.STARTED).maxRestart(2)
                .maxRelocate(3).comment("web").build());

        ha.update(HaResource.builder(981).state(HaRequestState.STOPPED).build());
        assertThat(ha.resource(981).orElseThrow().state()).contains(HaRequestState.STOPPED);
        assertThat(ha.resource(981).orElseThrow().maxRestart()).hasValue(2);

        assertThat(ha.status()).extracting(HaStatusEntry::id).contains("quorum", "master", "fencing", "lrm:pve1",
                "lrm:pve2", "service:ct:981");
        HaStatusEntry svc = ha.status().stream().filter(e -> e.type().equals("service")).findFirst().orElseThrow();
        assertThat(svc.status()).isEqualTo("ct:981 (pve1, stopped)");
        assertThat(svc.requestState()).contains(HaRequestState.STOPPED);
        assertThat(svc.state()).contains(HaServiceState.STOPPED);
        assertThat(svc.rawState()).contains("stopped");

        ha.remove(981);
        assertThat(ha.resource(981)).isEmpty();
        assertThatThrownBy(() -> ha.remove(981)).isInstanceOf(ApiException.class)
                .hasMessageContaining("cannot delete service 'ct:981', not HA managed!");
        assertThatThrownBy(() -> ha.add(HaResource.builder(989).build())).isInstanceOf(ApiException.class)
                .hasMessageContaining("resource 'ct:989' does not exist in cluster");
    }

    @Test
    void everyRequestableState_roundTripsThroughTheSimulator_andTheStatusReportsIt() {
        s.container(982, "ha-states", false);
        Ha ha = s.pve.cluster().ha();
        ha.add(HaResource.builder(982).build());
        for (HaRequestState state : new HaRequestState[] {HaRequestState.STOPPED, HaRequestState.DISABLED,
            HaRequestState.IGNORED, HaRequestState.STARTED}) {
            ha.update(HaResource.builder(982).state(state).build());
            HaResource read = ha.resource(982).orElseThrow();
            assertThat(read.state()).as(state.name()).contains(state);
            assertThat(read.rawState()).as(state.name()).contains(state.wireName());
            assertThat(read).isEqualTo(HaResource.builder(982).state(state).build());
            HaStatusEntry svc = ha.status().stream().filter(e -> e.id().equals("service:ct:982")).findFirst()
                    .orElseThrow();
            assertThat(svc.requestState()).as(state.name()).contains(state);
            assertThat(svc.state()).as(state.name()).isPresent().get().isNotEqualTo(HaServiceState.UNKNOWN);
        }
        ha.remove(982);
    }

    @Test
    void enabled_writtenByAnotherTool_readsAsStarted_andSendingTheReadResourceBackKeepsItStarted() {
        s.container(983, "ha-enabled", false);
        Ha ha = s.pve.cluster().ha();
        s.pve.call(HttpMethod.POST, "/cluster/ha/resources", Map.of("sid", "ct:983", "state", "enabled",
                "max_restart", "3"));

        HaResource read = ha.resource(983).orElseThrow();
        assertThat(read.state()).contains(HaRequestState.STARTED);
        assertThat(read.rawState()).contains("enabled");
        assertThat(read.maxRestart()).hasValue(3);
        HaStatusEntry svc = ha.status().stream().filter(e -> e.id().equals("service:ct:983")).findFirst()
                .orElseThrow();
        assertThat(svc.requestState()).contains(HaRequestState.STARTED);
        assertThat(svc.state()).contains(HaServiceState.STARTED);

        ha.update(read);
        HaResource again = ha.resource(983).orElseThrow();
        assertThat(again.state()).contains(HaRequestState.STARTED);
        assertThat(again.rawState()).contains("started");
        assertThat(again).isEqualTo(read);
        ha.remove(983);
    }
}
