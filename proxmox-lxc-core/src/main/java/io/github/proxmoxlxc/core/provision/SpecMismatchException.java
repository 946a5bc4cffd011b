package io.github.proxmoxlxc.core.provision;

import io.github.proxmoxlxc.core.internal.SerialForm;
import io.github.proxmoxlxc.core.spec.SpecDifference;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@link Provisioner#ensure} found the container, but it differs from the spec. Nothing was
 * changed; the differences say what.
 */
public class SpecMismatchException extends ProvisionException {
    private static final long serialVersionUID = 1L;

    /** Rebuilt from {@link #parts} after deserialization ({@link SpecDifference} is not serializable). */
    private transient List<SpecDifference> differences;

    /** The serialized form: key, expected and actual value of each, in order. */
    private final String[] parts;

    /**
     * Creates the exception.
     *
     * @param label the request's label
     * @param vmid the existing container
     * @param node its node
     * @param differences what differs, not empty
     */
    SpecMismatchException(String label, int vmid, String node, List<SpecDifference> differences) {
        super("container " + vmid + " on " + node + " (" + label + ") exists but differs from the spec in "
                + differences.size() + " option(s); nothing was changed:\n  "
                + differences.stream().map(SpecDifference::toString).collect(Collectors.joining("\n  ")),
                ProvisionStep.PREFLIGHT, label, vmid, node, false, false, null, null);
        this.differences = List.copyOf(differences);
        this.parts = SerialForm.flatten(this.differences, 3, x -> new String[] {x.key(), x.expected(), x.actual()});
    }

    /**
     * The differences.
     *
     * @return an unmodifiable list, not empty
     */
    public List<SpecDifference> differences() {
        return differences;
    }

    /**
     * Rebuilds the differences from their serialized form.
     *
     * @param in the stream
     * @throws IOException if reading fails or the form is broken
     * @throws ClassNotFoundException if a class is missing
     */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        differences = SerialForm.unflatten("differences", parts, 3, p -> new SpecDifference(p[0], p[1], p[2]));
    }
}
