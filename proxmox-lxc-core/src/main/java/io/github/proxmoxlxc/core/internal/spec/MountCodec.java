package io.github.proxmoxlxc.core.internal.spec;

import io.github.proxmoxlxc.core.spec.Mount;
import io.github.proxmoxlxc.core.spec.MountPoint;
import io.github.proxmoxlxc.core.spec.RootFs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Codec and rules of {@code rootfs} and {@code mp[n]}. */
public final class MountCodec {
    /** The mount options Proxmox allows. */
    public static final Set<String> MOUNT_OPTIONS = Set.of("discard", "lazytime", "noatime", "nodev", "noexec",
            "nosuid");
    private static final Set<String> ROOT_KEYS = Set.of("volume", "acl", "mountoptions", "quota", "replicate", "ro",
            "shared", "size");
    private static final Set<String> MP_KEYS = Set.of("volume", "mp", "backup", "keepattrs", "acl", "mountoptions",
            "quota", "replicate", "ro", "shared", "size");
    private static final Set<String> ROOT_REQUIRED = Set.of("volume");
    private static final Set<String> MP_REQUIRED = Set.of("volume", "mp");
    private static final String SEPARATORS = "must not contain ',', '=', ';' or control characters";

    private MountCodec() {
    }

    /**
     * Decodes and checks a {@code rootfs} value.
     *
     * @param field the parameter name
     * @param value the property string
     * @return the value
     */
    public static RootFs parseRootFs(String field, String value) {
        return (RootFs) parse(field, value, ROOT_KEYS, ROOT_REQUIRED, RootFs.builder());
    }

    /**
     * Decodes and checks a {@code mp[n]} value.
     *
     * @param field the parameter name
     * @param value the property string
     * @return the value
     */
    public static MountPoint parseMountPoint(String field, String value) {
        return (MountPoint) parse(field, value, MP_KEYS, MP_REQUIRED, MountPoint.builder());
    }

    /** One decoder for both: the key set decides which keys may occur ({@code mp}, ... only for a mount point). */
    private static Mount parse(String field, String value, Set<String> keys, Set<String> required,
            Mount.Builder<?> b) {
        Map<String, String> m = PropertyStrings.parse(field, value, keys, "volume", required);
        MountPoint.Builder mp = b instanceof MountPoint.Builder ? (MountPoint.Builder) b : null;
        Checks c = new Checks();
        m.forEach((k, v) -> {
            String f = field + "." + k;
            switch (k) {
                case "volume": b.volume(v); break;
                case "mp": mp.path(v); break;
                case "backup": PropertyStrings.readBoolean(f, v, c, mp::backup); break;
                case "keepattrs": PropertyStrings.readBoolean(f, v, c, mp::keepAttrs); break;
                case "acl": PropertyStrings.readBoolean(f, v, c, b::acl); break;
                case "mountoptions": b.mountOptions(List.of(v.split(";", -1))); break;
                case "quota": PropertyStrings.readBoolean(f, v, c, b::quota); break;
                case "replicate": PropertyStrings.readBoolean(f, v, c, b::replicate); break;
                case "ro": PropertyStrings.readBoolean(f, v, c, b::readOnly); break;
                case "shared": PropertyStrings.readBoolean(f, v, c, b::shared); break;
                case "size": b.size(v); break;
                default: throw new IllegalStateException(k);
            }
        });
        c.throwIfAny();
        Mount r = b.build();
        validate(field, r, c);
        c.throwIfAny();
        return r;
    }

    /**
     * Checks and encodes a root file system or mount point.
     *
     * @param field the parameter name
     * @param r the value
     * @return the property string
     */
    public static String encode(String field, Mount r) {
        Checks c = new Checks();
        validate(field, r, c);
        c.throwIfAny();
        return printUnchecked(r);
    }

    /**
     * Prints without checks.
     *
     * @param r the value
     * @return the property string
     */
    public static String printUnchecked(Mount r) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("volume", r.volume().orElse(null));
        m.put("acl", r.acl().map(PropertyStrings::bool).orElse(null));
        m.put("mountoptions", r.mountOptions().isEmpty() ? null : String.join(";", r.mountOptions()));
        m.put("quota", r.quota() ? "1" : null);
        m.put("replicate", r.replicate() ? null : "0");
        m.put("ro", r.readOnly() ? "1" : null);
        m.put("shared", r.shared() ? "1" : null);
        m.put("size", r.size().orElse(null));
        if (r instanceof MountPoint) {
            MountPoint mp = (MountPoint) r;
            m.put("mp", mp.path().orElse(null));
            m.put("backup", mp.backup().map(PropertyStrings::bool).orElse(null));
            m.put("keepattrs", mp.keepAttrs() ? "1" : null);
            return PropertyStrings.print(m, "volume", MP_REQUIRED);
        }
        return PropertyStrings.print(m, "volume", ROOT_REQUIRED);
    }

    /**
     * Checks a root file system or mount point.
     *
     * @param field the parameter name
     * @param r the value
     * @param c where violations go
     */
    public static void validate(String field, Mount r, Checks c) {
        validateVolume(field + ".volume", r.volume().orElse(null), c);
        if (r instanceof MountPoint) {
            String p = ((MountPoint) r).path().orElse(null);
            if (p == null) {
                c.add(field + ".mp", "", "is required");
            } else if (hasSeparator(p)) {
                c.add(field + ".mp", Formats.printable(p), SEPARATORS);
            } else if (!p.startsWith("/") || p.equals("/") || !Formats.isMpString(p)) {
                c.add(field + ".mp", p, "must be an absolute path other than / without '.' or '..' segments");
            }
        }
        for (String o : r.mountOptions()) {
            if (!MOUNT_OPTIONS.contains(o)) {
                c.add(field + ".mountoptions", Formats.printable(o),
                        "must be one of discard, lazytime, noatime, nodev, noexec, nosuid");
            }
        }
        String size = r.size().orElse(null);
        if (size != null && !Formats.isDiskSize(size)) {
            c.add(field + ".size", Formats.printable(size), "must be a size such as 8G (digits, optional K/M/G/T)");
        }
    }

    private static boolean hasSeparator(String s) {
        return s.indexOf(',') >= 0 || s.indexOf('=') >= 0 || s.indexOf(';') >= 0 || Formats.hasControl(s);
    }

    /**
     * Checks a volume: an allocation, a volume id, a bare size or an absolute path.
     *
     * @param field the field
     * @param v the volume, or null
     * @param c where violations go
     */
    static void validateVolume(String field, String v, Checks c) {
        if (v == null) {
            c.add(field, "", "is required");
        } else if (hasSeparator(v) || v.isBlank()) {
            c.add(field, Formats.printable(v), SEPARATORS + " and must not be blank");
        } else if (v.startsWith("/")) {
            if (!Formats.isMpString(v) || v.equals("/")) {
                c.add(field, v, "a host path must be absolute, not / and without '.' or '..' segments");
            }
        } else if (Formats.isAllocation(v)) {
            String storage = v.substring(0, v.indexOf(':'));
            if (!Formats.isStorageId(storage)) {
                c.add(field, v, "storage '" + storage + "' must be a storage id ([a-z][a-z0-9-_.]*[a-z0-9])");
            }
        } else if (v.matches("\\d+(\\.\\d+)?")) {
            return;
        } else if (!Formats.isVolumeId(v) || !Formats.isMpString(v) || v.chars().anyMatch(Character::isWhitespace)) {
            c.add(field, v, "must be STORAGE:SIZE_GiB, storage:volume or an absolute host path");
        }
    }

    /**
     * Whether a volume is a bind or device mount (an absolute path), which needs root@pam.
     *
     * @param volume the volume
     * @return true for a path
     */
    public static boolean isPathMount(String volume) {
        return volume != null && volume.startsWith("/");
    }
}
