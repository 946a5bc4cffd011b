package io.github.proxmoxlxc.node;

import io.github.proxmoxlxc.core.ProxmoxException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@link ContainerUpdate} failed. The message names the container, the step, the exit status and
 * the last lines of the output, and says where the container stands: unchanged (the failure came
 * before the update ran), rolled back to the snapshot taken first, or, only when no snapshot could
 * be used or the rollback itself failed, possibly on a half-applied change, with the command that
 * rolls it back by hand.
 */
public final class UpdateFailedException extends ProxmoxException {
    private static final long serialVersionUID = 1L;
    private final int vmid;
    private final String step;
    private final String snapshot;
    private final boolean changed;
    private final boolean rolledBack;
    private final int exitStatus;
    private final List<String> outputTail;

    UpdateFailedException(String message, int vmid, String step, String snapshot, boolean changed, boolean rolledBack,
            int exitStatus, List<String> outputTail, Throwable cause) {
        super(message, cause);
        this.vmid = vmid;
        this.step = step;
        this.snapshot = snapshot;
        this.changed = changed;
        this.rolledBack = rolledBack;
        this.exitStatus = exitStatus;
        this.outputTail = List.copyOf(outputTail);
    }

    /**
     * The container.
     *
     * @return the VMID
     */
    public int vmid() {
        return vmid;
    }

    /**
     * The step that failed: {@code check}, {@code snapshot}, {@code update} or {@code verify}.
     *
     * @return the step name
     */
    public String step() {
        return step;
    }

    /**
     * The snapshot taken before the update.
     *
     * @return its name, empty when none was taken
     */
    public Optional<String> snapshot() {
        return Optional.ofNullable(snapshot);
    }

    /**
     * Whether the update command started, so the container may have been changed before the
     * failure (then it was rolled back if {@link #rolledBack()}).
     *
     * @return true when the update had begun
     */
    public boolean updateStarted() {
        return changed;
    }

    /**
     * Whether the container was rolled back to {@link #snapshot()}.
     *
     * @return true after a successful rollback
     */
    public boolean rolledBack() {
        return rolledBack;
    }

    /**
     * Whether the container may be left on a half-applied change: the update started and was not
     * rolled back.
     *
     * @return true when a person should look at the container
     */
    public boolean mayBeHalfApplied() {
        return changed && !rolledBack;
    }

    /**
     * The exit status of the failed command in the container.
     *
     * @return the status, empty when the failure was not a command's exit status
     */
    public OptionalInt exitStatus() {
        return exitStatus < 0 ? OptionalInt.empty() : OptionalInt.of(exitStatus);
    }

    /**
     * The last lines of the failed command's output (stdout, then stderr).
     *
     * @return an unmodifiable list, empty when no command failed
     */
    public List<String> outputTail() {
        return outputTail;
    }
}
