package io.github.proxmoxlxc.hardware.idmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.spec.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdMapTest {
    @Test
    void defaultMapIsProxmoxsDefaultAndNeedsNoLines() {
        IdMap m = IdMap.defaultUnprivileged();
        assertThat(m.values()).containsExactly("u 0 100000 65536", "g 0 100000 65536");
        assertThat(m.isDefault()).isTrue();
    }

    @Test
    void example1_identityPunchesOfVideoAndRender() {
        IdMap m = IdMap.builder().punchGid(44, 44).punchGid(104, 104).build();
        assertThat(m.configLines()).containsExactly(
                "lxc.idmap: u 0 100000 65536",
                "lxc.idmap: g 0 100000 44",
                "lxc.idmap: g 44 44 1",
                "lxc.idmap: g 45 100045 59",
                "lxc.idmap: g 104 104 1",
                "lxc.idmap: g 105 100105 65431");
    }

    @Test
    void example2_oneUidAndGidPassedThrough() {
        IdMap m = IdMap.builder().punchUid(1000, 1000).punchGid(1000, 1000).build();
        assertThat(m.values()).containsExactly("u 0 100000 1000", "u 1000 1000 1", "u 1001 101001 64535",
                "g 0 100000 1000", "g 1000 1000 1", "g 1001 101001 64535");
    }

    @Test
    void punchAtTheEdges_ct0AndCt65535() {
        IdMap m = IdMap.builder().punchGid(0, 5000).punchGid(65535, 5001).build();
        assertThat(m.ranges(IdKind.GID)).extracting(IdRange::value)
                .containsExactly("g 0 5000 1", "g 1 100001 65534", "g 65535 5001 1");
    }

    @Test
    void samePunchTwiceIsHarmless_conflictingPunchIsRefused() {
        assertThat(IdMap.builder().punchGid(44, 44).punchGid(44, 44).build())
                .isEqualTo(IdMap.builder().punchGid(44, 44).build());
        assertThatThrownBy(() -> IdMap.builder().punchGid(44, 44).punchGid(44, 45))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("container gid 44 is already mapped");
    }

    @Test
    void punchIntoTheHostBaseRangeIsRefusedNamingTheOverlap() {
        assertThatThrownBy(() -> IdMap.builder().punchGid(5, 100010).build())
                .isInstanceOf(InvalidIdMapException.class)
                .hasMessageContaining("'g 6 100006 65530': host gid 100010 is also mapped by entry 'g 5 100010 1'");
    }

    @Test
    void twoContainerIdsOnOneHostIdAreRefused() {
        assertThatThrownBy(() -> IdMap.builder().punchGid(44, 44).punchGid(45, 44).build())
                .isInstanceOf(InvalidIdMapException.class).hasMessageContaining("host gid 44 is also mapped");
    }

    @Test
    void punchIntoAnExistingCustomMapSplitsTheRightRange() {
        IdMap base = IdMap.builder().punchGid(44, 44).build();
        IdMap m = IdMap.builder().base(base).punchGid(106, 104).build();
        assertThat(m.ranges(IdKind.GID)).extracting(IdRange::value)
                .containsExactly("g 0 100000 44", "g 44 44 1", "g 45 100045 61", "g 106 104 1", "g 107 100107 65429");
    }

    @Test
    void validate_reportsMissingUMap() {
        List<Violation> v = IdMap.validate(List.of("g 0 100000 65536"));
        assertThat(v).singleElement().satisfies(x -> assertThat(x.rule()).contains("needs both u and g"));
    }

    @Test
    void validate_reportsGapsWithTheRangeAndItsNeighbours() {
        List<Violation> v = IdMap.validate(List.of("u 0 100000 65536", "g 0 100000 44", "g 45 100045 65491"));
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.value()).isEqualTo("g 45 100045 65491");
            assertThat(x.rule()).contains("container gids [44-45) are not mapped between 'g 0 100000 44' and it");
        });
    }

    @Test
    void validate_reportsContainerOverlapInPvesWording() {
        List<Violation> v = IdMap.validate(List.of("u 0 100000 65536", "g 0 100000 65536", "g 44 44 1"));
        assertThat(v).extracting(Violation::rule)
                .contains("container gid 44 is also mapped by entry 'g 0 100000 65536'");
    }

    @Test
    void validate_reportsRangesBeyond65535AndTail() {
        assertThat(IdMap.validate(List.of("u 0 100000 65537", "g 0 100000 65536"))).extracting(Violation::rule)
                .anyMatch(r -> r.contains("beyond 65535"));
        assertThat(IdMap.validate(List.of("u 0 100000 1000", "g 0 100000 65536"))).extracting(Violation::rule)
                .anyMatch(r -> r.contains("[1000-65536) are not mapped after it"));
    }

    @Test
    void validate_reportsSyntaxErrorsNamingTheValue() {
        assertThat(IdMap.validate(List.of("x 0 1 2", "u 0 100000"))).extracting(Violation::value)
                .containsExactly("x 0 1 2", "u 0 100000");
        assertThatThrownBy(() -> IdMap.parse(List.of("u 0 100000 0"))).isInstanceOf(InvalidIdMapException.class)
                .hasMessageContaining("count >= 1");
    }

    @Test
    void delegation_rootIsNotExempt_andAdjacentRangesCombine() {
        IdMap m = IdMap.builder().punchGid(44, 44).punchGid(106, 104).build();
        SubordinateIds uid = SubordinateIds.parse("/etc/subuid", "root:100000:65536\n");
        SubordinateIds gid = SubordinateIds.parse("/etc/subgid", "root:100000:65536\n");
        List<Violation> v = m.delegationProblems(uid, gid, "root");
        assertThat(v).extracting(Violation::rule).containsExactly(
                "host gid range [44-45) is not delegated to root in /etc/subgid (root has [100000-165536)); newgidmap"
                        + " will refuse to start the container",
                "host gid range [104-105) is not delegated to root in /etc/subgid (root has [100000-165536)); newgidmap"
                        + " will refuse to start the container");
        assertThat(m.missingDelegations(IdKind.GID, gid, "root")).containsExactly("root:44:1", "root:104:1");
        SubordinateIds split = SubordinateIds.parse("/etc/subgid", "root:100000:30000\nroot:130000:35536\nroot:44:1\n"
                + "root:104:1\n");
        assertThat(m.delegationProblems(uid, split, "root")).isEmpty();
        assertThat(m.delegationProblems(uid, split, "lxcuser")).hasSize(6);
    }

    @Test
    void subordinateIds_reportsMalformedLinesWithLineNumbers() {
        SubordinateIds s = SubordinateIds.parse("/etc/subgid", "# comment\nroot:100000:65536\nroot:abc:1\nroot:5:0\n");
        assertThat(s.delegations()).hasSize(1);
        assertThat(s.problems()).extracting(Violation::source).containsExactly("/etc/subgid:3", "/etc/subgid:4");
    }

    @Test
    void delegation_withNegativeStartOrCount_namesTheFieldAndValue() {
        assertThatThrownBy(() -> new SubordinateIds.Delegation("root", -1, 65536))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("start: -1 must be >= 0");
        assertThatThrownBy(() -> new SubordinateIds.Delegation("root", 100000, -5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("count: -5 must be >= 0");
    }
}
