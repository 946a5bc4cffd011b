package io.github.proxmoxlxc.core.client;

import java.util.Objects;

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
    private final Integer vmid;
    private final long ctime;
    private final String notes;

    StorageVolume(String volid, String content, String format, long size, Integer vmid, long ctime, String notes) {
        this.volid = volid;
        this.content = content;
        this.format = format;
        this.size = size;
        this.vmid = vmid;
        this.ctime = ctime;
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
     * {@return the owning guest, or null}
     */
    public Integer vmid() {
        return vmid;
    }

    /**
     * {@return creation time in Unix seconds, 0 if unknown}
     */
    public long ctime() {
        return ctime;
    }

    /**
     * {@return the notes, or null}
     */
    public String notes() {
        return notes;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof StorageVolume)) {
            return false;
        }
        StorageVolume o = (StorageVolume) other;
        return Objects.equals(volid, o.volid) && Objects.equals(content, o.content)
                && Objects.equals(format, o.format) && size == o.size && Objects.equals(vmid, o.vmid)
                && ctime == o.ctime && Objects.equals(notes, o.notes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(volid, content, format, size, vmid, ctime, notes);
    }

    @Override
    public String toString() {
        return "StorageVolume[" + "volid=" + volid + ", content=" + content + ", format=" + format + ", size=" + size
                + ", vmid=" + vmid + ", ctime=" + ctime + ", notes=" + notes + "]";
    }
}
