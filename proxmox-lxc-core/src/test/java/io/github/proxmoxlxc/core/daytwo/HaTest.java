package io.github.proxmoxlxc.core.daytwo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.client.ApiException;
import io.github.proxmoxlxc.core.client.Ha;
import io.github.proxmoxlxc.core.client.HaResource;
import io.github.proxmoxlxc.core.client.HaStatusEntry;
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
        ha.add(HaResource.builder(981).state("started").maxRestart(2).maxRelocate(3).comment("web").build());
        assertThatThrownBy(() -> ha.add(HaResource.builder(981).build())).isInstanceOf(ApiException.class)
                .hasMessageContaining("resource ID 'ct:981' already defined");
        assertThat(ha.resource(981)).contains(HaResource.builder(981).state("started").maxRestart(2).maxRelocate(3)
                .comment("web").build());

        ha.update(HaResource.builder(981).state("stopped").build());
        assertThat(ha.resource(981).orElseThrow().state()).contains("stopped");
        assertThat(ha.resource(981).orElseThrow().maxRestart()).hasValue(2);

        assertThat(ha.status()).extracting(HaStatusEntry::id).contains("quorum", "master", "fencing", "lrm:pve1",
                "lrm:pve2", "service:ct:981");
        HaStatusEntry svc = ha.status().stream().filter(e -> e.type().equals("service")).findFirst().orElseThrow();
        assertThat(svc.status()).isEqualTo("ct:981 (pve1, stopped)");
        assertThat(svc.requestState()).contains("stopped");

        ha.remove(981);
        assertThat(ha.resource(981)).isEmpty();
        assertThatThrownBy(() -> ha.remove(981)).isInstanceOf(ApiException.class)
                .hasMessageContaining("cannot delete service 'ct:981', not HA managed!");
        assertThatThrownBy(() -> ha.add(HaResource.builder(989).build())).isInstanceOf(ApiException.class)
                .hasMessageContaining("resource 'ct:989' does not exist in cluster");
    }
}
