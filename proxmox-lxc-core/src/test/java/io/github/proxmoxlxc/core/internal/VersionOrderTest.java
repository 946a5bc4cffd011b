package io.github.proxmoxlxc.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The one version ordering both template pickers use: a total order that agrees with {@code sort -V}. */
class VersionOrderTest {
    /** Versions in the order GNU {@code sort -V} puts them (checked with coreutils 9). */
    private static final List<String> SORT_V_ORDER = List.of("1.2", "1.2.1", "2", "3.9", "3.10.1", "3.22",
            "9.9.9", "10", "12.2-1_amd64", "12.7-1_amd64", "12.10-1_amd64", "12.12-1_amd64", "13.1-2_amd64",
            "24.04-2_amd64", "24.10-1_amd64", "20250108", "20250617");

    @Test
    void sortsTemplateVersionsLikeSortDashV() {
        List<String> shuffled = new ArrayList<>(SORT_V_ORDER);
        Collections.reverse(shuffled);
        Collections.swap(shuffled, 0, 7);

        shuffled.sort(VersionOrder.COMPARATOR);

        assertThat(shuffled).containsExactlyElementsOf(SORT_V_ORDER);
    }

    @Test
    void digitRunsCompareByValue_notByText() {
        assertThat(VersionOrder.compare("12.10", "12.9")).isPositive();
        assertThat(VersionOrder.compare("24.04", "24.4")).isZero();
        assertThat(VersionOrder.compare("1.2", "1.2.0")).isNegative();
        assertThat(VersionOrder.compare("99999999999999999999", "100000000000000000000")).isNegative();
        assertThat(VersionOrder.compare("1.\u0663", "1.10")).as("only ASCII digits form numbers").isPositive();
    }

    @Property(tries = 500)
    void isAntisymmetric(@ForAll("versions") String a, @ForAll("versions") String b) {
        assertThat(Integer.signum(VersionOrder.compare(a, b))).isEqualTo(-Integer.signum(VersionOrder.compare(b, a)));
    }

    @Property(tries = 500)
    void isTransitive(@ForAll("versions") String a, @ForAll("versions") String b, @ForAll("versions") String c) {
        List<String> sorted = new ArrayList<>(List.of(a, b, c));
        sorted.sort(VersionOrder.COMPARATOR);

        assertThat(VersionOrder.compare(sorted.get(0), sorted.get(1))).isNotPositive();
        assertThat(VersionOrder.compare(sorted.get(1), sorted.get(2))).isNotPositive();
        assertThat(VersionOrder.compare(sorted.get(0), sorted.get(2))).isNotPositive();
    }

    @Property(tries = 500)
    void equalOnlyWhenTheTextsDifferInLeadingZerosAlone(@ForAll("versions") String a, @ForAll("versions") String b) {
        boolean sameModuloLeadingZeros = withoutLeadingZeros(a).equals(withoutLeadingZeros(b));

        assertThat(VersionOrder.compare(a, b) == 0).isEqualTo(sameModuloLeadingZeros);
    }

    /** Includes ARABIC-INDIC DIGIT THREE: a non-ASCII digit once made the order intransitive. */
    @Provide
    Arbitrary<String> versions() {
        return Arbitraries.strings().withChars("0019.-_~aAz\u0663").ofMaxLength(8);
    }

    private static String withoutLeadingZeros(String s) {
        return s.replaceAll("(?<![0-9])0+(?=[0-9])", "");
    }
}
