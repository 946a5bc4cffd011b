package io.github.proxmoxlxc.core.daytwo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.client.ApiException;
import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.client.MigrateRequest;
import io.github.proxmoxlxc.core.client.TaskFailedException;
import io.github.proxmoxlxc.core.client.TaskWait;
import io.github.proxmoxlxc.core.client.Upid;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Migrate after pve-container's migrate_vm and LXC/Migrate.pm, on a two-node simulator. */
class MigrateTest {
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
    void runningContainer_movesInRestartMode_andRunsOnTheTarget() {
        Container ct = s.container(971, "mover", true);
        assertThatThrownBy(() -> ct.migrate(MigrateRequest.builder().target("pve2").build()))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("can't migrate running container without --online or --restart");
        assertThat(s.sim.locks()).doesNotContainKey(971);

        Upid task = ct.migrate(MigrateRequest.builder().target("pve2").restart(true).build());
        List<String> log = new CopyOnWriteArrayList<>();
        s.pve.tasks().await(task, TaskWait.builder().timeout(DayTwoSim.WAIT).logListener(l -> log.add(l.text())).build());
        assertThat(log).contains("shutdown CT 971", "starting migration of CT 971 to node 'pve2' (10.0.0.11)",
                "start container on target node");
        assertThat(log).anyMatch(l -> l.startsWith("migration finished successfully"));
        assertThat(s.pve.cluster().guest(971).orElseThrow().node()).contains("pve2");
        Container moved = s.pve.node("pve2").container(971);
        assertThat(moved.status().running()).isTrue();
        assertThat(moved.config().values()).doesNotContainKey("lock");
        assertThatThrownBy(() -> s.pve.node("pve1").container(971).config()).isInstanceOf(ApiException.class);
    }

    @Test
    void stoppedContainer_movesToTheTargetStorage() {
        Container ct = s.container(972, "cold", false);
        s.await(ct.migrate(MigrateRequest.builder().target("pve2").targetStorage("local-lvm").build()));
        Container moved = s.pve.node("pve2").container(972);
        assertThat(moved.status().running()).isFalse();
        assertThat(moved.config().values().get("rootfs")).startsWith("local-lvm:");
    }

    @Test
    void refusals_andALockedContainer_failTheTaskAndLeaveNoLock() {
        Container ct = s.container(973, "stay", false);
        assertThatThrownBy(() -> ct.migrate(MigrateRequest.builder().target("pve1").build()))
                .isInstanceOf(ApiException.class).hasMessageContaining("target is local node.");
        assertThatThrownBy(() -> ct.migrate(MigrateRequest.builder().target("pve9").build()))
                .isInstanceOf(ApiException.class).hasMessageContaining("pve9");
        s.sim.setLock(973, "backup");
        Upid t = ct.migrate(MigrateRequest.builder().target("pve2").build());
        assertThatThrownBy(() -> s.await(t)).isInstanceOf(TaskFailedException.class)
                .hasMessageContaining("migration aborted");
        assertThat(s.sim.locks()).containsEntry(973, "backup");
        s.sim.clearLock(973);
        assertThat(s.pve.cluster().guest(973).orElseThrow().node()).contains("pve1");
    }
}
