package io.github.proxmoxlxc.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.testkit.PveSimulator;
import io.github.proxmoxlxc.testkit.StorageDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ContainerUpdate} end to end: snapshots and rollbacks through the simulator's API, the
 * update over real SSH into a {@code pct} test double ({@link FakeNode}).
 */
@Timeout(300)
class ContainerUpdateTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:15:30Z"), ZoneOffset.UTC);
    @TempDir
    static Path dir;
    static FakeNode f;

    @BeforeAll
    static void start() throws Exception {
        f = FakeNode.start(dir, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void osUpgrade_takesASnapshotFirst_runsApt_keepsTheSnapshot_reportsStepTimings() throws Exception {
        Container ct = f.container(201, "debian", "local-lvm", true);
        List<UpdateProgress> events = new ArrayList<>();
        UpdateResult r = ContainerUpdate.builder(f.pve, f.node).clock(CLOCK).build().run(ct, events::add);

        assertThat(f.state(201)).isEqualTo("v2");
        assertThat(Files.readString(f.root(201).resolve("calls")))
                .contains("apt-get update -q").contains("apt-get -y -q -o Dpkg::Options::=--force-confdef"
                        + " -o Dpkg::Options::=--force-confold dist-upgrade");
        assertThat(r.action()).isEqualTo("OS packages (apt)");
        assertThat(r.snapshot()).contains("pre-update-20261207-101530");
        assertThat(r.snapshotKept()).isTrue();
        assertThat(ct.snapshots().list().find("pre-update-20261207-101530")).isPresent();
        assertThat(r.outputTail()).contains("Setting up app (2.0) ...");
        assertThat(events).extracting(UpdateProgress::toString).anyMatch(e -> e.matches("snapshot done in \\d+ ms: "
                + "pre-update-20261207-101530")).anyMatch(e -> e.matches("update done in \\d+ ms: exit status 0"));
        assertThat(r.steps()).extracting(UpdateProgress::step).containsExactly("check", "snapshot", "update");
        assertThat(f.sim.locks()).isEmpty();

        // a second update in the same second: a new name, the first snapshot untouched
        UpdateResult again = ContainerUpdate.builder(f.pve, f.node).clock(CLOCK).build().run(ct);
        assertThat(again.snapshot()).contains("pre-update-20261207-101530-2");
        assertThat(ct.snapshots().list().snapshots()).extracting(s -> s.name())
                .containsExactly("pre-update-20261207-101530", "pre-update-20261207-101530-2");
    }

    @Test
    void failedUpgrade_rollsBackToTheSnapshot_startsAgain_removesIt_andNamesTheLastLines() throws Exception {
        Container ct = f.container(202, "debian", "local-lvm", true);
        f.failNextUpgrade(202, true);
        ContainerUpdate update = ContainerUpdate.builder(f.pve, f.node).clock(CLOCK).build();

        assertThatThrownBy(() -> update.run(ct))
                .isInstanceOfSatisfying(UpdateFailedException.class, e -> {
                    assertThat(e.step()).isEqualTo("update");
                    assertThat(e.rolledBack()).isTrue();
                    assertThat(e.mayBeHalfApplied()).isFalse();
                    assertThat(e.exitStatus()).hasValue(100);
                    assertThat(e.snapshot()).contains("pre-update-20261207-101530");
                    assertThat(e.outputTail()).contains("E: Sub-process /usr/bin/dpkg returned an error code (1)");
                })
                .hasMessageContaining("OS packages (apt) failed in container 202 (exit status 100)")
                .hasMessageContaining("rolled back to snapshot pre-update-20261207-101530 (then removed)")
                .hasMessageContaining("E: Sub-process /usr/bin/dpkg returned an error code (1)");
        assertThat(f.rollbacks(202)).isEqualTo(1);
        assertThat(ct.status().running()).isTrue();
        assertThat(ct.snapshots().list().snapshots()).isEmpty();
        assertThat(f.sim.locks()).isEmpty();
    }

    @Test
    void storageWithoutSnapshots_refusesBeforeAnyChange_unlessAllowed() throws Exception {
        Path d = Files.createDirectories(dir.resolve("dirstore"));
        try (FakeNode g = FakeNode.startWith(d, b -> b
                .addStorage("pve1", StorageDefinition.builder().id("local").type("dir")
                        .content(Set.of("vztmpl", "backup", "rootdir")).totalBytes(100L << 30).build())
                .addStoredTemplate("pve1", "local", PveSimulator.DEFAULT_STORED_TEMPLATE))) {
            Container ct = g.container(203, "debian", "local", true);
            assertThatThrownBy(() -> ContainerUpdate.builder(g.pve, g.node).build().run(ct))
                    .isInstanceOfSatisfying(UpdateFailedException.class, e -> {
                        assertThat(e.step()).isEqualTo("snapshot");
                        assertThat(e.updateStarted()).isFalse();
                    })
                    .hasMessageContaining("the storage of container 203 cannot take snapshots")
                    .hasMessageContaining("nothing was changed");
            assertThat(g.state(203)).isEqualTo("v1");

            List<UpdateProgress> events = new ArrayList<>();
            UpdateResult r = ContainerUpdate.builder(g.pve, g.node).snapshot(SnapshotPolicy.IF_SUPPORTED).build()
                    .run(ct, events::add);
            assertThat(r.snapshot()).isEmpty();
            assertThat(r.noSnapshotReason().orElseThrow()).contains("cannot take snapshots");
            assertThat(events).anyMatch(e -> e.phase() == UpdateProgress.Phase.SKIPPED
                    && e.message().contains("updating without a way back"));
            assertThat(g.state(203)).isEqualTo("v2");

            g.failNextUpgrade(203, true);
            assertThatThrownBy(() -> ContainerUpdate.builder(g.pve, g.node).snapshot(SnapshotPolicy.NONE).build()
                    .run(ct))
                    .isInstanceOfSatisfying(UpdateFailedException.class, e -> assertThat(e.mayBeHalfApplied()).isTrue())
                    .hasMessageContaining("no snapshot was taken, so the container may be on a half-applied change");
        }
    }

    @Test
    void appUpdate_runsTheCommunityScriptSilently_fromALocalCheckout() throws Exception {
        Container ct = f.container(204, "debian", "local-lvm", true);
        Path script = dir.resolve("jellyfin.sh");
        Files.writeString(script, "echo \"silent=$PHS_SILENT ctid=$CTID proxy=$http_proxy\"\n"
                + "echo v3 > \"$CT_ROOT/state\"\necho 'Updated successfully!'\n");
        UpdateResult r = ContainerUpdate.builder(f.pve, f.node).app("jellyfin", InstallScript.file(script))
                .environment(Map.of("http_proxy", "http://proxy:3128")).keepSnapshot(false).clock(CLOCK).build().run(ct);
        assertThat(r.action()).isEqualTo("app jellyfin");
        assertThat(r.outputTail()).contains("silent=1 ctid=204 proxy=http://proxy:3128", "Updated successfully!");
        assertThat(f.state(204)).isEqualTo("v3");
        assertThat(r.snapshotKept()).isFalse();
        assertThat(ct.snapshots().list().snapshots()).isEmpty();
        assertThat(ContainerUpdate.communityScriptUrl("jellyfin"))
                .isEqualTo("https://raw.githubusercontent.com/community-scripts/ProxmoxVE/main/ct/jellyfin.sh");
        assertThatThrownBy(() -> ContainerUpdate.builder(f.pve, f.node).app("../etc/passwd"))
                .hasMessageContaining("is not an app slug");
    }

    @Test
    void failedVerify_rollsBack_alpineUsesApk() throws Exception {
        Container ct = f.container(205, "alpine", "local-lvm", true);
        assertThatThrownBy(() -> ContainerUpdate.builder(f.pve, f.node).verify(List.of("sh", "-c",
                "grep -qx v1 \"$CT_ROOT/state\"")).clock(CLOCK).build().run(ct))
                .isInstanceOfSatisfying(UpdateFailedException.class, e -> {
                    assertThat(e.step()).isEqualTo("verify");
                    assertThat(e.rolledBack()).isTrue();
                })
                .hasMessageContaining("the check after the update (sh -c grep -qx v1 \"$CT_ROOT/state\") failed in"
                        + " container 205 (exit status 1)");
        assertThat(Files.readString(f.root(205).resolve("calls"))).isEqualTo("apk -U upgrade\n");
        assertThat(f.rollbacks(205)).isEqualTo(1);
    }

    @Test
    void stoppedContainer_orUnknownOs_failsInTheCheck_withNothingChanged() throws Exception {
        Container stopped = f.container(206, "debian", "local-lvm", false);
        assertThatThrownBy(() -> ContainerUpdate.builder(f.pve, f.node).build().run(stopped))
                .isInstanceOfSatisfying(UpdateFailedException.class, e -> assertThat(e.step()).isEqualTo("check"))
                .hasMessageContaining("container 206 is stopped").hasMessageContaining("start it first");
        Container nix = f.container(207, "nixos", "local-lvm", true);
        assertThatThrownBy(() -> ContainerUpdate.builder(f.pve, f.node).build().run(nix))
                .hasMessageContaining("ostype 'nixos', which has no known package upgrade");
        assertThat(nix.snapshots().list().snapshots()).isEmpty();
    }
}
