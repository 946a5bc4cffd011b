package io.github.proxmoxlxc.core.daytwo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.client.ContainerState;
import io.github.proxmoxlxc.core.client.StatusChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** StatusWatch: first report, then one event per status, lock or node change. */
class WatchTest {
    private static DayTwoSim s;

    @BeforeAll
    static void start() {
        s = DayTwoSim.start();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void reportsInitialStates_thenEachChange_untilTheListenerStops() throws Exception {
        Container a = s.container(951, "watch-a", true);
        s.container(952, "watch-b", false);
        List<StatusChange> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> watching = CompletableFuture.supplyAsync(() -> s.pve.watch(List.of(951, 952, 953))
                .run(Duration.ofSeconds(20), ch -> {
                    seen.add(ch);
                    return !(ch.vmid() == 951 && ch.state() == ContainerState.STOPPED);
                }));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (seen.size() < 3 && System.nanoTime() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
        }
        assertThat(seen).hasSizeGreaterThanOrEqualTo(3);
        s.sim.setLock(952, "backup");
        until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (seen.stream().noneMatch(c -> c.lock().isPresent()) && System.nanoTime() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
        }
        s.await(a.stop());
        int events = watching.get(20, TimeUnit.SECONDS);

        List<String> lines = new ArrayList<>();
        for (StatusChange c : seen) {
            lines.add(c.vmid() + " " + c.previousRawStatus().orElse("-") + ">" + c.rawStatus() + " " + c.lock().orElse("-"));
        }
        assertThat(events).isEqualTo(seen.size());
        assertThat(lines).startsWith("951 ->running -", "952 ->stopped -", "953 ->absent -")
                .contains("952 stopped>stopped backup").endsWith("951 running>stopped -");
        assertThat(seen.get(0).initial()).isTrue();
        assertThat(seen.get(0).node()).contains("pve1");
        assertThat(seen.get(2).node()).isEmpty();
    }

    @Test
    void endsAtTheDeadline_withoutChanges() {
        s.container(961, "quiet", false);
        long t0 = System.nanoTime();
        int events = s.pve.watch(List.of(961)).run(Duration.ofMillis(300), ch -> true);
        assertThat(events).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void refusesAnEmptySetAndBadIds() {
        assertThatThrownBy(() -> s.pve.watch(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vmids");
        assertThatThrownBy(() -> s.pve.watch(List.of(5))).isInstanceOf(IllegalArgumentException.class);
    }
}
