package io.github.proxmoxlxc.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.proxmoxlxc.core.internal.client.Json;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Recorded PVE JSON decodes into the package's response classes, unknown fields ignored. */
class WireTest {

    private static JsonNode fixture(String name) throws Exception {
        try (InputStream in = WireTest.class.getResourceAsStream("/pve/" + name)) {
            return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).get("data");
        }
    }

    @Test
    void recordedStatusCurrent_decodes() throws Exception {
        ContainerStatus s = Wire.containerStatus(fixture("lxc-status-current.json"));
        assertThat(s.vmid()).isEqualTo(120);
        assertThat(s.running()).isTrue();
        assertThat(s.cpus()).isEqualTo(2.0);
        assertThat(s.maxMem()).isEqualTo(2147483648L);
        assertThat(s.pid()).hasValue(31337);
        assertThat(s.haState()).contains("started");
        assertThat(s.lock()).isEmpty();
    }

    @Test
    void unknownFieldsAreIgnored_andEqualValuesAreEqual() throws Exception {
        JsonNode n = Json.parse("{\"vmid\":\"121\",\"status\":\"stopped\",\"field-from-pve-10\":[1,2],"
                + "\"maxmem\":536870912}");
        ContainerStatus a = Wire.containerStatus(n);
        ContainerStatus b = Wire.containerStatus(n);

        assertThat(a.vmid()).isEqualTo(121);
        assertThat(a.running()).isFalse();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toString()).contains("vmid=121", "status=stopped");
    }
}
