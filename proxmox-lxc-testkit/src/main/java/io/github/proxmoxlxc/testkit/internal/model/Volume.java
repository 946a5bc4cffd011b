package io.github.proxmoxlxc.testkit.internal.model;

/**
 * A volume in a storage.
 *
 * @param volid volume id, e.g. {@code local:vztmpl/x.tar.zst} or {@code local-lvm:vm-100-disk-0}
 * @param content content type ({@code vztmpl}, {@code rootdir}, ...)
 * @param format {@code raw}, {@code subvol}, {@code tzst}, ...
 * @param size bytes
 * @param vmid owner, 0 for none
 * @param ctime creation time, epoch seconds
 */
public record Volume(String volid, String content, String format, long size, int vmid, long ctime) {
}
