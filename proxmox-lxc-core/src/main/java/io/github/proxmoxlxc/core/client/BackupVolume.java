package io.github.proxmoxlxc.core.client;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** A backup archive on a storage ({@code GET .../storage/{storage}/content?content=backup}). */
public final class BackupVolume {
    private final String volid;
    private final Integer vmid;
    private final long ctime;
    private final long size;
    private final String format;
    private final String notes;
    private final boolean protect;

    BackupVolume(String volid, Integer vmid, long ctime, long size, String format, String notes, boolean protect) {
        this.volid = Objects.requireNonNull(volid, "volid");
        this.vmid = vmid;
        this.ctime = ctime;
        this.size = size;
        this.format = format == null ? "" : format;
        this.notes = notes == null || notes.isEmpty() ? null : notes;
        this.protect = protect;
    }

    /**
     * The volume id, e.g. {@code local:backup/vzdump-lxc-101-2026_12_07-01_00_00.tar.zst}.
     *
     * @return the volume id
     */
    public String volid() {
        return volid;
    }

    /**
     * The storage part of the volume id.
     *
     * @return e.g. {@code local}
     */
    public String storage() {
        return volid.substring(0, volid.indexOf(':'));
    }

    /**
     * The guest the backup belongs to.
     *
     * @return the VMID, or empty for archives without one
     */
    public OptionalInt vmid() {
        return vmid == null ? OptionalInt.empty() : OptionalInt.of(vmid);
    }

    /**
     * When the backup was made.
     *
     * @return the creation time
     */
    public Instant createdAt() {
        return Instant.ofEpochSecond(ctime);
    }

    /**
     * The archive size in bytes.
     *
     * @return the size
     */
    public long size() {
        return size;
    }

    /**
     * The archive format, e.g. {@code tar.zst}.
     *
     * @return the format
     */
    public String format() {
        return format;
    }

    /**
     * The first line of the notes.
     *
     * @return the notes, or empty
     */
    public Optional<String> notes() {
        return Optional.ofNullable(notes);
    }

    /**
     * Whether the backup is protected (not removed, not pruned).
     *
     * @return true if protected
     */
    public boolean isProtected() {
        return protect;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BackupVolume b && b.volid.equals(volid) && Objects.equals(b.vmid, vmid) && b.ctime == ctime
                && b.size == size && b.format.equals(format) && Objects.equals(b.notes, notes) && b.protect == protect;
    }

    @Override
    public int hashCode() {
        return Objects.hash(volid, vmid, ctime, size, format, notes, protect);
    }

    @Override
    public String toString() {
        return "BackupVolume[" + volid + (protect ? ", protected" : "") + "]";
    }
}
