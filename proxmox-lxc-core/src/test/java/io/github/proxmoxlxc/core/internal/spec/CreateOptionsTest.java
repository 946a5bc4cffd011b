package io.github.proxmoxlxc.core.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CreateOptionsTest {
    @Test
    void embeddedNamesEqualTheOfficialSchemaCreateProperties() throws IOException {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/io/github/proxmoxlxc/testkit/schema-subset.json")) {
            schema = new ObjectMapper().readTree(in);
        }
        TreeSet<String> names = new TreeSet<>();
        schema.path("POST /nodes/{node}/lxc").path("parameters").path("properties").fieldNames()
                .forEachRemaining(names::add);

        assertThat(new TreeSet<>(CreateOptions.NAMES)).isEqualTo(names);
    }

    @Test
    void isCreateOption_checksIndexRanges() {
        assertThat(CreateOptions.isCreateOption("net31")).isTrue();
        assertThat(CreateOptions.isCreateOption("net32")).isFalse();
        assertThat(CreateOptions.isCreateOption("mp255")).isTrue();
        assertThat(CreateOptions.isCreateOption("unused0")).isTrue();
        assertThat(CreateOptions.isCreateOption("net01")).isFalse();
        assertThat(CreateOptions.isCreateOption("net[n]")).isFalse();
        assertThat(CreateOptions.isCreateOption("memory")).isTrue();
        assertThat(CreateOptions.isCreateOption("lxc.idmap")).isFalse();
    }
}
