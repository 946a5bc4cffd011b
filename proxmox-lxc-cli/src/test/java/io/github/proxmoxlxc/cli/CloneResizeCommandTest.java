package io.github.proxmoxlxc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.testsupport.PveExtension;
import io.github.proxmoxlxc.testkit.PveSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code template}, {@code clone} and {@code resize} against a simulator. */
class CloneResizeCommandTest {
    @RegisterExtension
    static final PveExtension PVE = PveExtension.configured(b -> b.timeScale(0).seed(9));

    @Test
    void template_thenLinkedClone(PveSimulator sim, ProxmoxClient pve) {
        SnapshotCommandTest.container(sim, pve, 801, "tpl", false);
        CliRunner.Result tpl = SnapshotCommandTest.cli(sim).run("template", "801");
        assertThat(tpl.code()).isZero();
        Golden.assertMatches("template.txt", tpl.both());
        CliRunner.Result clone = SnapshotCommandTest.cli(sim).run("clone", "801", "802", "--linked", "--hostname",
                "web-2", "--json");
        assertThat(clone.code()).isZero();
        Golden.assertMatches("clone.json", clone.out());
        assertThat(sim.container(802).orElseThrow().config()).containsEntry("hostname", "web-2");
        CliRunner.Result bad = SnapshotCommandTest.cli(sim).run("clone", "801", "803", "--linked", "--storage", "local");
        assertThat(bad.code()).isEqualTo(3);
        assertThat(bad.err()).contains("--full");
    }

    @Test
    void resize_growsAndRefusesToShrink(PveSimulator sim, ProxmoxClient pve) {
        SnapshotCommandTest.container(sim, pve, 810, "grow", false);
        CliRunner.Result grow = SnapshotCommandTest.cli(sim).run("resize", "810", "rootfs", "+2G");
        assertThat(grow.code()).isZero();
        Golden.assertMatches("resize.txt", grow.both());
        CliRunner.Result shrink = SnapshotCommandTest.cli(sim).run("resize", "810", "rootfs", "1G", "--json");
        assertThat(shrink.code()).isEqualTo(6);
        Golden.assertMatches("resize-shrink.json", shrink.out());
    }

    @Test
    void set_appliesWithTheDigest_andReportsAConcurrentChange(PveSimulator sim, ProxmoxClient pve) {
        SnapshotCommandTest.container(sim, pve, 820, "settle", false);
        CliRunner.Result set = SnapshotCommandTest.cli(sim).run("set", "820", "memory=1024", "cores=2");
        assertThat(set.code()).isZero();
        Golden.assertMatches("set.txt", set.both());
        assertThat(sim.container(820).orElseThrow().config()).containsEntry("memory", "1024").containsEntry("cores", "2");
        String stale = "0000000000000000000000000000000000000000";
        CliRunner.Result conflict = SnapshotCommandTest.cli(sim).run("set", "820", "memory=4096", "--digest", stale,
                "--json");
        assertThat(conflict.code()).isEqualTo(6);
        Golden.assertMatches("set-conflict.json", conflict.out());
        assertThat(sim.container(820).orElseThrow().config()).containsEntry("memory", "1024");
    }
}
