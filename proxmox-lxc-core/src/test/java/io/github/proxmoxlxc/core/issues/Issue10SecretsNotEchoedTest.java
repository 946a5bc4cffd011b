package io.github.proxmoxlxc.core.issues;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.client.ProxmoxClient;
import org.junit.jupiter.api.Test;

/** Issue 10, item 9: a token id holding "=SECRET" and a URL with user:pass@ were echoed whole in messages. */
class Issue10SecretsNotEchoedTest {
    @Test
    void item9_tokenIdInTheGuiForm_isRefusedWithoutShowingTheSecret() {
        assertThatThrownBy(() -> ProxmoxClient.builder().apiToken("ci@pve!build=8f1c-SECRET-77", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ci@pve!build=***").hasMessageNotContaining("SECRET");
    }

    @Test
    void item9_urlWithUserInfo_isRefusedWithoutShowingThePassword() {
        assertThatThrownBy(() -> ProxmoxClient.builder().baseUrl("https://root:hunter2@pve1:8006"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("***@pve1").hasMessageNotContaining("hunter2").hasMessageNotContaining("root:");
        assertThatThrownBy(() -> ProxmoxClient.builder().baseUrl("root:hunter2@pve1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("hunter2");
    }
}
