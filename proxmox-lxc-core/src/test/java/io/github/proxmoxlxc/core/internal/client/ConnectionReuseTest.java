package io.github.proxmoxlxc.core.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.client.HttpMethod;
import io.github.proxmoxlxc.core.client.RetryPolicy;
import io.github.proxmoxlxc.core.client.Trust;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Concurrent callers up to the per-node limit reuse their connections: the transport never opens
 * more connections than there are callers (OkHttp's default pool of 5 idle connections closed and
 * re-opened them as soon as more than 5 of 8 callers paused at once), except those pveproxy forces:
 * like a node, the simulator closes a connection after its 100th request ({@code keep_alive => 100}),
 * so {@code n} requests may open up to {@code n / 100} connections more than there are callers.
 */
class ConnectionReuseTest {
    private static PveSimulator sim;

    @BeforeAll
    static void start() {
        sim = PveSimulator.builder().addNode("pve1", 8, 16L << 30).addNode("pve2", 8, 16L << 30).serverThreads(32)
                .start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static ApiExecutor executor(int perNode) {
        HttpTransport t = new HttpTransport(BaseUrl.parse(sim.baseUrl()), Trust.fingerprints(sim.fingerprint()),
                Duration.ofSeconds(10), Duration.ofSeconds(30));
        return new ApiExecutor(t, new TokenAuth(sim.tokenId(), sim.tokenSecret()), RetryPolicy.none(), perNode,
                Duration.ofSeconds(30));
    }

    /** Runs {@code perCaller} requests on each of {@code callers} threads, started together. */
    private static void run(ApiExecutor api, int callers, int perCaller, IntFunction<String> pathOfCaller)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CyclicBarrier go = new CyclicBarrier(callers);
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String path = pathOfCaller.apply(i);
                fs.add(pool.submit(() -> {
                    go.await(30, TimeUnit.SECONDS);
                    for (int n = 0; n < perCaller; n++) {
                        assertThat(api.data(HttpMethod.GET, path, Map.of()).isObject()).isTrue();
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Requests per connection before pveproxy closes it. */
    private static final int KEEP_ALIVE = 100;

    @Test
    void eightCallersOnOneNode_atItsLimitOfEight_openEightConnectionsAtMost() throws Exception {
        try (ApiExecutor api = executor(8)) {
            run(api, 8, 25, i -> "/nodes/pve1/status");
            long afterWarmup = api.transport().connectionsOpened();
            run(api, 8, 100, i -> "/nodes/pve1/status");
            assertThat(afterWarmup).isBetween(1L, 8L + 200 / KEEP_ALIVE);
            assertThat(api.transport().connectionsOpened()).as("connections opened: the callers' plus those closed "
                    + "after %d requests", KEEP_ALIVE).isLessThanOrEqualTo(8L + 1000 / KEEP_ALIVE);
        }
    }

    @Test
    void callersSpreadOverTwoNodesAndTheCluster_upToTheLimitPerNodeTimesNodesInUse_neverReconnect()
            throws Exception {
        // per-node limit 3, nodes in use pve1, pve2 and the cluster-wide limit: up to 9 concurrent requests
        try (ApiExecutor api = executor(3)) {
            IntFunction<String> paths = i -> i % 3 == 0 ? "/version" : "/nodes/pve" + (1 + i % 3 % 2) + "/status";
            run(api, 9, 30, paths);
            run(api, 9, 60, paths);
            assertThat(api.transport().connectionsOpened()).isBetween(1L, 9L + 810 / KEEP_ALIVE);
        }
    }

    @Test
    void sequentialCalls_useOneConnection_untilPveproxyClosesItAfterItsHundredthRequest() throws Exception {
        try (ApiExecutor api = executor(8)) {
            run(api, 1, KEEP_ALIVE, i -> "/nodes/pve2/status");
            assertThat(api.transport().connectionsOpened()).isEqualTo(1L);
            run(api, 1, KEEP_ALIVE, i -> "/nodes/pve2/status");
            assertThat(api.transport().connectionsOpened()).isEqualTo(2L);
        }
    }
}
