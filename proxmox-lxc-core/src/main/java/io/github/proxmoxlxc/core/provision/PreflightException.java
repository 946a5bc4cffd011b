package io.github.proxmoxlxc.core.provision;

import java.util.List;
import java.util.stream.Collectors;

/** Preflight found problems; nothing was changed. Lists every problem with what to do about it. */
public class PreflightException extends ProvisionException {
    private static final long serialVersionUID = 1L;

    private final transient List<PreflightProblem> problems;

    /**
     * Creates the exception.
     *
     * @param label the request's label
     * @param node the node checked, or null
     * @param problems every problem found, not empty
     */
    public PreflightException(String label, String node, List<PreflightProblem> problems) {
        super("preflight for " + label + " found " + problems.size() + " problem(s), nothing was changed:\n  "
                + problems.stream().map(PreflightProblem::toString).collect(Collectors.joining("\n  ")),
                ProvisionStep.PREFLIGHT, label, null, node, false, false, null, null);
        this.problems = List.copyOf(problems);
    }

    /**
     * The problems.
     *
     * @return an unmodifiable list, not empty
     */
    public List<PreflightProblem> problems() {
        return problems;
    }
}
