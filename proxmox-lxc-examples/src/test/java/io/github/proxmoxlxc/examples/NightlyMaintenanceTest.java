package io.github.proxmoxlxc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.client.BackupRequest;
import io.github.proxmoxlxc.core.client.Backups;
import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.Retention;
import io.github.proxmoxlxc.core.client.Snapshot;
import io.github.proxmoxlxc.core.client.Trust;
import io.github.proxmoxlxc.node.ContainerUpdate;
import io.github.proxmoxlxc.node.HostKeyPolicy;
import io.github.proxmoxlxc.node.NodeConnection;
import io.github.proxmoxlxc.node.SshAuth;
import io.github.proxmoxlxc.node.SshTarget;
import io.github.proxmoxlxc.node.UpdateFailedException;
import io.github.proxmoxlxc.node.UpdateResult;
import io.github.proxmoxlxc.testkit.ContainerReply;
import io.github.proxmoxlxc.testkit.NodeSimulator;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Example: a nightly maintenance job tested on the simulator and its node simulator (SSH). Each
 * night the job updates the container's OS packages with {@link ContainerUpdate}, which takes a
 * snapshot first, runs the upgrade inside the container over the node channel, verifies the app
 * with a command in the container and rolls back to the snapshot when the upgrade or the check
 * fails; then the job keeps only the two newest update snapshots, backs the container up and
 * prunes old backups.
 */
class NightlyMaintenanceTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static PveSimulator sim;
    private static NodeSimulator nodes;
    private static ProxmoxClient pve;
    private static NodeConnection node;

    @BeforeAll
    static void start() {
        sim = PveSimulator.builder().timeScale(0).start();
        // inside the containers: the upgrade succeeds; the health check of "broken-app" fails
        nodes = NodeSimulator.builder(sim)
                .onContainerCommand("dist-upgrade", ContainerReply.output("Setting up app (2.0) ...\n"))
                .onContainerCommand("is-active broken-app", ContainerReply.exit(3).withStdout("failed\n"))
                .start();
        pve = ProxmoxClient.builder().baseUrl(sim.baseUrl()).apiToken(sim.tokenId(), sim.tokenSecret())
                .trust(Trust.fingerprints(sim.fingerprint())).build();
        node = NodeConnection.builder(SshTarget.of(nodes.user(), nodes.host(), nodes.port("pve1")))
                .hostKeys(HostKeyPolicy.fingerprints(nodes.fingerprint("pve1")))
                .auth(SshAuth.keyFile(nodes.keyFile())).build();
    }

    @AfterAll
    static void stop() {
        node.close();
        pve.close();
        nodes.close();
        sim.close();
    }

    /** What one night did. */
    record Night(boolean updated, boolean rolledBack, int snapshotsKept, int backupsKept) {
    }

    /** The job under test: update (snapshot, upgrade, verify, roll back on failure), prune, back up, prune. */
    static Night nightly(Container ct, String service, Clock clock) {
        boolean updated;
        boolean rolledBack = false;
        try {
            UpdateResult r = ContainerUpdate.builder(pve, node).verify(List.of("systemctl", "is-active", service))
                    .clock(clock).build().run(ct);
            updated = r.snapshot().isPresent();
        } catch (UpdateFailedException e) {
            updated = false;
            rolledBack = e.rolledBack();
        }
        // keep the two newest update snapshots: each is a way back to the night before
        List<Snapshot> old = ct.snapshots().list().snapshots().stream()
                .filter(s -> s.name().startsWith("pre-update-"))
                .sorted(Comparator.comparing(Snapshot::name).reversed()).skip(2).toList();
        for (Snapshot s : old) {
            pve.tasks().await(ct.snapshots().delete(s.name(), false), WAIT);
        }
        Backups backups = pve.node(ct.node()).backups();
        pve.tasks().await(backups.backup(BackupRequest.builder().addVmid(ct.vmid()).storage("local").build()), WAIT);
        pve.tasks().await(backups.prune("local", Retention.builder().keepLast(3).build(), ct.vmid()), WAIT);
        return new Night(updated, rolledBack, ct.snapshots().list().snapshots().size(),
                backups.list("local", ct.vmid()).size());
    }

    private static Container container(int vmid) {
        pve.tasks().await(pve.node("pve1").containers().create(Map.of("vmid", Integer.toString(vmid), "hostname",
                "app-" + vmid, "ostemplate", "local:vztmpl/" + PveSimulator.DEFAULT_STORED_TEMPLATE, "ostype",
                "debian", "rootfs", "local-lvm:4", "memory", "512")), WAIT);
        Container ct = pve.node("pve1").container(vmid);
        pve.tasks().await(ct.start(), WAIT);
        Instant lastWeek = Instant.now().minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int d = 0; d < 5; d++) {
            sim.addBackup("pve1", "local", vmid, lastWeek.plus(d, ChronoUnit.DAYS), false);
        }
        return ct;
    }

    private static Clock night(int day) {
        return Clock.fixed(Instant.parse("2026-12-01T02:00:00Z").plus(day, ChronoUnit.DAYS), ZoneOffset.UTC);
    }

    @Test
    void threeGoodNights_keepTwoUpdateSnapshots_andThreeBackups() {
        Container ct = container(301);
        Night n = null;
        for (int day = 0; day < 3; day++) {
            n = nightly(ct, "app", night(day));
            assertThat(n.updated()).isTrue();
        }
        assertThat(n.snapshotsKept()).isEqualTo(2);
        assertThat(ct.snapshots().list().snapshots()).extracting(Snapshot::name)
                .containsExactlyInAnyOrder("pre-update-20261202-020000", "pre-update-20261203-020000");
        assertThat(n.backupsKept()).isEqualTo(3);
        assertThat(nodes.containerCommands()).anyMatch(c -> c.vmid() == 301 && c.line().contains("dist-upgrade"));
        assertThat(sim.locks()).doesNotContainKey(301);
    }

    @Test
    void anUpdateThatFailsVerification_isRolledBack_andTheContainerRunsAgain() {
        Container ct = container(302);
        Night n = nightly(ct, "broken-app", night(0));
        assertThat(n.updated()).isFalse();
        assertThat(n.rolledBack()).isTrue();
        assertThat(n.snapshotsKept()).isZero();
        assertThat(ct.status().running()).isTrue();
        assertThat(sim.tasks()).anyMatch(t -> t.type().equals("vzrollback") && t.id().equals("302") && t.succeeded());
        assertThat(n.backupsKept()).isEqualTo(3);
    }
}
