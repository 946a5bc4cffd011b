package io.github.proxmoxlxc.core.client;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A volume on a storage ({@code GET /nodes/{node}/storage/{storage}/content}).
 *
 * <p>Built by the client (no public constructor): fields Proxmox adds become new accessors
 * without breaking callers.
 */
public final class StorageVolume {
    private final String volid;
    private final String content;
    private final String format;
    private final long size;
    private final OptionalInt vmid;
    private final Instant createdAt;
    private final Optional<String> notes;

    StorageVolume(String volid, String content, String format, long size, OptionalInt vmid, Instant createdAt,
                  Optional<String> notes) {
        this.volid = volid;
        this.content = content;
        this.format = format;
        this.size = size;
        this.vmid = vmid;
        this.createdAt = createdAt;
        this.notes = notes;
    }

    /**
     * {@return the volume id, e.g. {@code local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst}}
     */
    public String volid() {
        return volid;
    }

    /**
     * {@return the content type, e.g. {@code vztmpl}, {@code rootdir}, {@code iso}}
     */
    public String content() {
        return content;
    }

    /**
     * {@return the format, e.g. {@code tzst}, {@code raw}, {@code subvol}}
     */
    public String format() {
        return format;
    }

    /**
     * {@return size in bytes}
     */
    public long size() {
        return size;
    }

    /**
     * {@return the owning guest, if the volume belongs to one}
     */
    public OptionalInt vmid() {
        return vmid;
    }

    /**
     * {@return when the volume was created ({@code ctime}, to the second); the epoch if not sent}
     */
    public Instant createdAt() {
        return createdAt;
    }

    /**
     * {@return the notes, if any}
     */
    public Optional<String> notes() {
        return notes;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof StorageVolume)) {
            return false;
        }
        StorageVolume o = (StorageVolume) other;
        return Objects.equals(volid, o.volid) && Objects.equals(content, o.content)
                && Objects.equals(format, o.format) && size == o.size && Objects.equals(vmid, o.vmid)
                && createdAt.equals(o.createdAt) && Objects.equals(notes, o.notes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(volid, content, format, size, vmid, createdAt, notes);
    }

    @Override
    public String toString() {
        return "StorageVolume[" + "volid=" + volid + ", content=" + content + ", format=" + format + ", size=" + size
                + ", vmid=" + vmid + ", createdAt=" + createdAt + ", notes=" + notes + "]";
    }
}
