package io.github.proxmoxlxc.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.internal.client.BaseUrl;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Builder and value validation: bad input is refused naming the field, the value and the rule. */
class ClientConfigTest {

    @Test
    void baseUrl_addsHttpsDefaultPortAndApiPrefix() {
        assertThat(BaseUrl.parse("pve1.example.org").toString()).isEqualTo("https://pve1.example.org:8006/api2/json");
        assertThat(BaseUrl.parse("https://pve1").toString()).isEqualTo("https://pve1:8006/api2/json");
        assertThat(BaseUrl.parse("https://pve1:443/").toString()).isEqualTo("https://pve1/api2/json"); // 443 kept, OkHttp omits the default
        assertThat(BaseUrl.parse("https://pve1:8006/api2/json/").toString()).isEqualTo("https://pve1:8006/api2/json");
        assertThat(BaseUrl.parse("https://proxy/pve/api2").toString()).isEqualTo("https://proxy:8006/pve/api2/json");
        assertThat(BaseUrl.parse("https://[fd00::1]").toString()).isEqualTo("https://[fd00::1]:8006/api2/json");
    }

    @Test
    void baseUrl_rejectsOtherSchemesAndQueries() {
        assertThatThrownBy(() -> BaseUrl.parse("ftp://pve1")).hasMessageContaining("'ftp://pve1'")
                .hasMessageContaining("https");
        assertThatThrownBy(() -> BaseUrl.parse("https://pve1/?x=1")).hasMessageContaining("query");
        assertThatThrownBy(() -> BaseUrl.parse("https://user:pw@pve1")).hasMessageContaining("user info");
    }

    @Test
    void build_withoutCredentials_saysWhatIsMissing() {
        assertThatThrownBy(() -> ProxmoxClient.builder().baseUrl("https://pve1").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("apiToken");
        assertThatThrownBy(() -> ProxmoxClient.builder().build()).hasMessageContaining("baseUrl");
    }

    @Test
    void node_andVmid_areValidatedBeforeAnyRequest() {
        try (ProxmoxClient c = ProxmoxClient.builder().baseUrl("https://127.0.0.1:1")
                .apiToken("a@pve!t1", "secret").build()) {
            assertThatThrownBy(() -> c.node("pve_1")).hasMessageContaining("node: 'pve_1'");
            assertThatThrownBy(() -> c.node("pve1").container(99)).hasMessageContaining("vmid: 99");
            assertThatThrownBy(() -> c.node("pve1").containers().create(Map.of("hostname", "x")))
                    .hasMessageContaining("'vmid' is required");
            assertThatThrownBy(() -> c.call(HttpMethod.GET, "nodes", Map.of())).hasMessageContaining("'/'");
            assertThatThrownBy(() -> c.call(HttpMethod.GET, "/nodes", Map.of("x", new Object())))
                    .hasMessageContaining("'x'").hasMessageContaining("unsupported type");
            assertThat(c.toString()).isEqualTo("ProxmoxClient[https://127.0.0.1:1/api2/json, token a@pve!t1]");
        }
    }

    @Test
    void retryPolicy_countsTheFirstCallAndChecksRanges() {
        assertThat(RetryPolicy.defaults().maxAttempts()).isEqualTo(3);
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).hasMessageContaining("maxAttempts: 0");
        assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5)).hasMessageContaining("jitter: 1.5");
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(10)).build())
                .hasMessageContaining("maxBackoff");
        RetryPolicy p = RetryPolicy.builder().maxAttempts(5).build();
        assertThat(p.toBuilder().build().maxAttempts()).isEqualTo(5);
    }

    @Test
    void rawResponse_refusesWrongShapeNamingIt() {
        RawResponse r = new RawResponse(200, "x", "{\"data\":\"x\"}");
        assertThat(r.dataAsString()).contains("x");
        assertThatThrownBy(r::dataAsMap).hasMessageContaining("not a JSON object");
        assertThat(new RawResponse(200, 5L, "").dataAsString()).contains("5");
    }
}
