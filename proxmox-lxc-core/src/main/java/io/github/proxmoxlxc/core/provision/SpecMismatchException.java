package io.github.proxmoxlxc.core.provision;

import io.github.proxmoxlxc.core.spec.SpecDifference;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@link Provisioner#ensure} found the container, but it differs from the spec. Nothing was
 * changed; the differences say what.
 */
public class SpecMismatchException extends ProvisionException {
    private static final long serialVersionUID = 1L;

    private final transient List<SpecDifference> differences;

    /**
     * Creates the exception.
     *
     * @param label the request's label
     * @param vmid the existing container
     * @param node its node
     * @param differences what differs, not empty
     */
    public SpecMismatchException(String label, int vmid, String node, List<SpecDifference> differences) {
        super("container " + vmid + " on " + node + " (" + label + ") exists but differs from the spec in "
                + differences.size() + " option(s); nothing was changed:\n  "
                + differences.stream().map(SpecDifference::toString).collect(Collectors.joining("\n  ")),
                ProvisionStep.PREFLIGHT, label, vmid, node, false, false, null, null);
        this.differences = List.copyOf(differences);
    }

    /**
     * The differences.
     *
     * @return an unmodifiable list, not empty
     */
    public List<SpecDifference> differences() {
        return differences;
    }
}
