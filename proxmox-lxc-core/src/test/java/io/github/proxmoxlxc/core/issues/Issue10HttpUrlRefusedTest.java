package io.github.proxmoxlxc.core.issues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.Trust;
import org.junit.jupiter.api.Test;

/** Issue 10, items 1 and 7: a pin or CA was silently dropped for an http:// URL, sending credentials in clear. */
class Issue10HttpUrlRefusedTest {
    private static final String PIN = "ab".repeat(32);

    @Test
    void item1_httpUrl_isRefusedWithoutOptIn() {
        assertThatThrownBy(() -> ProxmoxClient.builder().baseUrl("http://pve1:8006").apiToken("a@pve!tk", "s").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("plain HTTP").hasMessageContaining("allowPlaintextHttp()");
    }

    @Test
    void item1_httpUrl_withPin_isRefusedEvenWithOptIn() {
        assertThatThrownBy(() -> ProxmoxClient.builder().baseUrl("http://pve1:8006").allowPlaintextHttp()
                .trust(Trust.fingerprints(PIN)).apiToken("a@pve!tk", "s").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("FINGERPRINTS")
                .hasMessageContaining("plain HTTP");
        assertThatThrownBy(() -> ProxmoxClient.builder().baseUrl("http://pve1:8006").allowPlaintextHttp()
                .trust(Trust.insecureTrustAll()).password("root@pam", "pw").build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void item1_httpUrl_withOptIn_andNoTrustSetting_builds() {
        try (ProxmoxClient c = ProxmoxClient.builder().baseUrl("http://127.0.0.1:1").allowPlaintextHttp()
                .apiToken("a@pve!tk", "s").build()) {
            assertThat(c.toString()).contains("http://127.0.0.1:1/api2/json");
        }
    }

    @Test
    void item1_httpsIsUnaffected() {
        try (ProxmoxClient c = ProxmoxClient.builder().baseUrl("https://127.0.0.1:1").trust(Trust.fingerprints(PIN))
                .apiToken("a@pve!tk", "s").build()) {
            assertThat(c.baseUrl()).isEqualTo("https://127.0.0.1:1");
        }
    }
}
