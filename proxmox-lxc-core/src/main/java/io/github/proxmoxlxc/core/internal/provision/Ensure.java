package io.github.proxmoxlxc.core.internal.provision;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.client.ClusterResource;
import io.github.proxmoxlxc.core.client.ContainerConfig;
import io.github.proxmoxlxc.core.client.ContainerStatus;
import io.github.proxmoxlxc.core.client.NotFoundException;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.provision.DriftChange;
import io.github.proxmoxlxc.core.provision.DriftPolicy;
import io.github.proxmoxlxc.core.provision.ProvisionException;
import io.github.proxmoxlxc.core.provision.ProvisionRequest;
import io.github.proxmoxlxc.core.provision.ProvisionResult;
import io.github.proxmoxlxc.core.provision.ProvisionStep;
import io.github.proxmoxlxc.core.provision.SpecMismatchException;
import io.github.proxmoxlxc.core.internal.spec.SpecCodec;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.core.spec.SpecDifference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Idempotent provisioning: finds the container by VMID, or by the marker of its ensure key in the
 * description ({@link DescriptionMarker}); nothing happens when it matches, differences are converged
 * (or, with {@code DriftPolicy.FAIL}, a {@link SpecMismatchException} lists them), and a missing
 * container is provisioned with the marker.
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
        if (spec.vmid().isEmpty() && request.ensureKey().isEmpty() && spec.hostname().isEmpty()) {
            ctx.failed("no identity");
            throw ProvisionAccess.exception(request.label() + ": ensure() needs a vmid, an ensure key or a hostname to"
                    + " find the container again; set one of them", ProvisionStep.PREFLIGHT, ctx.label, null, null,
                    false, false, null, null);
        }
        String key = request.ensureKey().orElseGet(() -> spec.hostname().map(h -> "hostname:" + h).orElse(""));
        DescriptionMarker marker = spec.vmid().isPresent() ? null : DescriptionMarker.ensure(key);
        List<ClusterResource> found;
        try {
            List<ClusterResource> lxc = client.cluster().resources("vm").stream()
                    .filter(r -> "lxc".equals(r.type())).collect(Collectors.toList());
            found = marker == null ? lxc.stream().filter(this::sameVmid).collect(Collectors.toList())
                    : owned(client, lxc, marker, key);
        } catch (ProvisionException e) {
            ctx.failed(e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            ctx.failed(Faults.describe(e));
            throw ProvisionAccess.exception(request.label() + ": cannot look for an existing container: "
                    + e.getMessage(), ProvisionStep.PREFLIGHT, ctx.label, null, null, false, false, e, null);
        }
        if (found.isEmpty()) {
            ctx.finish("not found; provisioning");
            return engine.provision(marker == null ? request : request.toBuilder().ensureKey(key).build());
        }
        if (found.size() > 1) {
            ctx.failed("ambiguous");
            throw ProvisionAccess.exception(request.label() + ": " + found.size() + " containers carry the ensure key '"
                    + key + "' (" + found.stream().map(r -> r.vmid().orElse(0) + " on " + r.node().orElse("?"))
                    .collect(Collectors.joining(", ")) + "); remove the marker line '" + marker.line()
                    + "' from the description of all but one, or set the vmid", ProvisionStep.PREFLIGHT, ctx.label,
                    null, null, false, false, null, null);
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
            throw ProvisionAccess.exception(request.label() + ": container " + vmid + " on " + node
                    + " exists but its configuration cannot be compared: " + e.getMessage(), ProvisionStep.PREFLIGHT,
                    ctx.label, vmid, node, false, false, e, null);
        }
        if (!diffs.isEmpty() && policy == DriftPolicy.FAIL) {
            ctx.failed(diffs.size() + " difference(s)");
            throw ProvisionAccess.mismatch(request.label(), vmid, node, diffs);
        }
        ContainerStatus st = client.node(node).container(vmid).status();
        List<DriftChange> drift = diffs.isEmpty() ? List.of()
                : new Converge(client, client.node(node).container(vmid), config, st.running(),
                        engine.options().createTimeout()).run(diffs);
        ctx.finish(diffs.isEmpty() ? "exists as specified" : Converge.summary(drift));
        ProvisionAccess.Result b = ProvisionAccess.result(vmid, node).hostname(spec.hostname().orElse(null))
                .status(st.rawStatus()).created(false);
        drift.forEach(b::addDrift);
        SpecCodec.unknownSubKeys(config.values()).forEach((k, unknown) -> b.addWarning(k + ": "
                + (unknown.size() == 1 ? "sub-key " : "sub-keys ") + unknown.keySet().stream().map(x -> "'" + x + "'")
                .collect(Collectors.joining(", ")) + " unknown to this version of proxmox-lxc (the node's"
                + " pve-container is newer): not compared, and kept if ensure() rewrites " + k));
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

    private boolean sameVmid(ClusterResource r) {
        return r.vmid().equals(request.spec().vmid());
    }

    /**
     * The containers whose description carries the ensure marker. Those with the spec's hostname
     * are read first (usually the one sought); only when none of them carries it are the other
     * containers' configs read, so that a renamed container is still found. A container with the
     * spec's hostname but without the marker is not adopted (a hostname proves nothing): ensure()
     * stops rather than create a second one next to it.
     */
    private List<ClusterResource> owned(ProxmoxClient client, List<ClusterResource> lxc, DescriptionMarker marker,
            String key) {
        String hostname = request.spec().hostname().orElse(null);
        List<ClusterResource> sameName = lxc.stream().filter(r -> hostname != null && r.name().equals(Optional.of(hostname)))
                .collect(Collectors.toList());
        List<ClusterResource> out = withMarker(client, sameName, marker);
        if (!out.isEmpty()) {
            return out;
        }
        List<ClusterResource> others = lxc.stream().filter(r -> !sameName.contains(r)).collect(Collectors.toList());
        out = withMarker(client, others, marker);
        if (out.isEmpty() && !sameName.isEmpty()) {
            ClusterResource r = sameName.get(0);
            throw ProvisionAccess.exception(request.label() + ": container " + r.vmid().orElse(0) + " on "
                    + r.node().orElse("?") + " has the hostname '" + hostname + "' but not the marker of the ensure key '" + key
                    + "', so ensure() did not"
                    + " create it; set the vmid to adopt it, or choose another hostname or ensure key",
                    ProvisionStep.PREFLIGHT, request.label(), null, null, false, false, null, null);
        }
        return out;
    }

    private static List<ClusterResource> withMarker(ProxmoxClient client, List<ClusterResource> candidates,
            DescriptionMarker marker) {
        List<ClusterResource> out = new ArrayList<>();
        for (ClusterResource r : candidates) {
            try {
                if (r.vmid().isEmpty() || r.node().isEmpty()) {
                    continue;
                }
                if (marker.foundIn(client.node(r.node().get()).container(r.vmid().getAsInt()).config())) {
                    out.add(r);
                }
            } catch (NotFoundException e) {
                // destroyed meanwhile
            }
        }
        return out;
    }
}
