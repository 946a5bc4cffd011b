package io.github.proxmoxlxc.core.internal.provision;

import io.github.proxmoxlxc.core.provision.ProvisionException;
import io.github.proxmoxlxc.core.provision.ProvisionOutcome;
import io.github.proxmoxlxc.core.provision.ProvisionRequest;
import io.github.proxmoxlxc.core.provision.ProvisionStep;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs many requests: at most {@code maxConcurrent} at once, at most {@code perNode} per node
 * (a request waits for a free slot on a node it qualifies for). Look-ups, VMID allocation and
 * template downloads are shared through the engine. One outcome per request, in order.
 */
final class BulkRunner {
    private final ProvisionEngine engine;
    private final int maxConcurrent;
    private final NodeGate gate;

    BulkRunner(ProvisionEngine engine, int maxConcurrent, int perNode) {
        this.engine = engine;
        this.maxConcurrent = maxConcurrent;
        this.gate = new NodeGate(perNode);
    }

    List<ProvisionOutcome> run(List<ProvisionRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(maxConcurrent, requests.size()), r -> {
            Thread t = new Thread(r, "proxmox-provision-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ProvisionOutcome>> futures = new ArrayList<>();
            for (ProvisionRequest r : requests) {
                futures.add(pool.submit(() -> one(r)));
            }
            List<ProvisionOutcome> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    out.add(ProvisionOutcome.failure(requests.get(i), wrap(requests.get(i), e.getCause())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    pool.shutdownNow();
                    throw new io.github.proxmoxlxc.core.ProxmoxException("interrupted during a bulk run", e);
                }
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    private ProvisionOutcome one(ProvisionRequest r) {
        try {
            return ProvisionOutcome.success(r, engine.provision(r, gate));
        } catch (RuntimeException e) {
            return ProvisionOutcome.failure(r, wrap(r, e));
        }
    }

    private static ProvisionException wrap(ProvisionRequest r, Throwable e) {
        if (e instanceof ProvisionException) {
            return (ProvisionException) e;
        }
        return new ProvisionException(r.label() + ": failed: " + e.getMessage(), ProvisionStep.PREFLIGHT, r.label(),
                null, null, false, false, e, null);
    }
}
