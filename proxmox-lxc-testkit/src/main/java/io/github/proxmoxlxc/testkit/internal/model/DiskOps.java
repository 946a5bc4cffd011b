package io.github.proxmoxlxc.testkit.internal.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code PUT .../resize} after pve-container's {@code resize_vm}: checks before the fork, a {@code resize} task. */
public final class DiskOps {
    private static final Pattern SIZE = Pattern.compile("(\\+?)(\\d+(?:\\.\\d+)?)([KMGT]?)");
    private final PveModel m;

    DiskOps(PveModel model) {
        this.m = model;
    }

    /** Resizes {@code disk} ({@code rootfs} or {@code mpN}) to {@code size} ({@code +2G} or {@code 10G}). */
    public String resize(String node, int vmid, String user, String disk, String size, String digest) {
        synchronized (m) {
            m.advance();
            Container c = m.container(node, vmid);
            Matcher sm = SIZE.matcher(size);
            if (!sm.matches()) {
                throw PveError.die("invalid size string");
            }
            if (c.lock() != null) {
                throw PveError.die("CT is locked (" + c.lock() + ")");
            }
            if (digest != null && !digest.equals(PveModel.digest(c))) {
                throw PveError.die("detected modified configuration - file changed by other user? Try again.");
            }
            String value = c.config.get(disk);
            if (value == null) {
                throw PveError.params(Map.of("disk", "value '" + disk + "' does not have a value in the enumeration"
                        + " 'rootfs, mp0, mp1, ...'"));
            }
            String volid = value.split(",")[0].replaceFirst("^volume=", "");
            Volume vol = null;
            Storage store = null;
            for (Storage s : m.inv.storages.get(node).values()) {
                for (Volume v : s.volumes) {
                    if (v.volid().equals(volid)) {
                        vol = v;
                        store = s;
                    }
                }
            }
            if (vol == null) {
                throw PveError.die("Could not determine current size of volume '" + volid + "'");
            }
            if (vol.vmid() != vmid) {
                throw PveError.die("can't resize mount point owned by another container (" + vol.vmid() + ")");
            }
            double n = Double.parseDouble(sm.group(2));
            long unit = switch (sm.group(3)) {
                case "K" -> 1024L;
                case "M" -> 1024L * 1024;
                case "G" -> PveModel.GIB;
                case "T" -> 1024 * PveModel.GIB;
                default -> 1L;
            };
            long request = (long) (n * unit);
            long current = vol.size();
            long newsize = sm.group(1).isEmpty() ? request : current + request;
            if (newsize < current) {
                throw PveError.die("unable to shrink disk size");
            }
            if (newsize == current) {
                throw PveError.die("disk is already at specified size");
            }
            Volume old = vol;
            Storage s = store;
            String exit = s.avail() < newsize - current ? String.format(Locale.ROOT,
                    "Insufficient free space on storage '%s'", s.id) : "OK";
            List<String> lines = c.status.equals("running")
                    ? List.of("resize2fs 1.47.0 (5-Feb-2023)", "Filesystem at /dev/loop0 is mounted on /tmp; on-line resizing required",
                            "The filesystem on /dev/loop0 is now " + newsize / 4096 + " (4k) blocks long.")
                    : List.of("e2fsck 1.47.0 (5-Feb-2023)", "resize2fs 1.47.0 (5-Feb-2023)",
                            "The filesystem on /dev/loop0 is now " + newsize / 4096 + " (4k) blocks long.");
            return m.fork(node, "resize", String.valueOf(vmid), user, lines, exit, () -> {
                s.volumes.replaceAll(v -> v == old ? new Volume(v.volid(), v.content(), v.format(), newsize, v.vmid(),
                        v.ctime()) : v);
                c.config.put(disk, c.config.get(disk).replaceAll(",size=[^,]*", "") + ",size="
                        + PveModel.sizeString(newsize));
            }, () -> { });
        }
    }
}
