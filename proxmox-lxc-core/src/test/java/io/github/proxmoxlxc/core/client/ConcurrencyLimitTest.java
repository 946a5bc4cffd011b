package io.github.proxmoxlxc.core.client;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.proxmoxlxc.core.client.PveServer.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The per-node concurrency limit holds back requests to a busy node but not to other nodes. */
class ConcurrencyLimitTest {
    private static final long POLL_NANOS = 5_000_000;
    @RegisterExtension
    static PveServer pve = new PveServer();

    @Test
    void secondRequestToABusyNode_waitsForASlotAndGivesUpAtItsDeadline() throws Exception {
        pve.wm.stubFor(get(urlPathEqualTo("/api2/json/nodes/pve1/status"))
                .willReturn(data("{\"cpu\":0.1}").withFixedDelay(1500)));
        pve.wm.stubFor(get(urlPathEqualTo("/api2/json/nodes/pve2/status")).willReturn(data("{\"cpu\":0.2}")));
        try (ProxmoxClient c = pve.clientBuilder().maxConcurrentRequestsPerNode(1, Duration.ZERO).build()) {
            CompletableFuture<NodeStatus> slow = CompletableFuture.supplyAsync(() -> c.node("pve1").status());
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (pve.wm.findAll(anyRequestedFor(anyUrl())).isEmpty() && System.nanoTime() < until) {
                LockSupport.parkNanos(POLL_NANOS); // poll, leaving the CPU to the server under test
            }
            assertThat(slow).isNotDone();
            assertThatThrownBy(() -> c.node("pve1").status()).isExactlyInstanceOf(ProxmoxTimeoutException.class)
                    .hasMessageContaining("node 'pve1'").hasMessageContaining("limit 1");
            assertThat(c.node("pve2").status().cpu()).isEqualTo(0.2);
            assertThat(slow.get(30, TimeUnit.SECONDS).cpu()).isEqualTo(0.1);
        }
        assertThat(pve.wm.findAll(anyRequestedFor(urlPathEqualTo("/api2/json/nodes/pve1/status")))).hasSize(1);
    }

    @Test
    void interruptingASyncWait_stopsItAndKeepsTheInterruptFlag() throws Exception {
        pve.wm.stubFor(get(urlPathEqualTo(TaskWaitTest.STATUS)).willReturn(TaskWaitTest.running()));
        try (ProxmoxClient c = pve.client()) {
            Throwable[] failure = new Throwable[1];
            boolean[] flag = new boolean[1];
            Thread t = new Thread(() -> {
                try {
                    c.tasks().await(TaskWaitTest.UPID, TaskWait.builder().timeout(Duration.ofMinutes(5))
                            .schedule(PollSchedule.builder().firstDelay(Duration.ZERO)
                                    .initialInterval(Duration.ofMillis(20)).maxInterval(Duration.ofMillis(20)).build())
                            .build());
                } catch (RuntimeException e) {
                    failure[0] = e;
                    flag[0] = Thread.currentThread().isInterrupted();
                }
            });
            t.start();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (pve.wm.findAll(anyRequestedFor(anyUrl())).size() < 2 && System.nanoTime() < until) {
                LockSupport.parkNanos(POLL_NANOS); // poll, leaving the CPU to the server under test
            }
            t.interrupt();
            t.join(30_000);
            assertThat(failure[0]).hasMessageContaining("interrupted while waiting for task")
                    .isNotInstanceOf(TransportException.class);
            assertThat(flag[0]).isTrue();
        }
    }
}
