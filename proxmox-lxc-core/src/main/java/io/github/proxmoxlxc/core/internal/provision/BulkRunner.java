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
            List<RunContext> contexts = new ArrayList<>();
            for (ProvisionRequest r : requests) {
                RunContext ctx = engine.newContext(r);
                contexts.add(ctx);
                futures.add(pool.submit(() -> one(r, ctx)));
            }
            List<ProvisionOutcome> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    out.add(ProvisionAccess.failure(requests.get(i), wrap(requests.get(i), contexts.get(i),
                            e.getCause())));
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

    private ProvisionOutcome one(ProvisionRequest r, RunContext ctx) {
        try {
            return ProvisionAccess.success(r, engine.provision(r, gate, ctx));
        } catch (RuntimeException e) {
            return ProvisionAccess.failure(r, wrap(r, ctx, e));
        }
    }

    /**
     * A failure the run did not turn into a {@link ProvisionException} itself (an {@link Error} or a
     * bug): labelled with the step that was in progress, which the run's context knows, and flagged
     * as needing attention once a container may exist.
     */
    private static ProvisionException wrap(ProvisionRequest r, RunContext ctx, Throwable e) {
        if (e instanceof ProvisionException) {
            return (ProvisionException) e;
        }
        ProvisionStep step = ctx.step();
        boolean mayExist = ctx.containerMayExist;
        return ProvisionAccess.exception(r.label() + ": unexpected " + e.getClass().getSimpleName() + " in step "
                + step + ": " + e.getMessage() + (mayExist ? "; container " + ctx.vmid + " may exist and needs attention"
                : "; nothing was created"), step, r.label(), ctx.vmid, null, false, mayExist, e, null);
    }
}
