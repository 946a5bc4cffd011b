package io.github.proxmoxlxc.core.internal.provision;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.client.ClusterResource;
import io.github.proxmoxlxc.core.client.ContainerConfig;
import io.github.proxmoxlxc.core.client.ContainerStatus;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.provision.DriftChange;
import io.github.proxmoxlxc.core.provision.DriftPolicy;
import io.github.proxmoxlxc.core.provision.ProvisionException;
import io.github.proxmoxlxc.core.provision.ProvisionRequest;
import io.github.proxmoxlxc.core.provision.ProvisionResult;
import io.github.proxmoxlxc.core.provision.ProvisionStep;
import io.github.proxmoxlxc.core.provision.SpecMismatchException;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.core.spec.SpecDifference;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Idempotent provisioning: finds the container by VMID, or by hostname (and the spec's tags);
 * nothing happens when it matches, a {@link SpecMismatchException} lists what differs, and a
 * missing container is provisioned.
 */
final class Ensure {
    private final ProvisionEngine engine;
    private final ProvisionRequest request;
    private final DriftPolicy policy;

    Ensure(ProvisionEngine engine, ProvisionRequest request, DriftPolicy policy) {
        this.engine = engine;
        this.request = request;
        this.policy = policy;
    }

    ProvisionResult run() {
        ProxmoxClient client = engine.client();
        RunContext ctx = new RunContext(request.label(), engine.options().listener());
        ctx.start(ProvisionStep.PREFLIGHT);
        ContainerSpec spec = request.spec();
        List<ClusterResource> found;
        try {
            found = client.cluster().resources("vm").stream().filter(r -> "lxc".equals(r.type()))
                    .filter(this::matches).collect(Collectors.toList());
        } catch (RuntimeException e) {
            ctx.failed(Faults.describe(e));
            throw new ProvisionException(request.label() + ": cannot look for an existing container: "
                    + e.getMessage(), ProvisionStep.PREFLIGHT, ctx.label, null, null, false, false, e, null);
        }
        if (found.isEmpty()) {
            ctx.finish("not found; provisioning");
            return engine.provision(request);
        }
        if (found.size() > 1) {
            ctx.failed("ambiguous");
            throw new ProvisionException(request.label() + ": " + found.size() + " containers match ("
                    + found.stream().map(r -> r.vmid().orElse(0) + " on " + r.node().orElse("?"))
                            .collect(Collectors.joining(", ")) + "); set the vmid or a distinguishing tag", ProvisionStep.PREFLIGHT, ctx.label, null, null, false, false, null,
                    null);
        }
        ClusterResource r = found.get(0);
        int vmid = r.vmid().orElseThrow();
        String node = r.node().orElseThrow(() -> new ProxmoxException("/cluster/resources lists container "
                + vmid + " without a node"));
        ctx.vmid = vmid;
        ctx.node = node;
        ContainerConfig config = client.node(node).container(vmid).config();
        List<SpecDifference> diffs;
        try {
            diffs = spec.differencesFrom(ContainerSpec.fromConfig(config.values()));
        } catch (RuntimeException e) {
            ctx.failed(Faults.describe(e));
            throw new ProvisionException(request.label() + ": container " + vmid + " on " + node
                    + " exists but its configuration cannot be compared: " + e.getMessage(), ProvisionStep.PREFLIGHT,
                    ctx.label, vmid, node, false, false, e, null);
        }
        if (!diffs.isEmpty() && policy == DriftPolicy.FAIL) {
            ctx.failed(diffs.size() + " difference(s)");
            throw new SpecMismatchException(request.label(), vmid, node, diffs);
        }
        ContainerStatus st = client.node(node).container(vmid).status();
        List<DriftChange> drift = diffs.isEmpty() ? List.of()
                : new Converge(client, client.node(node).container(vmid), config, st.running(),
                        engine.options().createTimeout()).run(diffs);
        ctx.finish(diffs.isEmpty() ? "exists as specified" : Converge.summary(drift));
        ProvisionResult.Builder b = ProvisionResult.builder(vmid, node).hostname(spec.hostname().orElse(null))
                .status(st.rawStatus()).created(false);
        drift.forEach(b::addDrift);
        if (st.running()) {
            try {
                b.addresses(ProvisionRun.addresses(client.node(node).container(vmid).interfaces()));
            } catch (RuntimeException e) {
                b.addWarning("could not read the addresses: " + e.getMessage());
            }
        }
        ctx.timings.forEach(b::putTiming);
        return b.build();
    }

    private boolean matches(ClusterResource r) {
        ContainerSpec spec = request.spec();
        if (spec.vmid().isPresent()) {
            return r.vmid().equals(spec.vmid());
        }
        if (spec.hostname().isEmpty() || !spec.hostname().equals(r.name())) {
            return false;
        }
        return r.tags().containsAll(spec.tags());
    }
}
