package io.github.proxmoxlxc.hardware.idmap;

import io.github.proxmoxlxc.core.spec.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The invariants of a container id map and the range arithmetic of a punch. */
final class IdMapRules {
    private IdMapRules() {
    }

    /**
     * Splits the extent holding {@code ct} so that exactly {@code ct -> host} maps there.
     */
    static List<IdRange> punch(List<IdRange> segs, IdKind kind, long ct, long host) {
        List<IdRange> out = new ArrayList<>();
        boolean placed = false;
        for (IdRange r : segs) {
            if (ct < r.containerStart() || ct >= r.containerEnd()) {
                out.add(r);
                continue;
            }
            placed = true;
            long off = ct - r.containerStart();
            if (r.hostStart() + off == host) {
                out.add(r); // already mapped this way (identity inside a 1:1 range, or punched before)
                continue;
            }
            if (off > 0) {
                out.add(new IdRange(kind, r.containerStart(), r.hostStart(), off));
            }
            out.add(new IdRange(kind, ct, host, 1));
            if (off + 1 < r.count()) {
                out.add(new IdRange(kind, ct + 1, r.hostStart() + off + 1, r.count() - off - 1));
            }
        }
        if (!placed) {
            out.add(new IdRange(kind, ct, host, 1));
        }
        out.sort(Comparator.comparingLong(IdRange::containerStart));
        return out;
    }

    /** Every rule an id map breaks, both kinds. */
    static List<Violation> check(List<IdRange> all) {
        List<Violation> out = new ArrayList<>();
        if (all.isEmpty()) {
            return out;
        }
        for (IdKind kind : IdKind.values()) {
            List<IdRange> rs = all.stream().filter(r -> r.kind() == kind).collect(Collectors.toList());
            if (rs.isEmpty()) {
                out.add(Violation.of("lxc.idmap", "(no " + kind.letter() + " lines)", "a custom map needs both u and g"
                        + " lines covering container ids 0..65535: Proxmox adds no default once any lxc.idmap line"
                        + " exists, and the container will not start"));
                continue;
            }
            checkKind(kind, rs, out);
        }
        return out;
    }

    private static void checkKind(IdKind kind, List<IdRange> rs, List<Violation> out) {
        String n = kind.noun();
        if (rs.size() > IdMap.MAX_EXTENTS) {
            out.add(Violation.of("lxc.idmap", rs.size() + " " + kind.letter() + " lines",
                    "the kernel accepts at most " + IdMap.MAX_EXTENTS + " extents per map"));
        }
        for (int i = 0; i < rs.size(); i++) {
            for (int j = 0; j < i; j++) {
                IdRange a = rs.get(i);
                IdRange b = rs.get(j);
                if (a.containerStart() < b.containerEnd() && b.containerStart() < a.containerEnd()) {
                    out.add(Violation.of("lxc.idmap", a.value(), "container " + n + " "
                            + Math.max(a.containerStart(), b.containerStart()) + " is also mapped by entry '"
                            + b.value() + "'"));
                }
                if (a.hostStart() < b.hostEnd() && b.hostStart() < a.hostEnd()) {
                    out.add(Violation.of("lxc.idmap", a.value(), "host " + n + " " + Math.max(a.hostStart(),
                            b.hostStart()) + " is also mapped by entry '" + b.value() + "'"));
                }
            }
        }
        for (IdRange r : rs) {
            if (r.hostStart() == 0) {
                out.add(Violation.of("lxc.idmap", r.value(), "maps container " + n + " " + r.containerStart()
                        + " onto host " + n + " 0 (root): the container would act as host root; map onto a range"
                        + " delegated in /etc/sub" + (kind == IdKind.UID ? "uid" : "gid") + " such as 100000"));
            }
        }
        List<IdRange> byCt = new ArrayList<>(rs);
        byCt.sort(Comparator.comparingLong(IdRange::containerStart));
        long next = 0;
        IdRange prev = null;
        for (IdRange r : byCt) {
            if (r.containerStart() > next && next < IdMap.SIZE) {
                long gapEnd = Math.min(r.containerStart(), IdMap.SIZE);
                out.add(Violation.of("lxc.idmap", r.value(), String.format("container %ss [%d-%d) are not mapped%s;"
                        + " every id 0..65535 must be mapped once (unmapped ids show as nobody and cannot be"
                        + " owned)", n, next, gapEnd, prev == null ? " before it" : " between '" + prev.value()
                        + "' and it")));
            }
            if (r.containerEnd() > IdMap.SIZE) {
                out.add(Violation.of("lxc.idmap", r.value(), "maps container " + n + "s up to " + (r.containerEnd() - 1)
                        + ", beyond 65535: a container's ids are 0..65535"));
            }
            next = Math.max(next, r.containerEnd());
            prev = r;
        }
        if (next < IdMap.SIZE) {
            out.add(Violation.of("lxc.idmap", prev.value(), String.format("container %ss [%d-65536) are not mapped"
                    + " after it; every id 0..65535 must be mapped once", n, next)));
        }
    }
}
