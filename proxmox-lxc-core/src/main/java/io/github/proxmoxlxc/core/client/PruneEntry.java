package io.github.proxmoxlxc.core.client;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/** One backup and what a prune does with it ({@code GET .../prunebackups}). */
public final class PruneEntry {
    /** What a prune does with a backup. */
    public enum Mark {
        /** Kept by a retention rule. */
        KEEP,
        /** Removed by the prune. */
        REMOVE,
        /** Protected: never pruned. */
        PROTECTED,
        /** Not named as vzdump names backups: ignored by pruning. */
        RENAMED
    }

    private final String volid;
    private final Integer vmid;
    private final long ctime;
    private final Mark mark;

    PruneEntry(String volid, Integer vmid, long ctime, Mark mark) {
        this.volid = Objects.requireNonNull(volid, "volid");
        this.vmid = vmid;
        this.ctime = ctime;
        this.mark = Objects.requireNonNull(mark, "mark");
    }

    /**
     * The backup's volume id.
     *
     * @return the volume id
     */
    public String volid() {
        return volid;
    }

    /**
     * The guest the backup belongs to.
     *
     * @return the VMID, or empty
     */
    public OptionalInt vmid() {
        return vmid == null ? OptionalInt.empty() : OptionalInt.of(vmid);
    }

    /**
     * When the backup was made (from its name for vzdump's names).
     *
     * @return the time
     */
    public Instant createdAt() {
        return Instant.ofEpochSecond(ctime);
    }

    /**
     * What the prune does with it.
     *
     * @return the mark
     */
    public Mark mark() {
        return mark;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PruneEntry p && p.volid.equals(volid) && Objects.equals(p.vmid, vmid) && p.ctime == ctime
                && p.mark == mark;
    }

    @Override
    public int hashCode() {
        return Objects.hash(volid, vmid, ctime, mark);
    }

    @Override
    public String toString() {
        return "PruneEntry[" + volid + " " + mark + "]";
    }
}
