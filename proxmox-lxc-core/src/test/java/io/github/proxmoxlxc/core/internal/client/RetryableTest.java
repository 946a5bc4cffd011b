package io.github.proxmoxlxc.core.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.client.ApiError;
import io.github.proxmoxlxc.core.client.TlsTrustException;
import io.github.proxmoxlxc.core.client.TransportException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which failures the retry layer may retry (for idempotent requests only). */
class RetryableTest {

    private static boolean retryable(int status, String reason) {
        return ApiExecutor.retryable(ErrorMapper.classify(new ApiError("GET", "/x", status, reason, "", Map.of())));
    }

    @Test
    void transientFailures_areRetryable() {
        assertThat(retryable(502, "Bad Gateway")).isTrue();
        assertThat(retryable(503, "Service Unavailable")).isTrue();
        assertThat(retryable(504, "Gateway Timeout")).isTrue();
        assertThat(retryable(595, "Connection refused")).isTrue();
        assertThat(retryable(596, "Connection timed out")).isTrue();
        assertThat(retryable(500, "can't lock file '/run/lock/lxc/pve-config-100.lock' - got timeout")).isTrue();
        assertThat(ApiExecutor.retryable(new TransportException("GET", "/x", "I/O error", null))).isTrue();
    }

    @Test
    void terminalFailures_areNeverRetried() {
        assertThat(retryable(400, "Parameter verification failed.")).isFalse();
        assertThat(retryable(401, "Authentication failed!")).isFalse();
        assertThat(retryable(403, "Permission check failed (/vms/100, VM.Allocate)")).isFalse();
        assertThat(retryable(500, "CT is locked (backup)")).isFalse();
        assertThat(retryable(500, "CT 100 already exists on node 'pve1'")).isFalse();
        assertThat(ApiExecutor.retryable(new TlsTrustException("GET", "/x", "untrusted", null))).isFalse();
    }

    @Test
    void nodeKey_isTheNodeOfTheRequestPath() {
        assertThat(ApiRequest.of(io.github.proxmoxlxc.core.client.HttpMethod.GET, "/nodes/pve2/lxc", Map.of())
                .nodeKey()).isEqualTo("pve2");
        assertThat(ApiRequest.of(io.github.proxmoxlxc.core.client.HttpMethod.GET, "/nodes/pve2", Map.of())
                .nodeKey()).isEqualTo("pve2");
        assertThat(ApiRequest.of(io.github.proxmoxlxc.core.client.HttpMethod.GET, "/version", Map.of())
                .nodeKey()).isEmpty();
    }
}
