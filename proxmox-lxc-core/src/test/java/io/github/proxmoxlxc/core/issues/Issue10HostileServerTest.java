package io.github.proxmoxlxc.core.issues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.client.ApiException;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.ProxmoxTimeoutException;
import io.github.proxmoxlxc.core.client.ResponseTooLargeException;
import io.github.proxmoxlxc.core.client.RetryPolicy;
import io.github.proxmoxlxc.core.client.UnexpectedResponseException;
import io.github.proxmoxlxc.core.testsupport.HostileServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 10, items 4, 11 and 12 against {@link HostileServer}: every hostile answer ends within its
 * deadline with a typed error; an honest 10,000-container answer still passes the size cap.
 */
@Timeout(60)
class Issue10HostileServerTest {

    private static ProxmoxClient client(HostileServer s, Duration callTimeout) {
        return ProxmoxClient.builder().baseUrl(s.url()).allowPlaintextHttp().apiToken("ci@pve!tk", "secret")
                .retry(RetryPolicy.none()).readTimeout(Duration.ofSeconds(20)).callTimeout(callTimeout).build();
    }

    @Test
    void item4_gzipBomb_isCutAtTheInflatedCap() throws Exception {
        try (HostileServer s = new HostileServer(HostileServer.Mode.GZIP_BOMB);
             ProxmoxClient c = client(s, Duration.ofSeconds(30))) {
            assertThatThrownBy(() -> c.cluster().resources()).isInstanceOf(ResponseTooLargeException.class)
                    .hasMessageContaining("after decompression");
        }
    }

    @Test
    void item4_endlessChunkedBody_isCutAtTheCap() throws Exception {
        try (HostileServer s = new HostileServer(HostileServer.Mode.ENDLESS_CHUNKED);
             ProxmoxClient c = ProxmoxClient.builder().baseUrl(s.url()).allowPlaintextHttp()
                     .apiToken("ci@pve!tk", "secret").maxResponseBytes(2L * 1024 * 1024).build()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> c.nodes().list()).isInstanceOf(ResponseTooLargeException.class);
            // never retried: one attempt only, though the default policy retries transport errors
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    void item4_slowDrip_endsAtTheCallDeadline() throws Exception {
        try (HostileServer s = new HostileServer(HostileServer.Mode.SLOW_DRIP);
             ProxmoxClient c = client(s, Duration.ofSeconds(2))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> c.version()).isInstanceOf(ProxmoxTimeoutException.class)
                    .hasMessageContaining("call timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        }
    }

    @Test
    void item12_wrongDataType_isAnError_notAnEmptyList() throws Exception {
        try (HostileServer s = new HostileServer(HostileServer.Mode.WRONG_DATA_TYPE);
             ProxmoxClient c = client(s, Duration.ofSeconds(10))) {
            assertThatThrownBy(() -> c.cluster().resources()).isInstanceOf(UnexpectedResponseException.class)
                    .hasMessageContaining("a string where a list was expected");
            assertThatThrownBy(() -> c.nodes().list()).isInstanceOf(UnexpectedResponseException.class);
        }
    }

    @Test
    void item11_ansiErrorText_isATypedApiError() throws Exception {
        try (HostileServer s = new HostileServer(HostileServer.Mode.ANSI_ERROR);
             ProxmoxClient c = client(s, Duration.ofSeconds(10))) {
            assertThatThrownBy(() -> c.nodes().list()).isInstanceOf(ApiException.class)
                    .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(500));
        }
    }

    @Test
    void item4_tenThousandContainers_passTheDefaultCap() throws Exception {
        try (HostileServer s = new HostileServer(HostileServer.Mode.TEN_THOUSAND_CONTAINERS);
             ProxmoxClient c = client(s, Duration.ofSeconds(30))) {
            assertThat(HostileServer.resources(10_000).length()).isGreaterThan(3_000_000);
            assertThat(c.cluster().resources()).hasSize(10_000);
        }
    }
}
