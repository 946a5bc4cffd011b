package io.github.proxmoxlxc.core.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Issue 11, item 1: the option table against the official schema, and what it drives. */
class LxcOptionTest {

    private static TreeSet<String> schemaProperties(String endpoint) throws IOException {
        JsonNode schema;
        try (InputStream in = LxcOptionTest.class.getResourceAsStream(
                "/io/github/proxmoxlxc/testkit/schema-subset.json")) {
            schema = new ObjectMapper().readTree(in);
        }
        TreeSet<String> names = new TreeSet<>();
        schema.path(endpoint).path("parameters").path("properties").fieldNames().forEachRemaining(names::add);
        assertThat(names).as(endpoint).isNotEmpty();
        return names;
    }

    @Test
    void theTableHasExactlyTheCreateProperties_noneMissingNoneExtra() throws IOException {
        TreeSet<String> table = Arrays.stream(LxcOption.values()).filter(LxcOption::onCreate)
                .map(LxcOption::schemaName).collect(Collectors.toCollection(TreeSet::new));

        assertThat(table).isEqualTo(schemaProperties("POST /nodes/{node}/lxc"));
    }

    @Test
    void theTableHasExactlyTheUpdateProperties_noneMissingNoneExtra() throws IOException {
        TreeSet<String> table = Arrays.stream(LxcOption.values()).filter(LxcOption::onUpdate)
                .map(LxcOption::schemaName).collect(Collectors.toCollection(TreeSet::new));

        assertThat(table).isEqualTo(schemaProperties("PUT /nodes/{node}/lxc/{vmid}/config"));
    }

    @Test
    void everySettableOptionHasACodecAndAnApplyRule_andOnlyUpdatableOnesAreComparedWithAConfig() {
        for (LxcOption o : LxcOption.settable()) {
            assertThat(o.codec()).as(o.wire()).isNotNull();
            assertThat(o.apply()).as(o.wire()).isNotEqualTo(LxcOption.Apply.NONE);
            assertThat(o.inConfig()).as(o.wire()).isEqualTo(o.apply() != LxcOption.Apply.CREATE_ONLY && o.decoded());
            o.privilege().ifPresent(p -> assertThat(p).as(o.wire()).startsWith("VM.Config."));
        }
        assertThat(LxcOption.forKey("memory")).contains(LxcOption.MEMORY);
        assertThat(LxcOption.forKey("net31")).contains(LxcOption.NET);
        assertThat(LxcOption.forKey("net32")).isEmpty();
        assertThat(LxcOption.forKey("net")).isEmpty();
        assertThat(LxcOption.MEMORY.type()).isEqualTo(Integer.class);
        assertThat(LxcOption.CPULIMIT.apply()).isEqualTo(LxcOption.Apply.HOTPLUG);
        assertThat(LxcOption.HOSTNAME.privilege()).contains("VM.Config.Network");
    }

    @Test
    void clear_ofAnUnknownKey_throwsAndSuggestsTheClosestOption() {
        ContainerSpec.Builder b = ContainerSpec.builder().hostname("a").memoryMiB(512);

        assertThatThrownBy(() -> b.clear("memroy")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'memroy'").hasMessageContaining("did you mean 'memory'");
        assertThatThrownBy(() -> b.clear("net32")).isInstanceOf(IllegalArgumentException.class);
        assertThat(b.clear("memory").clear("net3").clear("unused0").build())
                .isEqualTo(ContainerSpec.builder().hostname("a").build());
    }

    @Test
    void clear_removesARawOptionThatIsNotATypedOne() {
        ContainerSpec spec = ContainerSpec.builder().hostname("a").rawOption("unused0", "local:vm-1-disk-1")
                .build();

        assertThat(spec.toBuilder().clear("unused0").build().rawOptions()).isEmpty();
    }

    @Test
    void lock_theOptionAddedAsOneTableEntryPlusSetter_isEncodedValidatedAndPrivileged() {
        ContainerSpec spec = ContainerSpec.builder().vmid(120).osTemplate("local:vztmpl/a.tar.zst").lock("backup")
                .build();

        assertThat(spec.lock()).contains("backup");
        assertThat(spec.toParameters()).containsEntry("lock", "backup");
        assertThat(LxcOption.forKey("lock").flatMap(LxcOption::privilege)).contains("VM.Config.Options");
        assertThat(spec.toBuilder().clear("lock").build().lock()).isEmpty();
        assertThatThrownBy(() -> ContainerSpec.builder().lock("held").build())
                .hasMessageContaining("lock").hasMessageContaining("must be one of backup");
    }
}
