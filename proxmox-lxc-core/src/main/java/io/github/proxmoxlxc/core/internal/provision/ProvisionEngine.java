package io.github.proxmoxlxc.core.internal.provision;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.client.PollSchedule;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.RetryPolicy;
import io.github.proxmoxlxc.core.provision.PreflightException;
import io.github.proxmoxlxc.core.provision.PreflightProblem;
import io.github.proxmoxlxc.core.provision.ProvisionListener;
import io.github.proxmoxlxc.core.provision.ProvisionException;
import io.github.proxmoxlxc.core.provision.ProvisionOptions;
import io.github.proxmoxlxc.core.provision.ProvisionPlan;
import io.github.proxmoxlxc.core.provision.ProvisionRequest;
import io.github.proxmoxlxc.core.provision.ProvisionResult;
import io.github.proxmoxlxc.core.provision.ProvisionStep;
import java.util.ArrayList;
import java.util.List;

/**
 * The provisioner's machinery behind {@code Provisioner}: resolving a request against the cluster
 * (preflight, placement, template), and running it ({@link ProvisionRun}). Holds what runs share:
 * the look-up cache, the VMID allocator, template downloads in flight, learned task durations.
 */
public final class ProvisionEngine {
    private final ProxmoxClient client;
    private final ProvisionOptions options;
    final Lookups lookups;
    final VmidAllocator vmids;
    final Templates templates;
    final TaskTimings timings;
    final PollSchedule polling;
    /** The client's retry policy: it paces the check-then-retry of non-idempotent calls. */
    final RetryPolicy retry;
    private final NodeGate unlimited = new NodeGate(Integer.MAX_VALUE);

    /** What resolving found: where the container goes and which template it uses. */
    record Resolution(String node, Placement.Candidate candidate, Templates.Located template, long memoryBytes,
                      List<String> notes) {
    }

    /**
     * Creates the engine.
     *
     * @param client the client, or null for an offline provisioner (plans only)
     * @param options the options
     */
    public ProvisionEngine(ProxmoxClient client, ProvisionOptions options) {
        this.client = client;
        this.options = options;
        this.polling = options.taskPolling().orElse(PollSchedule.defaults());
        this.retry = client == null ? RetryPolicy.defaults() : client.retryPolicy();
        this.lookups = client == null ? null : new Lookups(client, options.lookupCacheTtl());
        this.vmids = client == null ? null : new VmidAllocator(lookups, options);
        // task logs become PROGRESS events: without a listener, reading them is a request per poll for nothing
        this.timings = new TaskTimings(polling, options.listener() != ProvisionListener.none());
        this.templates = client == null ? null : new Templates(lookups, options, timings);
    }

    /**
     * The options.
     *
     * @return the options
     */
    public ProvisionOptions options() {
        return options;
    }

    ProxmoxClient client() {
        if (client == null) {
            throw new IllegalStateException("this provisioner is offline (Provisioner.offline()): it can only plan;"
                    + " use Provisioner.on(client) to preflight or provision");
        }
        return client;
    }

    /**
     * The offline plan: contacts nothing.
     *
     * @param request the request
     * @return the plan
     */
    public ProvisionPlan plan(ProvisionRequest request) {
        return PlanBuilder.build(request, options, PlanBuilder.offline(request, options));
    }

    /**
     * The plan resolved against the cluster, after every preflight check.
     *
     * @param request the request
     * @return the plan with node, storages and template known
     * @throws PreflightException listing every problem
     */
    public ProvisionPlan preflight(ProvisionRequest request) {
        client();
        RunContext ctx = new RunContext(request.label(), options.listener());
        Resolution r = resolve(request, ctx, unlimited, true);
        unlimited.release(r.node(), r.memoryBytes());
        ProvisionPlan plan = resolvedPlan(request, r, request.spec().vmid().isPresent()
                ? request.spec().vmid().getAsInt() : null);
        return plan;
    }

    ProvisionPlan resolvedPlan(ProvisionRequest request, Resolution r, Integer vmid) {
        Templates.Located t = r.template();
        ProvisionPlan p = PlanBuilder.build(request, options, new PlanBuilder.Facts(r.node(), vmid,
                r.candidate().rootFsStorage(), r.candidate().templateStorage(), t.volumeId(), t.downloadFile(), true,
                true));
        if (r.notes().isEmpty()) {
            return p;
        }
        ProvisionAccess.Plan b = ProvisionAccess.plan(p.label(), p.template()).node(p.node().orElse(null))
                .vmid(vmid).templateVolume(t.volumeId()).rootFsStorage(r.candidate().rootFsStorage())
                .templateStorage(r.candidate().templateStorage()).resolved(true)
                .nodePatch(p.nodePatch(), p.nodePatchLines());
        p.calls().forEach(b::addCall);
        p.warnings().forEach(b::addWarning);
        p.notes().forEach(b::addNote);
        r.notes().forEach(b::addNote);
        return b.build();
    }

    /**
     * Provisions one request.
     *
     * @param request the request
     * @return the result
     * @throws ProvisionException on any failure
     */
    public ProvisionResult provision(ProvisionRequest request) {
        return provision(request, unlimited);
    }

    ProvisionResult provision(ProvisionRequest request, NodeGate gate) {
        return provision(request, gate, newContext(request));
    }

    RunContext newContext(ProvisionRequest request) {
        return new RunContext(request.label(), options.listener());
    }

    /** Provisions one request, reporting through {@code ctx} (whose step tells where a failure happened). */
    ProvisionResult provision(ProvisionRequest request, NodeGate gate, RunContext ctx) {
        client();
        Resolution r;
        try {
            r = resolve(request, ctx, gate, options.preflight());
        } catch (ProvisionException e) {
            throw e;
        } catch (RuntimeException e) {
            ctx.failed(Faults.describe(e));
            throw ProvisionAccess.exception(request.label() + ": " + ctx.step() + " failed, nothing was changed: "
                    + e.getMessage(), ctx.step(), request.label(), null, null, false, false, e, null);
        }
        try {
            return new ProvisionRun(this, request, ctx, r).run();
        } finally {
            gate.release(r.node(), r.memoryBytes());
        }
    }

    /**
     * Ensures a container as specified exists: finds it by VMID or hostname (and tags); provisions
     * it when absent.
     *
     * @param request the request
     * @param policy converge or fail on differences
     * @return the result ({@code created()} false when it existed)
     */
    public ProvisionResult ensure(ProvisionRequest request, io.github.proxmoxlxc.core.provision.DriftPolicy policy) {
        client();
        return new Ensure(this, request, policy).run();
    }

    /**
     * Provisions many requests with concurrency limits.
     *
     * @param requests the requests
     * @param maxConcurrent overall limit
     * @param perNode per-node limit
     * @return one outcome per request, in order
     */
    public List<io.github.proxmoxlxc.core.provision.ProvisionOutcome> provisionAll(List<ProvisionRequest> requests,
                                                                                  int maxConcurrent, int perNode) {
        client();
        return new BulkRunner(this, maxConcurrent, perNode).run(requests);
    }

    /**
     * Pins the unpinned requests of each group to the qualifying node with the fewest replicas of
     * that group so far (ties by node name); requests without a group, or qualifying nowhere, are
     * left for the normal placement (which then reports why).
     */
    public List<ProvisionRequest> spread(List<ProvisionRequest> requests,
            java.util.function.Function<ProvisionRequest, java.util.Optional<String>> group) {
        client();
        java.util.Map<String, java.util.Map<String, Integer>> counts = new java.util.HashMap<>();
        for (ProvisionRequest r : requests) {
            java.util.Optional<String> g = group.apply(r);
            if (g.isPresent() && r.node().isPresent()) {
                counts.computeIfAbsent(g.get(), k -> new java.util.HashMap<>()).merge(r.node().get(), 1, Integer::sum);
            }
        }
        List<ProvisionRequest> out = new ArrayList<>();
        for (ProvisionRequest r : requests) {
            java.util.Optional<String> g = group.apply(r);
            if (g.isEmpty() || r.node().isPresent()) {
                out.add(r);
                continue;
            }
            List<Placement.Candidate> candidates = Placement.qualify(r, options, lookups, new ArrayList<>());
            java.util.Map<String, Integer> c = counts.computeIfAbsent(g.get(), k -> new java.util.HashMap<>());
            java.util.Optional<String> best = candidates.stream().map(x -> x.info().node())
                    .min(java.util.Comparator.<String>comparingInt(n -> c.getOrDefault(n, 0))
                            .thenComparing(java.util.Comparator.naturalOrder()));
            if (best.isEmpty()) {
                out.add(r);
                continue;
            }
            c.merge(best.get(), 1, Integer::sum);
            out.add(r.toBuilder().node(best.get()).build());
        }
        return out;
    }

    /** Preflight, placement and template look-up; takes a slot on the chosen node. */
    Resolution resolve(ProvisionRequest request, RunContext ctx, NodeGate gate, boolean checks) {
        List<PreflightProblem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        ctx.start(ProvisionStep.PREFLIGHT);
        if (checks) {
            boolean dev = !request.spec().devices().isEmpty()
                    || request.nodePatch().keys().keySet().stream().anyMatch(k -> k.startsWith("dev"));
            problems.addAll(Preflight.reachability(lookups, notes, dev));
            if (!problems.isEmpty()) {
                ctx.failed(problems.get(0).toString());
                throw ProvisionAccess.preflight(request.label(), request.node().orElse(null), problems);
            }
            if (request.spec().vmid().isPresent()) {
                int id = request.spec().vmid().getAsInt();
                if (!client.cluster().isFree(id)) {
                    problems.add(new PreflightProblem("vmid", Integer.toString(id), "is already used in the cluster",
                            "choose another VMID, leave it unset to allocate one, or use ensure() for an existing container"));
                }
            }
        }
        ctx.finish(checks ? "" : "skipped");
        ctx.start(ProvisionStep.PLACEMENT);
        List<PreflightProblem> placement = new ArrayList<>();
        List<Placement.Candidate> candidates = Placement.qualify(request, options, lookups, placement);
        if (candidates.isEmpty()) {
            lookups.refreshPlacement();
            placement.clear();
            candidates = Placement.qualify(request, options, lookups, placement);
        }
        problems.addAll(placement);
        TemplateName name = TemplateName.parse(request.template());
        String arch = Templates.dpkgArch(request.spec());
        if (!candidates.isEmpty()) {
            Placement.Candidate probe = candidates.get(0);
            Templates.Located probed = templates.locate(name, probe.info().node(), probe.templateStorage(), arch,
                    problems);
            if (probed != null && probed.note() != null) {
                notes.add(probed.note());
            }
            if (checks) {
                // privileges on the storages placement would use (they do not depend on the node); the
                // download only when the probed node lacks the template (Datastore.AllocateTemplate)
                Integer vmid = request.spec().vmid().isPresent() ? request.spec().vmid().getAsInt() : null;
                problems.addAll(Preflight.privileges(lookups, PlanBuilder.build(request, options, new PlanBuilder.Facts(
                        null, vmid, probe.rootFsStorage(), probe.templateStorage(), null,
                        probed == null ? null : probed.downloadFile(), probed != null, true)), notes));
            }
        } else if (checks) {
            problems.addAll(Preflight.privileges(lookups, plan(request), notes));
        }
        if (!problems.isEmpty()) {
            ctx.failed("preflight found " + problems.size() + " problem(s)");
            throw ProvisionAccess.preflight(request.label(), request.node().orElse(null), problems);
        }
        notes.forEach(ctx::warn);
        long mem = (long) request.spec().memoryMiB().orElse(512) << 20;
        String node = gate.acquire(request, candidates, options.placement(), mem);
        ctx.node = node;
        Placement.Candidate chosen = candidates.stream().filter(c -> c.info().node().equals(node)).findFirst()
                .orElseThrow();
        List<PreflightProblem> late = new ArrayList<>();
        Templates.Located loc;
        try {
            loc = templates.locate(name, node, chosen.templateStorage(), arch, late);
        } catch (RuntimeException e) {
            gate.release(node, mem);
            throw e;
        }
        if (loc == null) {
            gate.release(node, mem);
            ctx.failed(late.get(0).toString());
            throw ProvisionAccess.preflight(request.label(), node, late);
        }
        if (loc.note() != null && !notes.contains(loc.note())) {
            notes.add(loc.note());
            ctx.warn(loc.note());
        }
        ctx.finish("node " + node + ", rootfs on " + chosen.rootFsStorage() + ", templates on "
                + chosen.templateStorage());
        return new Resolution(node, chosen, loc, mem, notes);
    }

    static ProxmoxException unwrap(Throwable t) {
        return t instanceof ProxmoxException ? (ProxmoxException) t : new ProxmoxException(t.getMessage(), t);
    }
}
