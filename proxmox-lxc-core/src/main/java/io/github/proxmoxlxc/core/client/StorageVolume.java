package io.github.proxmoxlxc.core.client;

/**
 * A volume on a storage ({@code GET /nodes/{node}/storage/{storage}/content}).
 *
 * @param volid the volume id, e.g. {@code local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst}
 * @param content the content type, e.g. {@code vztmpl}, {@code rootdir}, {@code iso}
 * @param format the format, e.g. {@code tzst}, {@code raw}, {@code subvol}
 * @param size size in bytes
 * @param vmid the owning guest, or null
 * @param ctime creation time in Unix seconds, 0 if unknown
 * @param notes the notes, or null
 */
public record StorageVolume(String volid, String content, String format, long size, Integer vmid, long ctime,
                            String notes) {
}
