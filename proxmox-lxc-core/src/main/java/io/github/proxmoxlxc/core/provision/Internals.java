package io.github.proxmoxlxc.core.provision;

import io.github.proxmoxlxc.core.internal.provision.ProvisionAccess;
import io.github.proxmoxlxc.core.spec.SpecDifference;
import java.util.List;

/**
 * Installs this package's bridge for the provisioner ({@link ProvisionAccess}): results, plans,
 * events and exceptions are built only here and by the provisioner, never by callers.
 */
final class Internals implements ProvisionAccess.Bridge {
    static {
        ProvisionAccess.install(new Internals());
    }

    private Internals() {
    }

    @Override
    public ProvisionAccess.Result result(int vmid, String node) {
        return ProvisionResult.builder(vmid, node);
    }

    @Override
    public ProvisionAccess.Plan plan(String label, String template) {
        return ProvisionPlan.builder(label, template);
    }

    @Override
    public ProvisionAccess.Event event(ProvisionEvent.Kind kind, ProvisionStep step, String label) {
        return ProvisionEvent.builder(kind, step, label);
    }

    @Override
    public ProvisionOutcome success(ProvisionRequest request, ProvisionResult result) {
        return ProvisionOutcome.success(request, result);
    }

    @Override
    public ProvisionOutcome failure(ProvisionRequest request, ProvisionException failure) {
        return ProvisionOutcome.failure(request, failure);
    }

    @Override
    public DriftChange drift(SpecDifference difference, DriftAction action, String reason) {
        return DriftChange.of(difference, action, reason);
    }

    @Override
    public ProvisionException exception(String message, ProvisionStep step, String label, Integer vmid, String node,
            boolean rolledBack, boolean needsAttention, Throwable cause, Throwable rollbackFailure) {
        return new ProvisionException(message, step, label, vmid, node, rolledBack, needsAttention, cause,
                rollbackFailure);
    }

    @Override
    public PreflightException preflight(String label, String node, List<PreflightProblem> problems) {
        return new PreflightException(label, node, problems);
    }

    @Override
    public SpecMismatchException mismatch(String label, int vmid, String node, List<SpecDifference> differences) {
        return new SpecMismatchException(label, vmid, node, differences);
    }
}
