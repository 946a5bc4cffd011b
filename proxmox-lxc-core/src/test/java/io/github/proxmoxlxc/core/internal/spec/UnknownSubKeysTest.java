package io.github.proxmoxlxc.core.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Sub-keys of a newer pve-container in a config read from a node: listed, and kept when a value is rewritten. */
class UnknownSubKeysTest {
    @Test
    void theKnownSubKeys_areThoseOfThePve91Schema_plusIdmapOnMounts() throws IOException {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/io/github/proxmoxlxc/testkit/schema-subset.json")) {
            schema = new ObjectMapper().readTree(in);
        }
        JsonNode create = schema.path("POST /nodes/{node}/lxc").path("parameters").path("properties");
        Map<String, Set<String>> known = Map.of("rootfs", MountCodec.ROOT_KEYS, "mp[n]", MountCodec.MP_KEYS,
                "net[n]", NetCodec.KEYS, "features", FeaturesCodec.KEYS, "dev[n]", DevCodec.KEYS);
        known.forEach((option, keys) -> {
            TreeSet<String> inSchema = new TreeSet<>();
            create.path(option).path("format").fieldNames().forEachRemaining(inSchema::add);
            if (option.equals("rootfs") || option.equals("mp[n]")) {
                inSchema.add("idmap"); // pve-container 6.1.6, newer than the schema
            }
            assertThat(new TreeSet<>(keys)).as(option).isEqualTo(inSchema);
        });
    }

    @Test
    void unknownSubKeys_listsOnlyTheKeysThisVersionDoesNotKnow_perOption() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("rootfs", "local-lvm:vm-100-disk-0,size=8G,idmap=passthrough");
        config.put("mp0", "/tank,mp=/t,colour=blue,ro=1,shape=round");
        config.put("net0", "name=eth0,bridge=vmbr0,speed=fast");
        config.put("features", "nesting=1");
        config.put("dev0", "/dev/dri/renderD128,glow=1");
        config.put("hostname", "a=b,c=d");
        config.put("lxc", "x=y");

        assertThat(SpecCodec.unknownSubKeys(config)).containsExactly(
                Map.entry("mp0", Map.of("colour", "blue", "shape", "round")),
                Map.entry("net0", Map.of("speed", "fast")),
                Map.entry("dev0", Map.of("glow", "1")));
    }

    @Test
    void keepUnknownSubKeys_appendsThemToTheValueWritten_withoutControlCharacters() {
        assertThat(SpecCodec.keepUnknownSubKeys("net0", "name=eth0,bridge=vmbr1",
                "name=eth0,bridge=vmbr0,speed=fast,firewall=1")).isEqualTo("name=eth0,bridge=vmbr1,speed=fast");
        assertThat(SpecCodec.keepUnknownSubKeys("features", "nesting=1", "keyctl=1,teleport=1;2"))
                .isEqualTo("nesting=1,teleport=1;2");
        assertThat(SpecCodec.keepUnknownSubKeys("features", "", "teleport=1")).isEqualTo("teleport=1");
        assertThat(SpecCodec.keepUnknownSubKeys("net0", "name=eth0", null)).isEqualTo("name=eth0");
        assertThat(SpecCodec.keepUnknownSubKeys("net0", "name=eth0", "name=eth0,evil=a\nb")).isEqualTo("name=eth0");
        assertThat(SpecCodec.keepUnknownSubKeys("hostname", "web", "a=b")).isEqualTo("web");
    }

    @Test
    void lenientParse_collectsUnknownKeys_butStillRefusesDuplicates() {
        Map<String, String> unknown = new LinkedHashMap<>();
        Map<String, String> known = PropertyStrings.parse("mp0", "/t,mp=/x,colour=blue", MountCodec.MP_KEYS, "volume",
                java.util.Set.of("volume", "mp"), unknown);

        assertThat(known).containsOnlyKeys("volume", "mp");
        assertThat(unknown).containsExactly(Map.entry("colour", "blue"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PropertyStrings.parse("mp0", "/t,mp=/x,c=1,c=2",
                MountCodec.MP_KEYS, "volume", java.util.Set.of("volume", "mp"), new LinkedHashMap<>()))
                .hasMessageContaining("duplicate key 'c'");
    }
}
