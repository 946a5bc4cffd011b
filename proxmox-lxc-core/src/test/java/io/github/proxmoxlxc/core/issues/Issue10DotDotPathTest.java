package io.github.proxmoxlxc.core.issues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.client.HttpMethod;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 10, item 14: ProxmoxClient.call sent '..' segments, leaving /api2/json with the credentials. */
class Issue10DotDotPathTest {
    @Test
    void item14_dotSegments_areRefusedBeforeAnythingIsSent() {
        try (Sim s = Sim.start(b -> { })) {
            long before = s.sim.requestCounts().values().stream().mapToLong(Long::longValue).sum();
            for (String p : new String[] {"/nodes/../../../__admin/mappings", "/..", "/nodes/./pve1", "/api2/json/../x"}) {
                assertThatThrownBy(() -> s.client.call(HttpMethod.GET, p, Map.of()))
                        .as(p).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("segment");
            }
            assertThat(s.sim.requestCounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(before);
            // an encoded dot sequence is a plain value, percent-encoded again, and stays inside the API
            assertThatThrownBy(() -> s.client.call(HttpMethod.GET, "/nodes/%2e%2e/status", Map.of()))
                    .isNotInstanceOf(IllegalArgumentException.class);
        }
    }
}
