package io.github.proxmoxlxc.core.provision;

import io.github.proxmoxlxc.core.ProxmoxException;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A provisioning run failed. Says in which step, for which container (VMID and node once known),
 * whether the container was rolled back, and whether one needs a person's attention (kept on
 * request, or the rollback failed too: then {@link #rollbackFailure()} holds that error and the
 * message names the container). The cause is the error of the failed step.
 */
public class ProvisionException extends ProxmoxException {
    private static final long serialVersionUID = 1L;

    /** The failed step. */
    private final ProvisionStep step;
    /** The request's label. */
    private final String label;
    /** The VMID, or null when none was allocated. */
    private final @Nullable Integer vmid;
    /** The node, or null before placement. */
    private final @Nullable String node;
    /** Whether a created container was destroyed again. */
    private final boolean rolledBack;
    /** Whether a container remains that a person must look at. */
    private final boolean needsAttention;
    /** The rollback's error, or null. */
    private final @Nullable Throwable rollbackFailure;

    /**
     * Creates the exception.
     *
     * @param message what failed and what state the container is in
     * @param step the failed step
     * @param label the request's label
     * @param vmid the VMID, or null when none was allocated
     * @param node the node, or null before placement
     * @param rolledBack true when a created container was destroyed again
     * @param needsAttention true when a container remains that a person must look at
     * @param cause the step's error, or null
     * @param rollbackFailure the rollback's error, or null
     */
    // JDK 21+ lint: addSuppressed is final in Throwable and only records the failure, so no subclass code
    // can see this half-built exception
    @SuppressWarnings("this-escape")
    ProvisionException(String message, ProvisionStep step, String label, @Nullable Integer vmid, @Nullable String node,
                       boolean rolledBack, boolean needsAttention, @Nullable Throwable cause,
                       @Nullable Throwable rollbackFailure) {
        super(message, cause);
        this.step = step;
        this.label = label;
        this.vmid = vmid;
        this.node = node;
        this.rolledBack = rolledBack;
        this.needsAttention = needsAttention;
        this.rollbackFailure = rollbackFailure;
        if (rollbackFailure != null) {
            addSuppressed(rollbackFailure);
        }
    }

    /**
     * The step that failed.
     *
     * @return the step
     */
    public ProvisionStep step() {
        return step;
    }

    /**
     * The request's label (hostname).
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * The container id, if one was allocated.
     *
     * @return the VMID
     */
    public OptionalInt vmid() {
        return vmid == null ? OptionalInt.empty() : OptionalInt.of(vmid);
    }

    /**
     * The node, if placement happened.
     *
     * @return the node
     */
    public Optional<String> node() {
        return Optional.ofNullable(node);
    }

    /**
     * Whether the created container was destroyed again.
     *
     * @return true after a successful rollback
     */
    public boolean rolledBack() {
        return rolledBack;
    }

    /**
     * Whether a container remains that needs attention (kept on failure, or the rollback failed).
     *
     * @return true when {@link #vmid()} on {@link #node()} must be looked at
     */
    public boolean needsAttention() {
        return needsAttention;
    }

    /**
     * The rollback's own error, when it failed too.
     *
     * @return the error
     */
    public Optional<Throwable> rollbackFailure() {
        return Optional.ofNullable(rollbackFailure);
    }
}
