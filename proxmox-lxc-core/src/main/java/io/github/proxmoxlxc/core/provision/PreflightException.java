package io.github.proxmoxlxc.core.provision;

import io.github.proxmoxlxc.core.internal.SerialForm;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.List;
import java.util.stream.Collectors;

/** Preflight found problems; nothing was changed. Lists every problem with what to do about it. */
public class PreflightException extends ProvisionException {
    private static final long serialVersionUID = 1L;

    /** Rebuilt from {@link #parts} after deserialization ({@link PreflightProblem} is not serializable). */
    private transient List<PreflightProblem> problems;

    /** The serialized form: check, subject, problem and remedy of each, in order. */
    private final String[] parts;

    /**
     * Creates the exception.
     *
     * @param label the request's label
     * @param node the node checked, or null
     * @param problems every problem found, not empty
     */
    PreflightException(String label, String node, List<PreflightProblem> problems) {
        super("preflight for " + label + " found " + problems.size() + " problem(s), nothing was changed:\n  "
                + problems.stream().map(PreflightProblem::toString).collect(Collectors.joining("\n  ")),
                ProvisionStep.PREFLIGHT, label, null, node, false, false, null, null);
        this.problems = List.copyOf(problems);
        this.parts = SerialForm.flatten(this.problems, 4,
                x -> new String[] {x.check(), x.subject(), x.problem(), x.remedy()});
    }

    /**
     * The problems.
     *
     * @return an unmodifiable list, not empty
     */
    public List<PreflightProblem> problems() {
        return problems;
    }

    /**
     * Rebuilds the problems from their serialized form.
     *
     * @param in the stream
     * @throws IOException if reading fails or the form is broken
     * @throws ClassNotFoundException if a class is missing
     */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        problems = SerialForm.unflatten("problems", parts, 4, p -> new PreflightProblem(p[0], p[1], p[2], p[3]));
    }
}
