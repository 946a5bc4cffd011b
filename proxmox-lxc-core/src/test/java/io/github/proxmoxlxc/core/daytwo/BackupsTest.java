package io.github.proxmoxlxc.core.daytwo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.client.AlreadyExistsException;
import io.github.proxmoxlxc.core.client.ApiException;
import io.github.proxmoxlxc.core.client.BackupMode;
import io.github.proxmoxlxc.core.client.BackupRequest;
import io.github.proxmoxlxc.core.client.BackupVolume;
import io.github.proxmoxlxc.core.client.Backups;
import io.github.proxmoxlxc.core.client.Compression;
import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.client.PruneEntry;
import io.github.proxmoxlxc.core.client.RestoreRequest;
import io.github.proxmoxlxc.core.client.Retention;
import io.github.proxmoxlxc.core.client.TaskFailedException;
import io.github.proxmoxlxc.core.client.TaskLogLine;
import io.github.proxmoxlxc.core.client.TaskWait;
import io.github.proxmoxlxc.core.client.Upid;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** vzdump, listing, removal, prune and restore against the simulator. */
class BackupsTest {
    private static DayTwoSim s;
    private static Backups backups;

    @BeforeAll
    static void start() {
        // a job of 30 nominal minutes lasts 1.8 s here: long enough to see its locks
        s = DayTwoSim.start(b -> b.taskDuration("vzdump", Duration.ofMinutes(30)));
        backups = s.pve.node("pve1").backups();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void backupOfTwoContainers_makesProtectedArchivesWithNotes_andHoldsTheBackupLock() {
        s.container(201, "web", true);
        s.container(202, "db", false);
        Upid job = backups.backup(BackupRequest.builder().addVmid(201).addVmid(202).storage("local")
                .mode(BackupMode.SNAPSHOT).compression(Compression.ZSTD).notesTemplate("{{guestname}} nightly")
                .protect(true).build());
        assertThat(s.sim.locks()).containsEntry(201, "backup").containsEntry(202, "backup");
        List<String> log = new CopyOnWriteArrayList<>();
        s.pve.tasks().await(job, TaskWait.builder().timeout(DayTwoSim.WAIT)
                .logListener(l -> log.add(l.text())).build());
        assertThat(log).contains("INFO: Starting Backup of VM 201 (lxc)", "INFO: backup mode: snapshot",
                "INFO: marking backup as protected", "INFO: Backup job finished successfully");
        assertThat(s.sim.locks()).doesNotContainKeys(201, 202);
        List<BackupVolume> web = backups.list("local", 201);
        assertThat(web).hasSize(1);
        assertThat(web.get(0).volid()).matches("local:backup/vzdump-lxc-201-\\d{4}_\\d\\d_\\d\\d-\\d\\d_\\d\\d_\\d\\d\\.tar\\.zst");
        assertThat(web.get(0).notes()).contains("web nightly");
        assertThat(web.get(0).isProtected()).isTrue();
        assertThat(web.get(0).format()).isEqualTo("tar.zst");
        assertThatThrownBy(() -> s.await(backups.remove(web.get(0).volid())))
                .isInstanceOf(TaskFailedException.class).hasMessageContaining("cannot remove protected volume");
    }

    @Test
    void lockedGuest_failsTheJobWithJobErrors_butTheOthersAreBackedUp() {
        s.container(203, "ok", false);
        s.container(204, "busy", false);
        s.sim.setLock(204, "snapshot");
        Upid job = backups.backup(BackupRequest.builder().addVmid(203).addVmid(204).storage("local").build());
        assertThatThrownBy(() -> s.await(job)).isInstanceOf(TaskFailedException.class).hasMessageContaining("job errors");
        assertThat(backups.list("local", 203)).hasSize(1);
        assertThat(backups.list("local", 204)).isEmpty();
        assertThat(s.sim.locks()).containsEntry(204, "snapshot").doesNotContainKey(203);
        s.sim.clearLock(204);
    }

    @Test
    void storageWithoutBackupContent_failsTheTask() {
        s.container(205, "nowhere", false);
        assertThatThrownBy(() -> s.await(backups.backup(BackupRequest.builder().addVmid(205).storage("local-lvm").build())))
                .isInstanceOf(TaskFailedException.class)
                .hasMessageContaining("can't use storage 'local-lvm' for backups - wrong content type");
    }

    @Test
    void prune_keepsWhatTheRetentionSays_andSparesProtectedBackups() {
        Instant base = Instant.parse("2026-11-01T01:00:00Z");
        List<String> made = new ArrayList<>();
        for (int day = 0; day < 10; day++) {
            made.add(s.sim.addBackup("pve1", "local", 300, base.plus(Duration.ofDays(day)), false));
            made.add(s.sim.addBackup("pve1", "local", 300, base.plus(Duration.ofDays(day)).plusSeconds(3600), false));
        }
        String kept = s.sim.addBackup("pve1", "local", 300, base.minus(Duration.ofDays(30)), true);
        Retention r = Retention.builder().keepLast(2).keepDaily(3).build();
        assertThat(r.wire()).isEqualTo("keep-last=2,keep-daily=3");
        List<PruneEntry> preview = backups.prunePreview("local", r, 300);
        assertThat(preview).hasSize(21);
        assertThat(preview.stream().filter(e -> e.mark() == PruneEntry.Mark.KEEP).count()).isEqualTo(5);
        assertThat(preview.stream().filter(e -> e.volid().equals(kept)).findFirst().orElseThrow().mark())
                .isEqualTo(PruneEntry.Mark.PROTECTED);
        // keep-last takes the two newest (both of day 9), keep-daily then days 8, 7 and 6
        assertThat(preview.subList(0, 2)).allMatch(e -> e.mark() == PruneEntry.Mark.KEEP);
        assertThat(preview.get(2).mark()).isEqualTo(PruneEntry.Mark.KEEP);
        assertThat(preview.get(3).mark()).isEqualTo(PruneEntry.Mark.REMOVE);
        assertThat(s.sim.volumes("pve1", "local")).containsAll(made);

        s.await(backups.prune("local", r, 300));
        List<BackupVolume> left = backups.list("local", 300);
        assertThat(left).hasSize(6);
        assertThat(left).extracting(BackupVolume::volid).contains(kept);
    }

    @Test
    void restore_intoANewVmid_withUniqueMacs_andOnAnotherStorage_reportsProgress() {
        Container src = s.container(206, "source", false);
        src.updateConfig(Map.of("cores", "2"));
        s.await(backups.backup(BackupRequest.builder().addVmid(206).storage("local").build()));
        BackupVolume b = backups.list("local", 206).get(0);
        List<TaskLogLine> progress = new CopyOnWriteArrayList<>();
        s.pve.tasks().await(backups.restore(RestoreRequest.builder().vmid(207).archive(b.volid()).unique(true)
                .storage("local-lvm").build()), TaskWait.builder().timeout(DayTwoSim.WAIT).logListener(progress::add).build());
        assertThat(progress).extracting(TaskLogLine::text)
                .contains("recovering backed-up configuration from '" + b.volid() + "'", "merging backed-up and given configuration..");
        Map<String, String> copy = s.pve.node("pve1").container(207).config().values();
        assertThat(copy).containsEntry("cores", "2").containsEntry("hostname", "source");
        assertThat(copy.get("rootfs")).startsWith("local-lvm:vm-207-disk-0");
        String srcMac = src.config().values().get("net0").replaceAll(".*hwaddr=([^,]+).*", "$1");
        assertThat(copy.get("net0")).doesNotContain(srcMac);
        assertThat(s.sim.locks()).doesNotContainKey(207);
    }

    @Test
    void restore_overAnExistingContainer_needsForce_andReplacesIt() {
        Container ct = s.container(208, "overwrite-me", false);
        s.await(backups.backup(BackupRequest.builder().addVmid(208).storage("local").build()));
        String volid = backups.list("local", 208).get(0).volid();
        ct.updateConfig(Map.of("memory", "2048"));
        RestoreRequest same = RestoreRequest.builder().vmid(208).archive(volid).build();
        assertThatThrownBy(() -> backups.restore(same)).isInstanceOf(AlreadyExistsException.class)
                .hasMessageContaining("CT 208 already exists on node 'pve1'");
        s.await(backups.restore(same.toBuilder().force(true).build()));
        assertThat(ct.config().values()).containsEntry("memory", "512");
        assertThat(s.sim.volumes("pve1", "local-lvm").stream().filter(v -> v.contains("vm-208-")).count()).isEqualTo(1);
    }

    @Test
    void restore_overARunningContainer_isRefused() {
        Container ct = s.container(209, "running", true);
        String volid = s.sim.addBackup("pve1", "local", 209, Instant.parse("2026-12-01T00:00:00Z"), false);
        assertThatThrownBy(() -> backups.restore(RestoreRequest.builder().vmid(209).archive(volid).force(true).build()))
                .isInstanceOf(ApiException.class).hasMessageContaining("can't overwrite running container");
        assertThat(ct.status().running()).isTrue();
    }

    @Test
    void requests_areCheckedBeforeAnyCall() {
        assertThatThrownBy(() -> BackupRequest.builder().storage("local").build()).hasMessageContaining("vmids");
        assertThatThrownBy(() -> Retention.builder().build()).hasMessageContaining("Retention.keepAll()");
        assertThatThrownBy(() -> RestoreRequest.builder().vmid(100).build()).hasMessageContaining("archive");
        assertThat(Retention.keepAll().wire()).isEqualTo("keep-all=1");
    }
}
