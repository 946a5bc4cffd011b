package io.github.proxmoxlxc.core.client;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of a watched container seen by a {@link StatusWatch}: its status, lock or node
 * differs from the previous poll. The first poll reports every watched container once, with no
 * previous state.
 */
public final class StatusChange {
    /** The raw status reported for a watched container that does not exist (any more). */
    public static final String ABSENT = "absent";

    private final Instant time;
    private final int vmid;
    private final String node;
    private final String status;
    private final String lock;
    private final String previousNode;
    private final String previousStatus;
    private final String previousLock;

    StatusChange(Instant time, int vmid, String node, String status, String lock, StatusChange previous) {
        this.time = Objects.requireNonNull(time, "time");
        this.vmid = vmid;
        this.node = node;
        this.status = Objects.requireNonNull(status, "status");
        this.lock = lock;
        this.previousNode = previous == null ? null : previous.node;
        this.previousStatus = previous == null ? null : previous.status;
        this.previousLock = previous == null ? null : previous.lock;
    }

    boolean sameAs(String otherNode, String otherStatus, String otherLock) {
        return Objects.equals(node, otherNode) && status.equals(otherStatus) && Objects.equals(lock, otherLock);
    }

    /**
     * When the poll that saw the change answered.
     *
     * @return the time
     */
    public Instant time() {
        return time;
    }

    /**
     * The container.
     *
     * @return the vmid
     */
    public int vmid() {
        return vmid;
    }

    /**
     * The node the container is on now; empty when it is {@link #ABSENT}.
     *
     * @return the node
     */
    public Optional<String> node() {
        return Optional.ofNullable(node);
    }

    /**
     * The state now.
     *
     * @return {@link ContainerState#RUNNING} or {@link ContainerState#STOPPED};
     *     {@link ContainerState#UNKNOWN} when the container is {@linkplain #absent() absent} or its
     *     status is one this version does not know (see {@link #rawStatus()})
     */
    public ContainerState state() {
        return absent() ? ContainerState.UNKNOWN : ContainerState.of(status);
    }

    /**
     * The status now as sent ({@code running}, {@code stopped}, ...), {@code unknown} if none was
     * sent, or {@link #ABSENT}.
     *
     * @return the status text
     */
    public String rawStatus() {
        return status;
    }

    /**
     * Whether the container does not exist (any more).
     *
     * @return true if {@link #rawStatus()} is {@link #ABSENT}
     */
    public boolean absent() {
        return status.equals(ABSENT);
    }

    /**
     * The lock held now ({@code backup}, {@code migrate}, {@code snapshot}, ...).
     *
     * @return the lock, empty when none
     */
    public Optional<String> lock() {
        return Optional.ofNullable(lock);
    }

    /**
     * The node at the previous poll.
     *
     * @return the node, empty on the first report or when the container was absent
     */
    public Optional<String> previousNode() {
        return Optional.ofNullable(previousNode);
    }

    /**
     * The state at the previous poll, mapped as {@link #state()}.
     *
     * @return the state, empty on the first report
     */
    public Optional<ContainerState> previousState() {
        return previousRawStatus().map(s -> s.equals(ABSENT) ? ContainerState.UNKNOWN : ContainerState.of(s));
    }

    /**
     * The status at the previous poll as {@link #rawStatus()} gives it.
     *
     * @return the status text, empty on the first report
     */
    public Optional<String> previousRawStatus() {
        return Optional.ofNullable(previousStatus);
    }

    /**
     * The lock at the previous poll.
     *
     * @return the lock, empty when none or on the first report
     */
    public Optional<String> previousLock() {
        return Optional.ofNullable(previousLock);
    }

    /**
     * Whether this is the first report of the container (no previous state).
     *
     * @return true on the first poll
     */
    public boolean initial() {
        return previousStatus == null;
    }

    @Override
    public String toString() {
        return "StatusChange[" + vmid + " " + (previousStatus == null ? "" : previousStatus + " -> ") + status
                + (lock == null ? "" : " lock=" + lock) + (node == null ? "" : " on " + node) + "]";
    }
}
