package io.github.proxmoxlxc.hardware.idmap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.spec.InvalidValuesException;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every map {@link IdMap} produces satisfies the invariants, checked here independently. */
class IdMapPropertyTest {
    record Punch(IdKind kind, long ct, long host) {
    }

    @Provide
    Arbitrary<List<Punch>> punches() {
        Arbitrary<Punch> p = Combinators.combine(Arbitraries.of(IdKind.class), Arbitraries.longs().between(0, 65535),
                Arbitraries.oneOf(Arbitraries.longs().between(0, 2000), Arbitraries.longs().between(0, 300_000),
                        Arbitraries.longs().between(165_536, 4_000_000_000L))).as(Punch::new);
        return p.list().ofMaxSize(12);
    }

    @Property
    void everyBuiltMapCoversZeroTo65535ExactlyOnceWithoutHostOverlap(@ForAll("punches") List<Punch> punches) {
        IdMap.Builder b = IdMap.builder();
        for (Punch p : punches) {
            try {
                b.punch(p.kind(), p.ct(), p.host());
            } catch (IllegalArgumentException conflict) {
                // same container id punched to two host ids: refused up front
            }
        }
        IdMap m;
        try {
            m = b.build();
        } catch (InvalidValuesException refused) {
            assertThat(refused.violations()).isNotEmpty();
            return;
        }
        for (IdKind k : IdKind.values()) {
            List<IdRange> rs = m.ranges(k);
            assertThat(rs).isNotEmpty();
            long next = 0;
            for (IdRange r : rs) {
                assertThat(r.containerStart()).as("contiguous from 0, sorted").isEqualTo(next);
                next = r.containerEnd();
            }
            assertThat(next).isEqualTo(65536);
            for (int i = 0; i < rs.size(); i++) {
                for (int j = i + 1; j < rs.size(); j++) {
                    IdRange a = rs.get(i);
                    IdRange c = rs.get(j);
                    assertThat(a.hostEnd() <= c.hostStart() || c.hostEnd() <= a.hostStart())
                            .as("host ranges %s and %s disjoint", a, c).isTrue();
                }
            }
            assertThat(rs.size()).isLessThanOrEqualTo(IdMap.MAX_EXTENTS);
        }
        assertThat(IdMap.validate(m.values())).isEmpty();
        assertThat(IdMap.parse(m.values())).isEqualTo(m);
    }

    @Property
    void punchesOutsideTheBaseRangeAlwaysSucceedAndMapAsAsked(@ForAll("punches") List<Punch> punches) {
        // keep one punch per container id and per host id, all hosts outside 100000..165535 and not host root (refused)
        java.util.Map<IdKind, java.util.Map<Long, Long>> chosen = new java.util.EnumMap<>(IdKind.class);
        IdMap.Builder b = IdMap.builder();
        for (Punch p : punches) {
            Map<Long, Long> m = chosen.computeIfAbsent(p.kind(), k -> new java.util.HashMap<>());
            if (p.host() == 0 || p.host() >= IdMap.DEFAULT_HOST_BASE && p.host() < IdMap.DEFAULT_HOST_BASE + IdMap.SIZE
                    || m.containsKey(p.ct()) || m.containsValue(p.host())) {
                continue;
            }
            m.put(p.ct(), p.host());
            b.punch(p.kind(), p.ct(), p.host());
        }
        IdMap map = b.build();
        chosen.forEach((kind, m) -> m.forEach((ct, host) -> assertThat(map.ranges(kind)).anySatisfy(r -> {
            assertThat(r.containerStart()).isLessThanOrEqualTo(ct);
            assertThat(r.containerEnd()).isGreaterThan(ct);
            assertThat(r.hostStart() + (ct - r.containerStart())).isEqualTo(host);
        })));
    }
}
