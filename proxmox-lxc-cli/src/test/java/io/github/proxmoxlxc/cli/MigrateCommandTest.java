package io.github.proxmoxlxc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.Trust;
import io.github.proxmoxlxc.testkit.PveSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code migrate} against a two-node simulator. */
class MigrateCommandTest {
    private static PveSimulator sim;
    private static ProxmoxClient pve;

    @BeforeAll
    static void startSimulator() {
        sim = PveSimulator.builder().timeScale(0).seed(13).addNode("pve1", 4, 16L << 30).addNode("pve2", 4, 16L << 30)
                .start();
        pve = ProxmoxClient.builder().baseUrl(sim.baseUrl()).apiToken(sim.tokenId(), sim.tokenSecret())
                .trust(Trust.fingerprints(sim.fingerprint())).build();
    }

    @AfterAll
    static void stopSimulator() {
        pve.close();
        sim.close();
    }

    @Test
    void migrate_runningNeedsRestart_thenMovesAndStartsOnTheTarget() {
        SnapshotCommandTest.container(sim, pve, 881, "mover", true);
        CliRunner.Result refused = SnapshotCommandTest.cli(sim).run("migrate", "881", "--target", "pve2", "--json");
        assertThat(refused.code()).isNotZero();
        Golden.assertMatches("migrate-running.json", refused.out());
        CliRunner.Result moved = SnapshotCommandTest.cli(sim).run("migrate", "881", "--target", "pve2", "--restart");
        assertThat(moved.code()).isZero();
        Golden.assertMatches("migrate.txt", moved.both());
        assertThat(pve.cluster().guest(881).orElseThrow().node()).contains("pve2");
        CliRunner.Result back = SnapshotCommandTest.cli(sim).run("migrate", "881", "--target", "pve1", "--restart",
                "--target-storage", "local-lvm", "--json");
        assertThat(back.code()).isZero();
        Golden.assertMatches("migrate.json", back.out());
        assertThat(sim.container(881).orElseThrow().node()).isEqualTo("pve1");
    }

    @Test
    void ha_addListStatusRemove() {
        SnapshotCommandTest.container(sim, pve, 891, "ha-web", true);
        CliRunner.Result add = SnapshotCommandTest.cli(sim).run("ha", "add", "891", "--max-restart", "2", "--comment",
                "web");
        assertThat(add.code()).isZero();
        Golden.assertMatches("ha-add.txt", add.both());
        CliRunner.Result again = SnapshotCommandTest.cli(sim).run("ha", "add", "891");
        assertThat(again.code()).isNotZero();
        assertThat(again.err()).contains("resource ID 'ct:891' already defined");
        CliRunner.Result upd = SnapshotCommandTest.cli(sim).run("ha", "add", "891", "--update", "--state", "stopped",
                "--json");
        assertThat(upd.code()).isZero();
        Golden.assertMatches("ha-update.json", upd.out());
        CliRunner.Result list = SnapshotCommandTest.cli(sim).run("ha", "list");
        Golden.assertMatches("ha-list.txt", list.both());
        CliRunner.Result status = SnapshotCommandTest.cli(sim).run("ha", "status", "--json");
        assertThat(status.code()).isZero();
        Golden.assertMatches("ha-status.json", status.out().replaceAll("\\w{3} \\w{3} +\\d+ [0-9:]+ \\d{4}",
                "<time>").replaceAll("\"timestamp\": \\d+", "\"timestamp\": <epoch>"));
        CliRunner.Result bad = SnapshotCommandTest.cli(sim).run("ha", "add", "891", "--update", "--state", "up");
        assertThat(bad.code()).isEqualTo(3);
        assertThat(bad.err()).contains("--state");
        CliRunner.Result rm = SnapshotCommandTest.cli(sim).run("ha", "remove", "891");
        assertThat(rm.code()).isZero();
        Golden.assertMatches("ha-remove.txt", rm.both());
        assertThat(pve.cluster().ha().resources()).isEmpty();
    }

    @Test
    void ha_stateEnabled_isAcceptedAsProxmoxsAliasOfStarted_andAnUnknownStateNamesTheAllowedValues() {
        SnapshotCommandTest.container(sim, pve, 892, "ha-alias", false);
        CliRunner.Result add = SnapshotCommandTest.cli(sim).run("ha", "add", "892", "--state", "enabled");
        assertThat(add.code()).isZero();
        assertThat(add.out()).contains("Added HA resource ct:892 (state started, max restart 1, max relocate 1)");
        CliRunner.Result bad = SnapshotCommandTest.cli(sim).run("ha", "add", "892", "--update", "--state", "Started");
        assertThat(bad.code()).isEqualTo(3);
        assertThat(bad.err()).contains("--state", "Started", "must be one of started, stopped, enabled, disabled, "
                + "ignored");
        assertThat(SnapshotCommandTest.cli(sim).run("ha", "remove", "892").code()).isZero();
    }
}
