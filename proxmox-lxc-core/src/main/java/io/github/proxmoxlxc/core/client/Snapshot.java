package io.github.proxmoxlxc.core.client;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a container's snapshot list ({@code GET .../snapshot}): a snapshot, or the
 * {@code current} state ("You are here!") whose parent is the snapshot the container was last
 * taken from or rolled back to.
 */
public final class Snapshot {
    private final String name;
    private final String description;
    private final long snaptime;
    private final String parent;
    private final String snapstate;
    private final boolean running;

    Snapshot(String name, String description, long snaptime, String parent, String snapstate, boolean running) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = description == null ? "" : description;
        this.snaptime = snaptime;
        this.parent = parent == null || parent.isEmpty() ? null : parent;
        this.snapstate = snapstate == null || snapstate.isEmpty() ? null : snapstate;
        this.running = running;
    }

    /**
     * The snapshot name, or {@code current} for the container's present state.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Whether this entry is the container's present state rather than a snapshot.
     *
     * @return true for {@code current}
     */
    public boolean isCurrent() {
        return name.equals("current");
    }

    /**
     * The description (empty if none; "You are here!" for {@code current}).
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * When the snapshot was taken; empty for {@code current}.
     *
     * @return the creation time
     */
    public Optional<Instant> takenAt() {
        return snaptime > 0 ? Optional.of(Instant.ofEpochSecond(snaptime)) : Optional.empty();
    }

    /**
     * The snapshot this one was taken after; empty for a root.
     *
     * @return the parent's name
     */
    public Optional<String> parent() {
        return Optional.ofNullable(parent);
    }

    /**
     * An unfinished operation ({@link SnapshotState#PREPARE} while being taken, {@link SnapshotState#DELETE}
     * while or after a failed removal; {@link SnapshotState#UNKNOWN} for a state this version does not know, see
     * {@link #rawState()}); empty for a complete snapshot. A snapshot in a state cannot be rolled back to.
     *
     * @return the state
     */
    public Optional<SnapshotState> state() {
        return Optional.ofNullable(snapstate).map(SnapshotState::of);
    }

    /**
     * The unfinished operation as Proxmox sent it in {@code snapstate} ({@code prepare}, {@code delete}, or a
     * newer value); empty for a complete snapshot.
     *
     * @return the text
     */
    public Optional<String> rawState() {
        return Optional.ofNullable(snapstate);
    }

    /**
     * For {@code current}: whether the container is running; false for snapshots.
     *
     * @return whether running
     */
    public boolean running() {
        return running;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Snapshot s && s.name.equals(name) && s.description.equals(description)
                && s.snaptime == snaptime && Objects.equals(s.parent, parent) && Objects.equals(s.snapstate, snapstate)
                && s.running == running;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, snaptime, parent, snapstate, running);
    }

    @Override
    public String toString() {
        return "Snapshot[" + name + (parent == null ? "" : " <- " + parent) + (snapstate == null ? "" : " " + snapstate)
                + "]";
    }
}
