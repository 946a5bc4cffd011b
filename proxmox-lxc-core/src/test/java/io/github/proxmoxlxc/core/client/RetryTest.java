package io.github.proxmoxlxc.core.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.proxmoxlxc.core.client.PveServer.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retries are exact and idempotency-aware; the request journal proves how often each request went out. */
class RetryTest {
    @RegisterExtension
    static PveServer pve = new PveServer();

    /** Answers the given responses in order, then repeats the last. */
    private static void sequence(ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            String state = i == 0 ? STARTED : "s" + i;
            pve.wm.stubFor(any(anyUrl()).inScenario("seq").whenScenarioStateIs(state)
                    .willSetStateTo(i == responses.length - 1 ? state : "s" + (i + 1))
                    .willReturn(responses[i]));
        }
    }

    private static ResponseDefinitionBuilder reset() {
        return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
    }

    private static int sent() {
        return pve.wm.findAll(anyRequestedFor(anyUrl())).size();
    }

    @Test
    void getBehindTwoConnectionResets_succeedsOnTheThirdAttempt() {
        sequence(reset(), reset(), data("{\"version\":\"9.1.2\"}"));
        try (ProxmoxClient c = pve.client()) {
            assertThat(c.version().version()).isEqualTo("9.1.2");
        }
        assertThat(sent()).isEqualTo(3);
    }

    @Test
    void createBehindOneConnectionReset_isSentExactlyOnceAndFailsWithTransportError() {
        sequence(reset(), data("\"" + PveServer.UPID + "\""));
        try (ProxmoxClient c = pve.client()) {
            assertThatThrownBy(() -> c.node("pve1").containers().create(Map.of("vmid", "120")))
                    .isExactlyInstanceOf(TransportException.class)
                    .hasMessageStartingWith("POST /nodes/pve1/lxc: I/O error");
        }
        assertThat(sent()).isEqualTo(1);
    }

    @Test
    void getFailingEveryTime_stopsAfterMaxAttemptsIncludingTheFirst() {
        sequence(aResponse().withStatus(596).withStatusMessage("Connection timed out"));
        try (ProxmoxClient c = pve.client()) {
            assertThatThrownBy(c::version).isInstanceOf(NodeProxyException.class);
        }
        assertThat(sent()).isEqualTo(3);
    }

    @Test
    void serviceUnavailable_isRetried() {
        sequence(aResponse().withStatus(503).withStatusMessage("Service Unavailable"), data("{\"version\":\"9\"}"));
        try (ProxmoxClient c = pve.client()) {
            assertThat(c.version().version()).isEqualTo("9");
        }
        assertThat(sent()).isEqualTo(2);
    }

    @Test
    void lockFileTimeoutOnConfigUpdate_isRetried() {
        sequence(aResponse().withStatus(500)
                        .withStatusMessage("can't lock file '/run/lock/lxc/pve-config-120.lock' - got timeout")
                        .withBody("{\"data\":null}"),
                data("null"));
        try (ProxmoxClient c = pve.client()) {
            c.node("pve1").container(120).updateConfig(Map.of("memory", "1024"));
        }
        assertThat(sent()).isEqualTo(2);
    }

    @Test
    void clientErrors_areNeverRetried() {
        int[][] cases = {{400}, {401}, {403}};
        for (int[] code : cases) {
            pve.wm.resetAll();
            sequence(aResponse().withStatus(code[0]).withStatusMessage("no").withBody("{\"data\":null}"));
            try (ProxmoxClient c = pve.client()) {
                assertThatThrownBy(c::version).isInstanceOf(ApiException.class);
            }
            assertThat(sent()).as("attempts for status %d", code[0]).isEqualTo(1);
        }
    }

    @Test
    void plain500OnATaskStatusRead_isRetried_theTaskIsReportedAsItEnded() {
        sequence(aResponse().withStatus(500).withStatusMessage("Internal Server Error").withBody("{\"data\":null}"),
                data("{\"status\":\"stopped\",\"exitstatus\":\"OK\",\"upid\":\"" + PveServer.UPID + "\"}"));
        try (ProxmoxClient c = pve.client()) {
            assertThat(c.tasks().status(Upid.parse(PveServer.UPID)).succeeded()).isTrue();
        }
        assertThat(sent()).isEqualTo(2);
    }

    @Test
    void plain500OnAChange_isNotRetried_norATypedAnswerOnARead() {
        sequence(aResponse().withStatus(500).withStatusMessage("Internal Server Error").withBody("{\"data\":null}"));
        try (ProxmoxClient c = pve.client()) {
            assertThatThrownBy(() -> c.node("pve1").container(120).start()).isExactlyInstanceOf(ApiException.class);
        }
        assertThat(sent()).isEqualTo(1);
        pve.wm.resetAll();
        sequence(aResponse().withStatus(500)
                .withStatusMessage("Configuration file 'nodes/pve1/lxc/120.conf' does not exist")
                .withBody("{\"data\":null}"));
        try (ProxmoxClient c = pve.client()) {
            assertThatThrownBy(() -> c.node("pve1").container(120).config()).isInstanceOf(NotFoundException.class);
        }
        assertThat(sent()).isEqualTo(1);
    }

    @Test
    void createBehindALockTimeout_isResent_sinceProxmoxDidNothing() {
        sequence(aResponse().withStatus(500)
                        .withStatusMessage("unable to create CT 120 - can't lock file '/run/lock/lxc/pve-config-120.lock'"
                                + " - got timeout")
                        .withBody("{\"data\":null}"),
                data("\"" + PveServer.UPID + "\""));
        try (ProxmoxClient c = pve.client()) {
            assertThat(c.node("pve1").containers().create(Map.of("vmid", "120")).toString()).isEqualTo(PveServer.UPID);
        }
        assertThat(sent()).isEqualTo(2);
    }

    @Test
    void createBehindAnOperationLock_isNotResent() {
        sequence(aResponse().withStatus(500).withStatusMessage("CT is locked (backup)").withBody("{\"data\":null}"),
                data("\"" + PveServer.UPID + "\""));
        try (ProxmoxClient c = pve.client()) {
            assertThatThrownBy(() -> c.node("pve1").container(120).start()).isInstanceOf(LockedException.class);
        }
        assertThat(sent()).isEqualTo(1);
    }

    @Test
    void retryPolicyNone_sendsAGetOnce() {
        sequence(reset(), data("{\"version\":\"9\"}"));
        try (ProxmoxClient c = pve.clientBuilder().retry(RetryPolicy.none()).build()) {
            assertThatThrownBy(c::version).isExactlyInstanceOf(TransportException.class);
        }
        assertThat(sent()).isEqualTo(1);
    }

    @Test
    void startBehindProxyConnectionRefused595_isResent_theRequestNeverReachedAHandler() {
        sequence(aResponse().withStatus(595).withStatusMessage("Connection refused"), data("\"" + PveServer.UPID + "\""));
        try (ProxmoxClient c = pve.client()) {
            assertThat(c.node("pve1").container(120).start().toString()).isEqualTo(PveServer.UPID);
        }
        assertThat(sent()).isEqualTo(2);
    }

    @Test
    void startBehindProxyTimeout596_isNotResent_itMayHaveActed() {
        sequence(aResponse().withStatus(596).withStatusMessage("Connection timed out"), data("\"" + PveServer.UPID + "\""));
        try (ProxmoxClient c = pve.client()) {
            assertThatThrownBy(() -> c.node("pve1").container(120).start()).isInstanceOf(NodeProxyException.class);
        }
        assertThat(sent()).isEqualTo(1);
    }
}
