package io.github.proxmoxlxc.core.daytwo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.client.ApiException;
import io.github.proxmoxlxc.core.client.CloneRequest;
import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.client.ParameterException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Clone (full, linked from a template), template conversion and resize against the simulator. */
class CloneResizeTest {
    private static final long POLL_NANOS = 5_000_000;
    private static DayTwoSim s;

    @BeforeAll
    static void start() {
        s = DayTwoSim.start();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static void awaitTemplate(Container ct) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!"1".equals(ct.config().values().get("template"))) {
            assertThat(Instant.now()).as("template conversion of %s within 10 s", ct).isBefore(deadline);
            LockSupport.parkNanos(POLL_NANOS); // poll, leaving the CPU to the server under test
        }
    }

    @Test
    void linkedCloneOfATemplate_andFullCloneToAnotherStorage() {
        Container tpl = s.container(701, "golden", false);
        tpl.convertToTemplate();
        awaitTemplate(tpl);
        assertThat(tpl.config().values().get("rootfs")).startsWith("local-lvm:base-701-disk-0");
        s.await(tpl.cloneTo(CloneRequest.builder().newid(702).linked().hostname("web-1").build()));
        Map<String, String> linked = s.pve.node("pve1").container(702).config().values();
        assertThat(linked).containsEntry("hostname", "web-1");
        assertThat(linked.get("rootfs")).startsWith("local-lvm:base-701-disk-0/vm-702-disk-0");
        assertThat(s.sim.locks()).doesNotContainKeys(701, 702);

        Container plain = s.container(703, "plain", false);
        assertThatThrownBy(() -> plain.cloneTo(CloneRequest.builder().newid(704).linked().build()))
                .isInstanceOf(ParameterException.class).hasMessageContaining("linked clone feature");
        s.await(plain.cloneTo(CloneRequest.builder().newid(704).full().build()));
        assertThat(s.sim.container(704)).isPresent();
        assertThatThrownBy(() -> CloneRequest.builder().newid(705).linked().storage("local-lvm").build())
                .hasMessageContaining("use full()");
    }

    @Test
    void resize_growsByIncrementOrToAnAbsoluteSize_andNeverShrinks() {
        Container ct = s.container(710, "grow", true);
        s.await(ct.resize("rootfs", "+2G"));
        assertThat(ct.config().values().get("rootfs")).endsWith("size=6G");
        s.await(ct.resize("rootfs", "8G"));
        assertThat(ct.config().values().get("rootfs")).endsWith("size=8G");
        assertThatThrownBy(() -> ct.resize("rootfs", "4G")).isInstanceOf(ApiException.class)
                .hasMessageContaining("unable to shrink disk size");
        assertThatThrownBy(() -> ct.resize("rootfs", "8G")).isInstanceOf(ApiException.class)
                .hasMessageContaining("disk is already at specified size");
        assertThatThrownBy(() -> ct.resize("rootfs", "-1G")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never smaller");
        assertThat(s.sim.volumes("pve1", "local-lvm")).contains("local-lvm:vm-710-disk-0");
    }

    @Test
    void resize_withAStaleDigest_isRefused_notApplied() {
        Container ct = s.container(711, "stale", false);
        String digest = ct.config().digest();
        ct.updateConfig(Map.of("memory", "1024"));
        assertThatThrownBy(() -> ct.resize("rootfs", "+1G", Optional.of(digest))).isInstanceOf(ApiException.class)
                .hasMessageContaining("detected modified configuration");
        assertThat(ct.config().values().get("rootfs")).endsWith("size=4G");
    }
}
