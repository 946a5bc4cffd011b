package io.github.proxmoxlxc.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.internal.spec.Formats;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** The main IPv6 parser agrees with the test validator's independent, InetAddress-based one. */
class Ipv6DifferentialTest {
    @Provide
    Arbitrary<String> ipv6Like() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofMinLength(1)
                        .ofMaxLength(5)),
                Tuple.of(4, Arbitraries.just(":")),
                Tuple.of(1, Arbitraries.just(".")),
                Tuple.of(1, Arbitraries.of("::", "255.255.0.1", "1.2.3", "::ffff:")));
        return piece.list().ofMinSize(1).ofMaxSize(16).map(l -> String.join("", l));
    }

    @Property(tries = 3000)
    void mainParserAgreesWithTheReference(@ForAll("ipv6Like") String candidate) {
        assertThat(Formats.isIpv6(candidate)).as(candidate).isEqualTo(SchemaValidator.ipv6(candidate));
    }
}
