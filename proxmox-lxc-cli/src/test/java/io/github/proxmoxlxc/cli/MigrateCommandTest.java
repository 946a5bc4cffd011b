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
        assertThat(pve.cluster().guest(881).orElseThrow().node()).isEqualTo("pve2");
        CliRunner.Result back = SnapshotCommandTest.cli(sim).run("migrate", "881", "--target", "pve1", "--restart",
                "--target-storage", "local-lvm", "--json");
        assertThat(back.code()).isZero();
        Golden.assertMatches("migrate.json", back.out());
        assertThat(sim.container(881).orElseThrow().node()).isEqualTo("pve1");
    }
}
