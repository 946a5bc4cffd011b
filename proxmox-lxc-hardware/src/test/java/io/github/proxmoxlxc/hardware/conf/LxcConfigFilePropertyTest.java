package io.github.proxmoxlxc.hardware.conf;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.spec.InvalidValuesException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random edits keep the sections and survive parse → write → parse. */
class LxcConfigFilePropertyTest {
    /** One edit: 0 set, 1 remove, 2 add raw line, 3 remove raw line. */
    record Edit(int op, String key, String value) {
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<String> keys = Arbitraries.of("cores", "memory", "dev0", "dev1", "dev17", "mp0", "hostname", "swap",
                "lxc.idmap", "lxc.mount.entry", "lxc.cgroup2.devices.allow", "bad key", "lxc.x: y", "lock");
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').numeric().withChars(' ', ',', '=', ':', '/', '[', ']', '#')
                        .ofMinLength(0).ofMaxLength(20),
                Arbitraries.strings().all().ofMaxLength(8));
        return Combinators.combine(Arbitraries.integers().between(0, 3), keys, values).as(Edit::new).list()
                .ofMaxSize(15);
    }

    @Property
    void randomEditsKeepSectionsAndRoundTrip(@ForAll("edits") List<Edit> edits) {
        LxcConfigFile c = LxcConfigFile.parse(LxcConfigFileTest.CONF);
        for (Edit e : edits) {
            try {
                switch (e.op()) {
                    case 0:
                        c = c.set(e.key(), e.value());
                        break;
                    case 1:
                        c = c.remove(e.key());
                        break;
                    case 2:
                        c = c.addRawLine(e.key() + ": " + e.value());
                        break;
                    default:
                        c = c.removeRawLine(e.key() + ": " + e.value());
                }
            } catch (InvalidValuesException refused) {
                // refused edits must leave no trace: c is unchanged because instances are immutable
            }
            assertThat(c.sections()).containsExactly("before-upgrade", "pve:pending");
            assertThat(c.section("before-upgrade")).isEqualTo(LxcConfigFile.parse(LxcConfigFileTest.CONF)
                    .section("before-upgrade"));
            assertThat(c.lock()).isEmpty();
            LxcConfigFile again = LxcConfigFile.parse(c.text());
            assertThat(again.text()).isEqualTo(c.text());
            assertThat(again.devices()).isEqualTo(c.devices());
        }
        assertThat(c.text()).startsWith("#Media server\n");
    }
}
