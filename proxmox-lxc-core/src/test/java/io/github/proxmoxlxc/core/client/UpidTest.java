package io.github.proxmoxlxc.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class UpidTest {

    @Test
    void parse_readsAllFieldsOfTheUpstreamExample() {
        Upid u = Upid.parse("UPID:example-node:000934AF:0D015579:68BF3A41:hastart:100:root@pam:");
        assertThat(u).isEqualTo(new Upid("example-node", 603311, 218191225, 1757362753, "hastart", "100", "root@pam"));
        assertThat(u.startedAt()).isEqualTo(Instant.ofEpochSecond(1757362753));
    }

    @Test
    void parse_acceptsNineHexDigitPstartAndEmptyIdAndTokenUser() {
        String text = "UPID:pve1:0000A1B2:1ABCDEF01:65F0A0B0:aptupdate::automation@pve!ci:";
        Upid u = Upid.parse(text);
        assertThat(u.pstart()).isEqualTo(0x1ABCDEF01L);
        assertThat(u.id()).isEmpty();
        assertThat(u.user()).isEqualTo("automation@pve!ci");
        assertThat(u.toString()).isEqualTo(text);
    }

    @Test
    void parse_rejectsMalformedTextNamingIt() {
        for (String bad : new String[] {"", "UPID:pve1:1:2:3:vzstart:100:root@pam:",
            "UPID:pve1:0000A1B2:0001C3D4:65F0A0B0:vzstart:100:root@pam", "upid:pve1:0000A1B2:0001C3D4:65F0A0B0:x:1:u:",
            "UPID:-pve:0000A1B2:0001C3D4:65F0A0B0:vzstart:100:root@pam:"}) {
            assertThatThrownBy(() -> Upid.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
            assertThat(Upid.isUpid(bad)).isFalse();
        }
    }

    @Test
    void constructor_rejectsPartsThatCannotBeFormatted() {
        assertThatThrownBy(() -> new Upid("pve1", 1, 1, 1, "vz:start", "100", "root@pam"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Upid("pve1", -1, 1, 1, "vzstart", "100", "root@pam"))
                .hasMessageContaining("pid");
    }

    @Property
    void formatThenParse_roundTrips(@ForAll("nodes") String node, @ForAll @LongRange(max = 0xFFFFFFFFL) long pid,
                                    @ForAll @LongRange(max = 0xFFFFFFFFFL) long pstart,
                                    @ForAll @LongRange(max = 0xFFFFFFFFL) long start,
                                    @ForAll("words") String type, @ForAll("ids") String id) {
        Upid u = new Upid(node, pid, pstart, start, type, id, "root@pam");
        assertThat(Upid.parse(u.toString())).isEqualTo(u);
    }

    @Provide
    Arbitrary<String> nodes() {
        return Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(20);
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.strings().numeric().ofMaxLength(9);
    }
}
