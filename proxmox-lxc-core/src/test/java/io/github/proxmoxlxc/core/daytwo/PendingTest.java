package io.github.proxmoxlxc.core.daytwo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.client.ApiException;
import io.github.proxmoxlxc.core.client.ConfigChangedException;
import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.client.PendingOption;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pending changes on a running container, after pve-container's update_pct_config. */
class PendingTest {
    private static DayTwoSim s;

    @BeforeAll
    static void start() {
        s = DayTwoSim.start();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static Map<String, PendingOption> pending(Container ct) {
        return ct.pending().stream().collect(Collectors.toMap(PendingOption::key, p -> p));
    }

    @Test
    void runningContainer_hotplugsCoresMemoryNet_andKeepsTheRestPending_untilStop() {
        Container ct = s.container(720, "hot", true);
        ct.updateConfig(Map.of("cores", "2", "memory", "1024", "swap", "256", "cpulimit", "1.5",
                "timezone", "Europe/Berlin", "features", "nesting=1"));
        Map<String, String> current = ct.currentConfig().values();
        assertThat(current).containsEntry("cores", "2").containsEntry("memory", "1024").containsEntry("swap", "256")
                .containsEntry("cpulimit", "1.5").doesNotContainKey("timezone");
        Map<String, PendingOption> p = pending(ct);
        assertThat(p.get("timezone").pending()).hasValue("Europe/Berlin");
        assertThat(p.get("timezone").value()).isEmpty();
        assertThat(p.get("features").isPending()).isTrue();
        assertThat(p.get("cores").isPending()).isFalse();
        // GET config shows pending values by default, as load_current_config does
        assertThat(ct.config().values()).containsEntry("timezone", "Europe/Berlin");
        assertThat(s.sim.configFile(720).orElseThrow()).contains("\n[pve:pending]\nfeatures: nesting=1\ntimezone: Europe/Berlin\n");

        ct.updateConfig(Map.of("delete", "swap,tty")); // swap hot-unplugs; tty is not set: ignored
        assertThat(ct.currentConfig().values()).doesNotContainKey("swap");
        ct.updateConfig(Map.of("revert", "features"));
        assertThat(pending(ct).get("features")).isNull();

        s.await(ct.stop());
        assertThat(ct.pending()).noneMatch(PendingOption::isPending);
        assertThat(ct.currentConfig().values()).containsEntry("timezone", "Europe/Berlin");
        assertThat(s.sim.configFile(720).orElseThrow()).doesNotContain("[pve:pending]");
    }

    @Test
    void deletingOnARunningContainer_isPending_andReadOnlyOptionsAreRefused() {
        Container ct = s.container(721, "del", false);
        ct.updateConfig(Map.of("timezone", "UTC"));
        s.await(ct.start());
        ct.updateConfig(Map.of("description", "x"));
        ct.updateConfig(Map.of("delete", "timezone"));
        assertThatThrownBy(() -> ct.updateConfig(Map.of("delete", "memory")))
                .isInstanceOf(ApiException.class).hasMessageContaining("unable to delete required option 'memory'");
        assertThatThrownBy(() -> ct.updateConfig(Map.of("unprivileged", "0")))
                .isInstanceOf(ApiException.class).hasMessageContaining("unable to modify read-only option: 'unprivileged'");
        assertThat(pending(ct).get("timezone").pendingDelete()).isTrue();
        assertThat(ct.currentConfig().values()).containsEntry("description", "x").containsKey("timezone");
        assertThat(ct.config().values()).doesNotContainKey("timezone");
    }

    @Test
    void staleDigest_isATypedConflict_andNothingIsWritten() {
        Container ct = s.container(722, "digest", true);
        String digest = ct.config().digest();
        ct.updateConfig(Map.of("cores", "3"));
        assertThatThrownBy(() -> ct.updateConfig(Map.of("cores", "1"), digest))
                .isInstanceOf(ConfigChangedException.class)
                .hasMessageContaining("detected modified configuration - file changed by other user? Try again.");
        assertThat(ct.currentConfig().values()).containsEntry("cores", "3");
    }
}
