package io.github.proxmoxlxc.core.internal.spec;

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
        Map<String, String> m = PropertyStrings.parse(field, value, ROOT_KEYS, "volume", ROOT_REQUIRED);
        Checks c = new Checks();
        RootFs.Builder b = RootFs.builder();
        m.forEach((k, v) -> {
            String f = field + "." + k;
            switch (k) {
                case "volume": b.volume(v); break;
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
        RootFs r = b.build();
        validate(field, r, c);
        c.throwIfAny();
        return r;
    }

    /**
     * Decodes and checks a {@code mp[n]} value.
     *
     * @param field the parameter name
     * @param value the property string
     * @return the value
     */
    public static MountPoint parseMountPoint(String field, String value) {
        Map<String, String> m = PropertyStrings.parse(field, value, MP_KEYS, "volume", MP_REQUIRED);
        Checks c = new Checks();
        MountPoint.Builder b = MountPoint.builder();
        m.forEach((k, v) -> {
            String f = field + "." + k;
            switch (k) {
                case "volume": b.volume(v); break;
                case "mp": b.path(v); break;
                case "backup": PropertyStrings.readBoolean(f, v, c, b::backup); break;
                case "keepattrs": PropertyStrings.readBoolean(f, v, c, b::keepAttrs); break;
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
        MountPoint r = b.build();
        validate(field, r, c);
        c.throwIfAny();
        return r;
    }

    /**
     * Checks and encodes a root file system.
     *
     * @param field the parameter name
     * @param r the value
     * @return the property string
     */
    public static String encode(String field, RootFs r) {
        Checks c = new Checks();
        validate(field, r, c);
        c.throwIfAny();
        return printUnchecked(r);
    }

    /**
     * Checks and encodes a mount point.
     *
     * @param field the parameter name
     * @param r the value
     * @return the property string
     */
    public static String encode(String field, MountPoint r) {
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
    public static String printUnchecked(RootFs r) {
        Map<String, String> m = common(r.volume().orElse(null), r.acl().orElse(null), r.mountOptions(), r.quota(),
                r.replicate(), r.readOnly(), r.shared(), r.size().orElse(null));
        return PropertyStrings.print(m, "volume", ROOT_REQUIRED);
    }

    /**
     * Prints without checks.
     *
     * @param r the value
     * @return the property string
     */
    public static String printUnchecked(MountPoint r) {
        Map<String, String> m = common(r.volume().orElse(null), r.acl().orElse(null), r.mountOptions(), r.quota(),
                r.replicate(), r.readOnly(), r.shared(), r.size().orElse(null));
        m.put("mp", r.path().orElse(null));
        m.put("backup", r.backup().map(PropertyStrings::bool).orElse(null));
        m.put("keepattrs", r.keepAttrs() ? "1" : null);
        return PropertyStrings.print(m, "volume", MP_REQUIRED);
    }

    private static Map<String, String> common(String volume, Boolean acl, List<String> opts, boolean quota,
            boolean replicate, boolean ro, boolean shared, String size) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("volume", volume);
        m.put("acl", acl == null ? null : PropertyStrings.bool(acl));
        m.put("mountoptions", opts.isEmpty() ? null : String.join(";", opts));
        m.put("quota", quota ? "1" : null);
        m.put("replicate", replicate ? null : "0");
        m.put("ro", ro ? "1" : null);
        m.put("shared", shared ? "1" : null);
        m.put("size", size);
        return m;
    }

    /**
     * Checks a root file system.
     *
     * @param field the parameter name
     * @param r the value
     * @param c where violations go
     */
    public static void validate(String field, RootFs r, Checks c) {
        validateVolume(field + ".volume", r.volume().orElse(null), c);
        validateCommon(field, r.mountOptions(), r.size().orElse(null), c);
    }

    /**
     * Checks a mount point.
     *
     * @param field the parameter name
     * @param r the value
     * @param c where violations go
     */
    public static void validate(String field, MountPoint r, Checks c) {
        validateVolume(field + ".volume", r.volume().orElse(null), c);
        String p = r.path().orElse(null);
        if (p == null) {
            c.add(field + ".mp", "", "is required");
        } else if (hasSeparator(p)) {
            c.add(field + ".mp", Formats.printable(p), SEPARATORS);
        } else if (!p.startsWith("/") || p.equals("/") || !Formats.isMpString(p)) {
            c.add(field + ".mp", p, "must be an absolute path other than / without '.' or '..' segments");
        }
        validateCommon(field, r.mountOptions(), r.size().orElse(null), c);
    }

    private static void validateCommon(String field, List<String> opts, String size, Checks c) {
        for (String o : opts) {
            if (!MOUNT_OPTIONS.contains(o)) {
                c.add(field + ".mountoptions", Formats.printable(o),
                        "must be one of discard, lazytime, noatime, nodev, noexec, nosuid");
            }
        }
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
