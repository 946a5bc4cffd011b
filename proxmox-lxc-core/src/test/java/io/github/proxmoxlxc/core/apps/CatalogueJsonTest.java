package io.github.proxmoxlxc.core.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalogue's own JSON reader reads what Jackson reads, and refuses what is not JSON. */
class CatalogueJsonTest {

    @Test
    void theBundledResourceReadsExactlyAsJacksonReadsIt() throws Exception {
        String text;
        try (InputStream in = CatalogueLoader.class.getResourceAsStream(CatalogueLoader.RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ObjectMapper mapper = new ObjectMapper();
        String ours = mapper.writeValueAsString(CatalogueJson.parse(text));
        String jacksons = mapper.writeValueAsString(mapper.readValue(text, Object.class));
        assertThat(ours).isEqualTo(jacksons);
        assertThat(AppCatalogue.bundled().size()).isGreaterThan(300);
    }

    @Test
    void escapesNumbersAndLiterals() {
        Object v = CatalogueJson.parse(" {\"a\\u00e9\\n\\\"\": [1, -2.5e1, true, false, null, \"x\\/y\"], \"b\": {}} ");
        assertThat(v).isEqualTo(Map.of("a\u00e9\n\"", java.util.Arrays.asList(1L, -25.0, true, false, null, "x/y"),
                "b", Map.of()));
        assertThat(CatalogueJson.parse("[]")).isEqualTo(List.of());
    }

    @Test
    void refusesWhatIsNotJson_namingTheOffset() {
        for (String bad : new String[] {"", "{", "{\"a\" 1}", "[1,]", "[01]", "\"\\x\"", "[1] x", "tru", "{\"a\":1,}",
                "\"a\nb\"", "[" .repeat(40) + "]".repeat(40)}) {
            assertThatThrownBy(() -> CatalogueJson.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at offset");
        }
    }
}
