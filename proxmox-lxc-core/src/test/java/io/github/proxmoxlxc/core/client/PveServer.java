package io.github.proxmoxlxc.core.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A WireMock server over HTTPS with the self-signed {@link TestCert}, standing in for pveproxy.
 * Register with {@code @RegisterExtension static PveServer pve = new PveServer();}.
 */
final class PveServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    static final String TOKEN_ID = "automation@pve!ci";
    static final String TOKEN_SECRET = "0b3c1c3e-5f0e-4d1e-9a0e-1234567890ab";
    static final String UPID = "UPID:pve1:000934AF:0D015579:68BF3A41:vzcreate:120:automation@pve!ci:";

    private static WireMockServer shared;

    WireMockServer wm;

    /** One server for the whole test JVM: starting Jetty per class costs seconds on a loaded machine. */
    private static synchronized WireMockServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        wm = shared();
    }

    private static WireMockServer start() {
        TestCert cert = TestCert.get();
        WireMockServer wm = new WireMockServer(WireMockConfiguration.options()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .bindAddress("127.0.0.1")
                .keystorePath(cert.keystore.toString())
                .keystorePassword(TestCert.PASSWORD)
                .keyManagerPassword(TestCert.PASSWORD)
                .keystoreType("PKCS12")
                .containerThreads(12)
                .jettyAcceptors(1));
        wm.start();
        return wm;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        wm.resetAll();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        wm.resetAll();
    }

    String url() {
        return "https://127.0.0.1:" + wm.httpsPort();
    }

    /** A client with the token, the pinned test certificate and fast retries. */
    ProxmoxClient.Builder clientBuilder() {
        return ProxmoxClient.builder()
                .baseUrl(url())
                .apiToken(TOKEN_ID, TOKEN_SECRET)
                .trust(Trust.fingerprints(TestCert.get().fingerprint))
                .readTimeout(Duration.ofSeconds(20))
                .retry(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(5)).build())
                .taskPolling(PollSchedule.builder().firstDelay(Duration.ZERO).initialInterval(Duration.ofMillis(1))
                        .maxInterval(Duration.ofMillis(5)).notVisibleGrace(Duration.ofSeconds(5)).build());
    }

    ProxmoxClient client() {
        return clientBuilder().build();
    }

    /** {@code {"data": <json>}} with status 200. */
    static ResponseDefinitionBuilder data(String json) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody("{\"data\":" + json + "}");
    }
}
