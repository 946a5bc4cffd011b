package io.github.proxmoxlxc.hardware.idmap;


import io.github.proxmoxlxc.core.spec.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A complete, valid container id map: {@code u} and {@code g} extents that each cover container
 * ids {@code 0..65535} exactly once, with no two extents sharing a container id or a host id.
 *
 * <p>Any {@code lxc.idmap} line makes Proxmox drop its default map, so a map that punches one host
 * gid through must still spell out every other range, and the {@code u} map too — a map without
 * {@code u} lines stops the container from starting. Every {@link IdMap} satisfies these rules; a
 * builder that cannot meet them throws {@link InvalidIdMapException} listing each broken range.
 *
 * <pre>{@code
 * IdMap map = IdMap.builder().punchGid(44, 44).punchGid(106, 104).build();
 * map.configLines();   // lxc.idmap: u 0 100000 65536, lxc.idmap: g 0 100000 44, lxc.idmap: g 44 44 1, ...
 * }</pre>
 */
public final class IdMap {
    /** Proxmox's default first host id for unprivileged containers ({@code root:100000:65536}). */
    public static final long DEFAULT_HOST_BASE = 100_000L;
    /** Container ids covered: 0..65535. */
    public static final long SIZE = 65_536L;
    /** The kernel accepts at most 340 extents per map (Linux 4.15+). */
    public static final int MAX_EXTENTS = 340;

    private final List<IdRange> ranges;

    private IdMap(List<IdRange> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /**
     * Proxmox's default unprivileged map, {@code u 0 100000 65536} and {@code g 0 100000 65536}.
     *
     * @return the map
     */
    public static IdMap defaultUnprivileged() {
        return builder().build();
    }

    /**
     * Starts a map from the default unprivileged map.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses and checks {@code lxc.idmap} values, e.g. those of an existing container config.
     *
     * @param values values such as {@code u 0 100000 65536}, in any order
     * @return the map
     * @throws InvalidIdMapException listing every broken value or range
     */
    public static IdMap parse(List<String> values) {
        List<Violation> problems = validate(values);
        if (!problems.isEmpty()) {
            throw new InvalidIdMapException(problems);
        }
        return new IdMap(sorted(values.stream().map(IdRange::parse).collect(Collectors.toList())));
    }

    /**
     * Checks {@code lxc.idmap} values without building a map: syntax, overlaps on the container and
     * on the host side, coverage of 0..65535 for both {@code u} and {@code g}, and the extent limit.
     *
     * @param values the values
     * @return every problem found, each naming the value and the rule; empty when valid
     */
    public static List<Violation> validate(List<String> values) {
        List<Violation> out = new ArrayList<>();
        List<IdRange> parsed = new ArrayList<>();
        for (String v : values) {
            try {
                parsed.add(IdRange.parse(v));
            } catch (IllegalArgumentException e) {
                out.add(Violation.of("lxc.idmap", v, e.getMessage()));
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        return IdMapRules.check(parsed);
    }

    /**
     * All extents: {@code u} first, then {@code g}, each by container start.
     *
     * @return an unmodifiable list
     */
    public List<IdRange> ranges() {
        return ranges;
    }

    /**
     * The extents of one kind, by container start.
     *
     * @param kind uid or gid
     * @return an unmodifiable list
     */
    public List<IdRange> ranges(IdKind kind) {
        return ranges.stream().filter(r -> r.kind() == kind).collect(Collectors.toUnmodifiableList());
    }

    /**
     * The {@code lxc.idmap} values.
     *
     * @return e.g. {@code [u 0 100000 65536, g 0 100000 44, ...]}
     */
    public List<String> values() {
        return ranges.stream().map(IdRange::value).collect(Collectors.toUnmodifiableList());
    }

    /**
     * The config lines for {@code /etc/pve/lxc/<vmid>.conf}.
     *
     * @return e.g. {@code [lxc.idmap: u 0 100000 65536, ...]}
     */
    public List<String> configLines() {
        return ranges.stream().map(r -> "lxc.idmap: " + r.value()).collect(Collectors.toUnmodifiableList());
    }

    /**
     * Whether this is Proxmox's default map (then no {@code lxc.idmap} lines are needed at all).
     *
     * @return true for {@code u 0 100000 65536} + {@code g 0 100000 65536}
     */
    public boolean isDefault() {
        return equals(defaultUnprivileged());
    }

    /**
     * Checks that every host range of this map is delegated to a user in {@code /etc/subuid} and
     * {@code /etc/subgid}; {@code newuidmap}/{@code newgidmap} refuse the map otherwise, and do not
     * exempt root.
     *
     * @param subuid the host's {@code /etc/subuid}
     * @param subgid the host's {@code /etc/subgid}
     * @param user the user starting containers, {@code root} on Proxmox VE
     * @return one violation per undelegated range; empty when all are delegated
     */
    public List<Violation> delegationProblems(SubordinateIds subuid, SubordinateIds subgid, String user) {
        List<Violation> out = new ArrayList<>();
        for (IdRange r : ranges) {
            SubordinateIds file = r.kind() == IdKind.UID ? subuid : subgid;
            if (!file.covers(user, r.hostStart(), r.count())) {
                out.add(Violation.of("lxc.idmap", r.value(), String.format(
                        "host %s range [%d-%d) is not delegated to %s in %s (%s has %s); new%smap will refuse"
                                + " to start the container", r.kind().noun(), r.hostStart(), r.hostEnd(), user,
                        r.kind().delegationFile(), user, file.describe(user), r.kind().noun())));
            }
        }
        return out;
    }

    /**
     * The {@code /etc/subuid} or {@code /etc/subgid} lines that would delegate every host range of
     * one kind not yet delegated.
     *
     * @param kind uid or gid
     * @param existing the host's current file
     * @param user the user, {@code root} on Proxmox VE
     * @return lines such as {@code root:44:1}; empty when nothing is missing
     */
    public List<String> missingDelegations(IdKind kind, SubordinateIds existing, String user) {
        return existing.missingLines(user, ranges(kind));
    }

    static List<IdRange> sorted(List<IdRange> in) {
        List<IdRange> l = new ArrayList<>(in);
        l.sort(Comparator.comparing(IdRange::kind).thenComparingLong(IdRange::containerStart));
        return l;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdMap && ((IdMap) o).ranges.equals(ranges);
    }

    @Override
    public int hashCode() {
        return ranges.hashCode();
    }

    @Override
    public String toString() {
        return "IdMap" + values();
    }

    /**
     * Builds an {@link IdMap} by punching single host ids through a base map. Punches are applied
     * in {@link #build()}; the same punch twice is harmless.
     */
    public static final class Builder {
        private long hostBase = DEFAULT_HOST_BASE;
        private List<IdRange> base;
        private final Map<IdKind, Map<Long, Long>> punches = new EnumMap<>(IdKind.class);

        private Builder() {
            punches.put(IdKind.UID, new LinkedHashMap<>());
            punches.put(IdKind.GID, new LinkedHashMap<>());
        }

        /**
         * Sets the first host id of the default base map, {@value IdMap#DEFAULT_HOST_BASE} unless
         * set; ignored when {@link #base(IdMap)} is given.
         *
         * @param hostBase first host id; the host range is {@code hostBase..hostBase+65535}
         * @return this builder
         */
        public Builder hostBase(long hostBase) {
            if (hostBase < 0 || hostBase + SIZE > IdRange.ID_LIMIT) {
                throw new IllegalArgumentException("hostBase=" + hostBase + " must be 0.." + (IdRange.ID_LIMIT - SIZE));
            }
            this.hostBase = hostBase;
            return this;
        }

        /**
         * Starts from an existing map (e.g. a container's current custom map) instead of the
         * default one.
         *
         * @param existing the map to punch into
         * @return this builder
         */
        public Builder base(IdMap existing) {
            this.base = Objects.requireNonNull(existing, "existing").ranges;
            return this;
        }

        /**
         * Maps container uid {@code containerId} to host uid {@code hostId}, one id.
         *
         * @param containerId uid inside the container, 0..65535
         * @param hostId uid on the host
         * @return this builder
         */
        public Builder punchUid(long containerId, long hostId) {
            return punch(IdKind.UID, containerId, hostId);
        }

        /**
         * Maps container gid {@code containerId} to host gid {@code hostId}, one id.
         *
         * @param containerId gid inside the container, 0..65535
         * @param hostId gid on the host
         * @return this builder
         */
        public Builder punchGid(long containerId, long hostId) {
            return punch(IdKind.GID, containerId, hostId);
        }

        /**
         * Maps one container id to one host id.
         *
         * @param kind uid or gid
         * @param containerId id inside the container, 0..65535
         * @param hostId id on the host
         * @return this builder
         * @throws IllegalArgumentException if the container id was already punched to another host id
         */
        public Builder punch(IdKind kind, long containerId, long hostId) {
            Objects.requireNonNull(kind, "kind");
            if (containerId < 0 || containerId >= SIZE) {
                throw new IllegalArgumentException("container " + kind.noun() + "=" + containerId + " must be 0.."
                        + (SIZE - 1));
            }
            if (hostId < 0 || hostId >= IdRange.ID_LIMIT) {
                throw new IllegalArgumentException("host " + kind.noun() + "=" + hostId + " must be 0.."
                        + (IdRange.ID_LIMIT - 1));
            }
            Long prev = punches.get(kind).putIfAbsent(containerId, hostId);
            if (prev != null && prev != hostId) {
                throw new IllegalArgumentException("container " + kind.noun() + " " + containerId
                        + " is already mapped to host " + kind.noun() + " " + prev + ", cannot also map it to " + hostId);
            }
            return this;
        }

        /**
         * Builds and checks the map.
         *
         * @return the map
         * @throws InvalidIdMapException when a punch collides with the base map on the host side
         *     (e.g. a host id inside {@code hostBase..hostBase+65535}) or the base is not valid
         */
        public IdMap build() {
            List<IdRange> start = base != null ? base : List.of(
                    new IdRange(IdKind.UID, 0, hostBase, SIZE), new IdRange(IdKind.GID, 0, hostBase, SIZE));
            List<IdRange> out = new ArrayList<>();
            for (IdKind kind : IdKind.values()) {
                List<IdRange> segs = start.stream().filter(r -> r.kind() == kind).collect(Collectors.toList());
                for (Map.Entry<Long, Long> p : punches.get(kind).entrySet()) {
                    segs = IdMapRules.punch(segs, kind, p.getKey(), p.getValue());
                }
                out.addAll(segs);
            }
            List<IdRange> all = sorted(out);
            List<Violation> problems = IdMapRules.check(all);
            if (!problems.isEmpty()) {
                throw new InvalidIdMapException(problems);
            }
            return new IdMap(all);
        }
    }
}
