package io.github.proxmoxlxc.core.provision;

import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.internal.provision.ProvisionEngine;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import java.util.List;
import java.util.Objects;

/**
 * Turns container specs into running containers, the way build.func does but through the API:
 * preflight, placement, template (downloaded when missing), race-safe VMID, create, node patch,
 * start, wait for running and an address; a failure after the container exists rolls it back.
 *
 * <pre>{@code
 * Provisioner p = Provisioner.on(pve, ProvisionOptions.builder().listener(System.out::println).build());
 * ProvisionPlan plan = p.plan(spec);                 // contacts nothing
 * ProvisionResult r = p.provision(ProvisionRequest.builder().spec(spec).template("debian-12-standard").build());
 * r.vmid(); r.node(); r.addresses();
 * }</pre>
 *
 * <p>Thread-safe; concurrent calls on one provisioner share its look-up cache, VMID allocation
 * and template downloads, so they never pick the same VMID or download a template twice.
 */
public final class Provisioner {
    private final ProvisionEngine engine;

    private Provisioner(ProxmoxClient client, ProvisionOptions options) {
        this.engine = new ProvisionEngine(client, Objects.requireNonNull(options, "options"));
    }

    /**
     * A provisioner for a cluster, with default options.
     *
     * @param client the client (not closed by the provisioner)
     * @return the provisioner
     */
    public static Provisioner on(ProxmoxClient client) {
        return on(client, ProvisionOptions.defaults());
    }

    /**
     * A provisioner for a cluster.
     *
     * @param client the client (not closed by the provisioner)
     * @param options the options
     * @return the provisioner
     */
    public static Provisioner on(ProxmoxClient client, ProvisionOptions options) {
        return new Provisioner(Objects.requireNonNull(client, "client"), options);
    }

    /**
     * A provisioner without a cluster, for dry runs: it can only {@link #plan}.
     *
     * @return the offline provisioner
     */
    public static Provisioner offline() {
        return offline(ProvisionOptions.defaults());
    }

    /**
     * A provisioner without a cluster, for dry runs with given options.
     *
     * @param options the options (storages, VMID range, IP wait shape the plan)
     * @return the offline provisioner
     */
    public static Provisioner offline(ProvisionOptions options) {
        return new Provisioner(null, options);
    }

    /**
     * The options.
     *
     * @return the options
     */
    public ProvisionOptions options() {
        return engine.options();
    }

    /**
     * Plans a spec whose {@code ostemplate} is set; contacts nothing.
     *
     * @param spec the spec
     * @return the plan, with unknown values empty
     */
    public ProvisionPlan plan(ContainerSpec spec) {
        return plan(ProvisionRequest.of(spec));
    }

    /**
     * Plans a spec with a node patch; contacts nothing.
     *
     * @param spec the spec (with {@code ostemplate})
     * @param nodePatch the node-side patch
     * @return the plan
     */
    public ProvisionPlan plan(ContainerSpec spec, NodePatch nodePatch) {
        return plan(ProvisionRequest.builder().spec(spec).nodePatch(nodePatch).build());
    }

    /**
     * Plans a request; contacts nothing.
     *
     * @param request the request
     * @return the plan, with unknown values (VMID, node, template volume) empty
     */
    public ProvisionPlan plan(ProvisionRequest request) {
        return engine.plan(Objects.requireNonNull(request, "request"));
    }

    /**
     * Runs every preflight check and resolves node, storages and template, changing nothing.
     *
     * @param request the request
     * @return the plan with node, storages and template volume known (VMID only if explicit)
     * @throws PreflightException listing every problem found, each with what to do
     * @throws IllegalStateException on an offline provisioner
     */
    public ProvisionPlan preflight(ProvisionRequest request) {
        return engine.preflight(Objects.requireNonNull(request, "request"));
    }

    /**
     * Provisions a spec whose {@code ostemplate} is set.
     *
     * @param spec the spec
     * @return the result
     * @throws ProvisionException on failure (a {@link PreflightException} when nothing was changed)
     */
    public ProvisionResult provision(ContainerSpec spec) {
        return provision(ProvisionRequest.of(spec));
    }

    /**
     * Provisions a request: preflight (unless disabled), placement, template, VMID, create, node
     * patch, start, running, address. Events go to the options' listener.
     *
     * @param request the request
     * @return the result
     * @throws ProvisionException on failure, saying which step failed, whether the container was
     *     rolled back, and which container needs attention if any
     * @throws IllegalStateException on an offline provisioner
     */
    public ProvisionResult provision(ProvisionRequest request) {
        return engine.provision(Objects.requireNonNull(request, "request"));
    }

    /**
     * Makes sure a container as specified exists: finds it by VMID, or by hostname plus the spec's
     * tags; when it exists and matches nothing happens (no write request); when it differs the
     * differences that can be applied are written with the config digest (live, or pending until
     * the next restart), a disk smaller than the spec is grown, and what would need a re-create is
     * reported, not applied ({@link ProvisionResult#drift()}; nothing is ever destroyed); when it is
     * absent it is provisioned. {@link #ensure(ProvisionRequest, DriftPolicy)} with
     * {@link DriftPolicy#FAIL} keeps the 0.1 behaviour (a {@link SpecMismatchException}).
     *
     * @param spec the spec
     * @return the result ({@link ProvisionResult#created()} false when it already existed)
     */
    public ProvisionResult ensure(ContainerSpec spec) {
        return ensure(ProvisionRequest.of(spec));
    }

    /**
     * Like {@link #ensure(ContainerSpec)} for a request.
     *
     * @param request the request
     * @return the result
     */
    public ProvisionResult ensure(ProvisionRequest request) {
        return ensure(request, DriftPolicy.CONVERGE);
    }

    /**
     * Like {@link #ensure(ProvisionRequest)} with a choice of what happens when the existing container
     * differs: {@link DriftPolicy#CONVERGE} applies what it can without losing data and reports the
     * rest in {@link ProvisionResult#drift()}; {@link DriftPolicy#FAIL} changes nothing and throws.
     *
     * @param request the request
     * @param policy what to do about differences
     * @return the result
     * @throws SpecMismatchException with {@link DriftPolicy#FAIL} when the container exists but differs
     */
    public ProvisionResult ensure(ProvisionRequest request, DriftPolicy policy) {
        return engine.ensure(Objects.requireNonNull(request, "request"), Objects.requireNonNull(policy, "policy"));
    }

    /**
     * Provisions many containers with concurrency limits overall and per node. Never throws for
     * a single failure: each request gets its outcome, in the order given.
     *
     * @param requests the requests
     * @param bulk the limits
     * @return one outcome per request
     */
    public List<ProvisionOutcome> provisionAll(List<ProvisionRequest> requests, BulkOptions bulk) {
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(bulk, "bulk");
        return engine.provisionAll(List.copyOf(requests), bulk.maxConcurrent(), bulk.maxConcurrentPerNode());
    }

    /**
     * Like {@link #provisionAll(List, BulkOptions)}, spreading the replicas of each group over the
     * nodes that qualify for them (see {@link AntiAffinity}): unpinned requests are pinned to a node
     * before the run, so three replicas on a three-node cluster land on three nodes.
     *
     * @param requests the requests
     * @param bulk the limits
     * @param antiAffinity how requests group into replicas
     * @return one outcome per request, in the order given
     */
    public List<ProvisionOutcome> provisionAll(List<ProvisionRequest> requests, BulkOptions bulk,
            AntiAffinity antiAffinity) {
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(bulk, "bulk");
        Objects.requireNonNull(antiAffinity, "antiAffinity");
        List<ProvisionRequest> placed = engine.spread(List.copyOf(requests), antiAffinity::groupOf);
        return engine.provisionAll(placed, bulk.maxConcurrent(), bulk.maxConcurrentPerNode());
    }

    @Override
    public String toString() {
        return "Provisioner[" + engine.options() + "]";
    }
}
