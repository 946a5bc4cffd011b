package io.github.proxmoxlxc.core.daytwo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.client.Snapshot;
import io.github.proxmoxlxc.core.client.SnapshotState;
import io.github.proxmoxlxc.core.client.SnapshotTree;
import io.github.proxmoxlxc.core.client.Snapshots;
import io.github.proxmoxlxc.core.client.TaskFailedException;
import io.github.proxmoxlxc.core.client.Upid;
import io.github.proxmoxlxc.testkit.PveSimulator;
import io.github.proxmoxlxc.testkit.StorageDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Snapshots against the simulator: tree, current marker, locks, rollback, delete, Proxmox's texts. */
class SnapshotsTest {
    private static DayTwoSim s;

    @BeforeAll
    static void start() {
        s = DayTwoSim.start();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void create_list_rollback_delete_keepTheTreeAndTheConfigSections() {
        Container ct = s.container(110, "snappy", true);
        Snapshots snaps = ct.snapshots();
        s.await(snaps.create("first", "before the upgrade"));
        ct.updateConfig(Map.of("memory", "1024"));
        s.await(snaps.create("second"));

        SnapshotTree tree = snaps.list();
        assertThat(tree.snapshots()).extracting(Snapshot::name).containsExactly("first", "second");
        assertThat(tree.find("first").orElseThrow().description()).isEqualTo("before the upgrade");
        assertThat(tree.find("second").orElseThrow().parent()).contains("first");
        assertThat(tree.current().parent()).contains("second");
        assertThat(tree.current().running()).isTrue();
        List<String> walked = new ArrayList<>();
        tree.walk((depth, x) -> walked.add(depth + ":" + x.name()));
        assertThat(walked).containsExactly("0:first", "1:second", "2:current");
        assertThat(s.sim.configFile(110).orElseThrow()).contains("parent: second", "\n[first]\n",
                "\n[second]\n", "description: before the upgrade");
        assertThat(snaps.config("first")).containsEntry("memory", "512");

        s.await(snaps.rollback("first", false));
        assertThat(ct.config().values()).containsEntry("memory", "512").containsEntry("parent", "first");
        assertThat(ct.status().running()).isFalse();
        assertThat(snaps.list().current().parent()).contains("first");

        s.await(snaps.delete("first", false));
        SnapshotTree after = snaps.list();
        assertThat(after.snapshots()).extracting(Snapshot::name).containsExactly("second");
        assertThat(after.find("second").orElseThrow().parent()).isEmpty();
        assertThat(after.current().parent()).isEmpty();
        assertThat(s.sim.locks()).doesNotContainKey(110);
    }

    @Test
    void rollbackWithStart_startsTheContainerAgain() {
        Container ct = s.container(111, "restart", true);
        s.await(ct.snapshots().create("base"));
        s.await(ct.snapshots().rollback("base", true));
        assertThat(ct.status().running()).isTrue();
    }

    @Test
    void snapshotHoldsTheSnapshotLock_whileItsTaskRuns() {
        try (DayTwoSim slow = DayTwoSim.start(b -> b.taskDuration("vzsnapshot", Duration.ofMinutes(10)))) {
            Container ct = slow.container(112, "locking", false);
            Upid u = ct.snapshots().create("held");
            assertThat(slow.sim.locks()).containsEntry(112, "snapshot");
            assertThatThrownBy(() -> ct.updateConfig(Map.of("memory", "1024")))
                    .hasMessageContaining("CT is locked (snapshot)");
            slow.await(u);
            assertThat(slow.sim.locks()).doesNotContainKey(112);
        }
    }

    @Test
    void aSnapshotBeingTaken_isPrepare_andOneBeingDeleted_isDelete_andCannotBeRolledBackTo() {
        try (DayTwoSim slow = DayTwoSim.start(b -> b.taskDuration("vzsnapshot", Duration.ofHours(1)))) {
            Container ct = slow.container(115, "preparing", false);
            ct.snapshots().create("taking");
            Snapshot taking = ct.snapshots().list().find("taking").orElseThrow();
            assertThat(taking.state()).contains(SnapshotState.PREPARE);
            assertThat(taking.rawState()).contains("prepare");
        }
        try (DayTwoSim slow = DayTwoSim.start(b -> b.taskDuration("vzdelsnapshot", Duration.ofHours(1)))) {
            Container ct = slow.container(116, "deleting", false);
            slow.await(ct.snapshots().create("going"));
            assertThat(ct.snapshots().list().find("going").orElseThrow().state()).isEmpty();
            ct.snapshots().delete("going", false);
            Snapshot going = ct.snapshots().list().find("going").orElseThrow();
            assertThat(going.state()).contains(SnapshotState.DELETE);
            assertThat(going.rawState()).contains("delete");
            assertThatThrownBy(() -> slow.await(ct.snapshots().rollback("going", false)))
                    .isInstanceOf(TaskFailedException.class)
                    .hasMessageContaining("unable to rollback to incomplete snapshot (snapstate = delete)");
        }
    }

    @Test
    void errorsEndTheTaskWithProxmoxsText() {
        Container ct = s.container(113, "errors", false);
        s.await(ct.snapshots().create("once"));
        assertThatThrownBy(() -> s.await(ct.snapshots().create("once")))
                .isInstanceOf(TaskFailedException.class).hasMessageContaining("snapshot name 'once' already used");
        assertThatThrownBy(() -> s.await(ct.snapshots().rollback("never", false)))
                .isInstanceOf(TaskFailedException.class).hasMessageContaining("snapshot 'never' does not exist");
        try (DayTwoSim thick = DayTwoSim.start(b -> b
                .addStorage("pve1", StorageDefinition.builder().id("local").type("dir")
                        .content(Set.of("vztmpl", "backup")).totalBytes(100L << 30).build())
                .addStorage("pve1", StorageDefinition.builder().id("lvm-thick").type("lvm")
                        .content(Set.of("rootdir", "images")).totalBytes(100L << 30).build())
                .addStoredTemplate("pve1", "local", PveSimulator.DEFAULT_STORED_TEMPLATE))) {
            Container onThick = thick.container(114, "on-thick-lvm", "lvm-thick", false);
            assertThatThrownBy(() -> thick.await(onThick.snapshots().create("nope")))
                    .isInstanceOf(TaskFailedException.class).hasMessageContaining("snapshot feature is not available");
        }
        s.sim.setLock(113, "backup");
        assertThatThrownBy(() -> s.await(ct.snapshots().create("locked")))
                .isInstanceOf(TaskFailedException.class).hasMessageContaining("CT is locked (backup)");
        s.sim.clearLock(113);
    }

    @Test
    void invalidAndReservedNames_areRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> Snapshots.checkName("current")).hasMessageContaining("reserved");
        assertThatThrownBy(() -> Snapshots.checkName("1abc")).hasMessageContaining("must start with a letter");
        assertThatThrownBy(() -> Snapshots.checkName("a")).hasMessageContaining("e.g. before-upgrade");
        assertThat(Snapshots.checkName("pre_upgrade-2")).isEqualTo("pre_upgrade-2");
    }
}
