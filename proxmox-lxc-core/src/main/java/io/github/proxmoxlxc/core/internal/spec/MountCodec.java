package io.github.proxmoxlxc.core.internal.spec;

import io.github.proxmoxlxc.core.spec.Mount;
import io.github.proxmoxlxc.core.spec.MountPoint;
import io.github.proxmoxlxc.core.spec.RootFs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

/** Codec and rules of {@code rootfs} and {@code mp[n]}. */
public final class MountCodec {
    /** The mount options Proxmox allows. */
    public static final Set<String> MOUNT_OPTIONS = Set.of("discard", "lazytime", "noatime", "nodev", "noexec",
            "nosuid");
    /** The sub-keys of {@code rootfs} this version knows. */
    static final Set<String> ROOT_KEYS = Set.of("volume", "acl", "idmap", "mountoptions", "quota", "replicate", "ro",
            "shared", "size");
    /** The sub-keys of {@code mp[n]} this version knows. */
    static final Set<String> MP_KEYS = Set.of("volume", "mp", "backup", "keepattrs", "acl", "idmap", "mountoptions",
            "quota", "replicate", "ro", "shared", "size");
    private static final Set<String> ROOT_REQUIRED = Set.of("volume");
    private static final Set<String> MP_REQUIRED = Set.of("volume", "mp");
    private static final String SEPARATORS = "must not contain ',', '=', ';' or control characters";
    /** pve-container's pattern of {@code idmap} (Config.pm {@code $rootfs_desc}). */
    private static final Pattern IDMAP = Pattern.compile(
            "passthrough|[ug]:[0-9]+:[0-9]+:[1-9][0-9]*(?:;[ug]:[0-9]+:[0-9]+:[1-9][0-9]*)*");
    private static final String IDMAP_RULE = "must be passthrough or type:container:disk:range-size[;...] with type"
            + " u or g and range-size 1 or more, such as u:1005:1005:1;g:1005:1005:1";
    /** The highest valid id: uid_t is 32 bits and (uid_t) -1 means "no id". */
    private static final long MAX_ID = 4_294_967_294L;

    private MountCodec() {
    }

    /**
     * Decodes and checks a {@code rootfs} value given by a user: every rule, unknown sub-keys refused.
     *
     * @param field the parameter name
     * @param value the property string
     * @return the value
     */
    public static RootFs parseRootFs(String field, String value) {
        return (RootFs) parse(field, value, ROOT_KEYS, ROOT_REQUIRED, RootFs.builder(), null);
    }

    /**
     * Decodes a {@code rootfs} value read from a node: formats are checked, a sub-key this version
     * does not know goes to {@code unknown}, and rules Proxmox checks only on update or start
     * ({@link #validateIdMap}) are not applied.
     *
     * @param field the parameter name
     * @param value the property string
     * @param unknown where unknown sub-keys go
     * @return the value
     */
    public static RootFs parseRootFs(String field, String value, Map<String, String> unknown) {
        return (RootFs) parse(field, value, ROOT_KEYS, ROOT_REQUIRED, RootFs.builder(), unknown);
    }

    /**
     * Decodes and checks a {@code mp[n]} value given by a user: every rule, unknown sub-keys refused.
     *
     * @param field the parameter name
     * @param value the property string
     * @return the value
     */
    public static MountPoint parseMountPoint(String field, String value) {
        return (MountPoint) parse(field, value, MP_KEYS, MP_REQUIRED, MountPoint.builder(), null);
    }

    /**
     * Decodes a {@code mp[n]} value read from a node; see {@link #parseRootFs(String, String, Map)}.
     *
     * @param field the parameter name
     * @param value the property string
     * @param unknown where unknown sub-keys go
     * @return the value
     */
    public static MountPoint parseMountPoint(String field, String value, Map<String, String> unknown) {
        return (MountPoint) parse(field, value, MP_KEYS, MP_REQUIRED, MountPoint.builder(), unknown);
    }

    /**
     * One decoder for both: the key set decides which keys may occur ({@code mp}, ... only for a
     * mount point); with an {@code unknown} sink the value comes from a node, else from a user.
     */
    private static Mount parse(String field, String value, Set<String> keys, Set<String> required,
            Mount.Builder<?> b, Map<String, String> unknown) {
        Map<String, String> m = PropertyStrings.parse(field, value, keys, "volume", required, unknown);
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
                case "idmap": b.idmap(v); break;
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
        if (unknown == null) {
            validateIdMap(field, r, c);
        }
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
        validateIdMap(field, r, c);
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
        m.put("idmap", r.idmap().orElse(null));
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
     * Checks a root file system or mount point: the formats Proxmox's schema checks (for a value
     * read from a node as well as for one to send).
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
        String idmap = r.idmap().orElse(null);
        if (idmap != null && !IDMAP.matcher(idmap).matches()) {
            c.add(field + ".idmap", Formats.printable(idmap), IDMAP_RULE);
        }
    }

    /**
     * Checks what pve-container checks of an {@code idmap} only when a config is updated or the
     * container starts ({@code PVE::LXC::validate_id_maps}: no two entries of one type overlap
     * inside the container or on the disk), plus ids that fit a 32-bit uid/gid. A create request
     * passes Proxmox without the overlap check and the container then fails to start, so a spec to
     * send is held to it; a config read back is not.
     *
     * @param field the parameter name
     * @param r the value
     * @param c where violations go
     */
    public static void validateIdMap(String field, Mount r, Checks c) {
        String idmap = r.idmap().orElse(null);
        if (idmap == null || idmap.equals("passthrough") || !IDMAP.matcher(idmap).matches()) {
            return;
        }
        String f = field + ".idmap";
        List<IdMapEntry> entries = new ArrayList<>();
        for (String text : idmap.split(";")) {
            String[] p = text.split(":");
            IdMapEntry e = new IdMapEntry(text, p[0], id(p[1]), id(p[2]), id(p[3]));
            entries.add(e);
            if (e.container() + e.count() - 1 > MAX_ID || e.disk() + e.count() - 1 > MAX_ID) {
                c.add(f, idmap, "entry '" + text + "' maps ids beyond " + MAX_ID
                        + " (uids and gids are 32-bit and 4294967295 is not an id)");
            }
        }
        for (String type : List.of("u", "g")) {
            overlaps(f, idmap, entries, type, "container", IdMapEntry::container, c);
            overlaps(f, idmap, entries, type, "disk", IdMapEntry::disk, c);
        }
    }

    /** Adjacent entries of one type, sorted by their start on one side, must not overlap (as validate_id_maps). */
    private static void overlaps(String f, String idmap, List<IdMapEntry> all, String type, String side,
            ToLongFunction<IdMapEntry> start, Checks c) {
        List<IdMapEntry> sorted = new ArrayList<>();
        for (IdMapEntry e : all) {
            if (e.type().equals(type)) {
                sorted.add(e);
            }
        }
        sorted.sort(Comparator.comparingLong(start));
        for (int i = 1; i < sorted.size(); i++) {
            IdMapEntry prev = sorted.get(i - 1);
            IdMapEntry cur = sorted.get(i);
            if (start.applyAsLong(prev) + prev.count() > start.applyAsLong(cur)) {
                c.add(f, idmap, "entry '" + cur.text() + "' maps " + side + " " + type + "id " + start.applyAsLong(cur)
                        + ", which entry '" + prev.text() + "' maps too; entries of one type must not overlap inside"
                        + " the container or on the disk");
            }
        }
    }

    /** An id as a number; a longer digit string than any valid id becomes too large to pass the range check. */
    private static long id(String digits) {
        String d = digits.replaceFirst("^0+(?=.)", "");
        return d.length() > 12 ? Long.MAX_VALUE / 4 : Long.parseLong(d);
    }

    /** One {@code type:container:disk:range-size} entry. */
    private record IdMapEntry(String text, String type, long container, long disk, long count) {
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
