package io.github.proxmoxlxc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.testsupport.PveExtension;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code backup}, {@code backups list|remove|prune} and {@code restore} against a simulator. */
class BackupCommandTest {
    @RegisterExtension
    static final PveExtension PVE = PveExtension.configured(b -> b.timeScale(0).seed(7));

    /** Backup names and listings carry the wall-clock time. */
    static String stamps(String s) {
        return SnapshotCommandTest.times(s).replaceAll("\\d{4}_\\d\\d_\\d\\d-\\d\\d_\\d\\d_\\d\\d", "<stamp>");
    }

    @Test
    void backup_list_restore_remove(PveSimulator sim, ProxmoxClient pve) throws Exception {
        SnapshotCommandTest.container(sim, pve, 501, "bk-web", true);
        SnapshotCommandTest.container(sim, pve, 502, "bk-db", false);
        CliRunner.Result backup = SnapshotCommandTest.cli(sim).run("backup", "501", "502", "--storage", "local",
                "--notes", "{{guestname}} nightly");
        assertThat(backup.code()).isZero();
        Golden.assertMatches("backup.txt", stamps(backup.both()));

        CliRunner.Result list = SnapshotCommandTest.cli(sim).run("backups", "list", "--storage", "local", "--json");
        assertThat(list.code()).isZero();
        JsonNode doc = new ObjectMapper().readTree(list.out());
        assertThat(doc.get("backups").findValuesAsText("notes")).contains("bk-web nightly", "bk-db nightly");
        Golden.assertMatches("backups-list.json", stamps(list.out()));
        CliRunner.Result listHuman = SnapshotCommandTest.cli(sim).run("backups", "list", "--storage", "local",
                "--vmid", "501");
        Golden.assertMatches("backups-list.txt", stamps(listHuman.both()));

        String volid = doc.get("backups").get(0).get("volid").asText();
        CliRunner.Result restore = SnapshotCommandTest.cli(sim).run("restore", volid, "--vmid", "503", "--unique",
                "--storage", "local-lvm");
        assertThat(restore.code()).isZero();
        Golden.assertMatches("restore.txt", stamps(restore.both()));
        assertThat(sim.container(503)).isPresent();

        CliRunner.Result remove = SnapshotCommandTest.cli(sim).run("backups", "remove", volid, "--json");
        assertThat(remove.code()).isZero();
        Golden.assertMatches("backups-remove.json", stamps(remove.out()));
        assertThat(sim.volumes("pve1", "local")).doesNotContain(volid);
    }

    @Test
    void prune_dryRunThenForReal() {
        try (PveSimulator own = PveSimulator.builder().timeScale(0).seed(8).start()) {
            prune(own);
        }
    }

    private static void prune(PveSimulator sim) {
        Instant base = Instant.parse("2026-10-01T02:00:00Z");
        for (int day = 0; day < 5; day++) {
            sim.addBackup("pve1", "local", 600, base.plus(Duration.ofDays(day)), day == 0);
        }
        CliRunner.Result dry = SnapshotCommandTest.cli(sim).run("backups", "prune", "--storage", "local", "--vmid",
                "600", "--keep-last", "2", "--dry-run");
        assertThat(dry.code()).isZero();
        Golden.assertMatches("backups-prune-dry.txt", dry.both());
        assertThat(sim.volumes("pve1", "local").stream().filter(v -> v.contains("-600-")).count()).isEqualTo(5);
        CliRunner.Result real = SnapshotCommandTest.cli(sim).run("backups", "prune", "--storage", "local", "--vmid",
                "600", "--keep-last", "2", "--json");
        assertThat(real.code()).isZero();
        Golden.assertMatches("backups-prune.json", real.out());
        assertThat(sim.volumes("pve1", "local").stream().filter(v -> v.contains("-600-")).count()).isEqualTo(3);
    }

    @Test
    void prune_withoutARule_isInvalidInput(PveSimulator sim) {
        CliRunner.Result r = SnapshotCommandTest.cli(sim).run("backups", "prune", "--storage", "local");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("--keep-last");
    }

    @Test
    void badMode_namesTheFlag(PveSimulator sim) {
        CliRunner.Result r = SnapshotCommandTest.cli(sim).run("backup", "501", "--storage", "local", "--mode", "fast");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("--mode='fast'", "snapshot, suspend, stop");
    }
}
