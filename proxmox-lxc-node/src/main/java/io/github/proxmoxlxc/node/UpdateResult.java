package io.github.proxmoxlxc.node;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link ContainerUpdate} ended successfully: what ran, the snapshot taken before it (kept
 * unless asked otherwise, so the change can still be rolled back by hand), the steps with their
 * timings and the last lines of the update's output.
 */
public final class UpdateResult {
    private final int vmid;
    private final String node;
    private final String action;
    private final String snapshot;
    private final boolean snapshotKept;
    private final String noSnapshotReason;
    private final List<UpdateProgress> steps;
    private final List<String> outputTail;
    private final Duration duration;

    UpdateResult(int vmid, String node, String action, String snapshot, boolean snapshotKept, String noSnapshotReason,
            List<UpdateProgress> steps, List<String> outputTail, Duration duration) {
        this.vmid = vmid;
        this.node = Objects.requireNonNull(node, "node");
        this.action = Objects.requireNonNull(action, "action");
        this.snapshot = snapshot;
        this.snapshotKept = snapshotKept;
        this.noSnapshotReason = noSnapshotReason;
        this.steps = List.copyOf(steps);
        this.outputTail = List.copyOf(outputTail);
        this.duration = Objects.requireNonNull(duration, "duration");
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
     * The node the container is on.
     *
     * @return the node name
     */
    public String node() {
        return node;
    }

    /**
     * What ran, for people: {@code OS packages (apt)} or {@code app jellyfin}.
     *
     * @return the description
     */
    public String action() {
        return action;
    }

    /**
     * The snapshot taken before the update.
     *
     * @return its name, empty when none was taken ({@link #noSnapshotReason()} says why)
     */
    public Optional<String> snapshot() {
        return Optional.ofNullable(snapshot);
    }

    /**
     * Whether the snapshot is still there (false when it was removed after the success, or none was
     * taken).
     *
     * @return true when kept
     */
    public boolean snapshotKept() {
        return snapshotKept;
    }

    /**
     * Why no snapshot was taken: skipped on request, or the storage cannot snapshot.
     *
     * @return the reason, empty when a snapshot was taken
     */
    public Optional<String> noSnapshotReason() {
        return Optional.ofNullable(noSnapshotReason);
    }

    /**
     * The steps that ended or were skipped, in order, with their timings.
     *
     * @return an unmodifiable list
     */
    public List<UpdateProgress> steps() {
        return steps;
    }

    /**
     * The last lines of the update's output (stdout, then stderr).
     *
     * @return an unmodifiable list
     */
    public List<String> outputTail() {
        return outputTail;
    }

    /**
     * Wall time of the whole update.
     *
     * @return the duration
     */
    public Duration duration() {
        return duration;
    }

    @Override
    public String toString() {
        return "UpdateResult[vmid=" + vmid + ", node=" + node + ", " + action + ", snapshot="
                + (snapshot == null ? "none" : snapshot) + ", " + duration.toMillis() + " ms]";
    }
}
