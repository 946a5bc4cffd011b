package io.github.proxmoxlxc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.client.BackupRequest;
import io.github.proxmoxlxc.core.client.Backups;
import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.Retention;
import io.github.proxmoxlxc.core.client.Trust;
import io.github.proxmoxlxc.testkit.PveSimulator;
import io.github.proxmoxlxc.testkit.junit.PveSimulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Example: a nightly maintenance job tested on the simulator. The job snapshots the container,
 * applies a change (here a config change; in production an update script), verifies the result,
 * rolls back to the snapshot when verification fails, then backs up and prunes old backups.
 */
class NightlyMaintenanceTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @RegisterExtension
    static final PveSimulatorExtension PVE = PveSimulatorExtension.configured(b -> b.timeScale(0));
    private static ProxmoxClient pve;

    @BeforeAll
    static void connect(PveSimulator sim) {
        pve = ProxmoxClient.builder().baseUrl(sim.baseUrl()).apiToken(sim.tokenId(), sim.tokenSecret())
                .trust(Trust.fingerprints(sim.fingerprint())).build();
    }

    @AfterAll
    static void disconnect() {
        pve.close();
    }

    /** What one night did. */
    record Night(boolean verified, boolean rolledBack, int backupsKept) {
    }

    /** The job under test: snapshot, change, verify, roll back on failure, back up, prune. */
    static Night nightly(Container ct, Consumer<Container> change, Predicate<Container> verify) {
        String snap = "nightly";
        pve.tasks().await(ct.snapshots().create(snap, "before nightly maintenance"), WAIT);
        boolean ok;
        try {
            change.accept(ct);
            ok = verify.test(ct);
        } catch (RuntimeException e) {
            ok = false;
        }
        if (!ok) {
            pve.tasks().await(ct.snapshots().rollback(snap, true), WAIT);
        }
        pve.tasks().await(ct.snapshots().delete(snap, false), WAIT);
        Backups backups = pve.node(ct.node()).backups();
        pve.tasks().await(backups.backup(BackupRequest.builder().addVmid(ct.vmid()).storage("local").build()), WAIT);
        pve.tasks().await(backups.prune("local", Retention.builder().keepLast(3).build(), ct.vmid()), WAIT);
        return new Night(ok, !ok, backups.list("local", ct.vmid()).size());
    }

    private static Container container(int vmid) {
        pve.tasks().await(pve.node("pve1").containers().create(Map.of("vmid", Integer.toString(vmid), "hostname",
                "app-" + vmid, "ostemplate", "local:vztmpl/" + PveSimulator.DEFAULT_STORED_TEMPLATE, "rootfs",
                "local-lvm:4", "memory", "512")), WAIT);
        Container ct = pve.node("pve1").container(vmid);
        pve.tasks().await(ct.start(), WAIT);
        Instant lastWeek = Instant.now().minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int d = 0; d < 5; d++) {
            PVE.simulator().addBackup("pve1", "local", vmid, lastWeek.plus(d, ChronoUnit.DAYS), false);
        }
        return ct;
    }

    @Test
    void aGoodChangeIsKept_andOldBackupsArePruned(PveSimulator sim) {
        Container ct = container(301);
        Night n = nightly(ct, c -> c.updateConfig(Map.of("memory", "1024")),
                c -> c.config().values().get("memory").equals("1024"));
        assertThat(n.verified()).isTrue();
        assertThat(ct.config().values()).containsEntry("memory", "1024");
        assertThat(n.backupsKept()).isEqualTo(3);
        assertThat(ct.snapshots().list().snapshots()).isEmpty();
        assertThat(sim.locks()).doesNotContainKey(301);
    }

    @Test
    void aChangeThatFailsVerification_isRolledBack_andTheContainerRunsAgain() {
        Container ct = container(302);
        Night n = nightly(ct, c -> c.updateConfig(Map.of("memory", "64")),
                c -> Integer.parseInt(c.config().values().get("memory")) >= 256);
        assertThat(n.rolledBack()).isTrue();
        assertThat(ct.config().values()).containsEntry("memory", "512");
        assertThat(ct.status().running()).isTrue();
        assertThat(n.backupsKept()).isEqualTo(3);
    }
}
