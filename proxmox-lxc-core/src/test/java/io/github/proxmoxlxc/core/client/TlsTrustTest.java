package io.github.proxmoxlxc.core.client;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.proxmoxlxc.core.client.PveServer.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Certificate trust: pins, PEM CA, system store and the explicit insecure mode, over real HTTPS. */
class TlsTrustTest {
    @RegisterExtension
    static PveServer pve = new PveServer();
    private static final String WRONG_PIN =
            "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF";

    @BeforeEach
    void stub() {
        pve.wm.stubFor(get(urlPathEqualTo("/api2/json/version")).willReturn(data("{\"version\":\"9.1.2\"}")));
    }

    private String versionWith(Trust trust) {
        try (ProxmoxClient c = pve.clientBuilder().trust(trust).build()) {
            return c.version().version();
        }
    }

    @Test
    void rightFingerprintInColonForm_isAccepted() {
        assertThat(versionWith(Trust.fingerprints(TestCert.get().fingerprint))).isEqualTo("9.1.2");
    }

    @Test
    void rightFingerprintAsPlainLowerCaseHex_amongSeveralPins_isAccepted() {
        String plain = TestCert.get().fingerprint.replace(":", "").toLowerCase(Locale.ROOT);
        assertThat(versionWith(Trust.fingerprints(WRONG_PIN, plain))).isEqualTo("9.1.2");
    }

    @Test
    void wrongFingerprint_isRefusedBeforeAnyRequestIsSent() {
        assertThatThrownBy(() -> versionWith(Trust.fingerprints(WRONG_PIN)))
                .isInstanceOf(TlsTrustException.class)
                .hasMessageContaining("GET /version")
                .hasMessageContaining(TestCert.get().fingerprint)
                .hasMessageContaining("matches none of the 1 pinned");
        assertThat(pve.wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void pemCa_trustsTheServerSignedByIt() {
        assertThat(versionWith(Trust.pemCa(TestCert.get().pem))).isEqualTo("9.1.2");
    }

    @Test
    void systemTrust_refusesSelfSignedCertificateWithoutSendingAnything() {
        assertThatThrownBy(() -> versionWith(Trust.system())).isInstanceOf(TlsTrustException.class);
        assertThat(pve.wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void insecureTrustAll_acceptsAnyCertificate() {
        assertThat(versionWith(Trust.insecureTrustAll())).isEqualTo("9.1.2");
    }

    @Test
    void fingerprint_thatIsNotSha256_isRejectedNamingTheValue() {
        assertThatThrownBy(() -> Trust.fingerprints("AB:CD"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'AB:CD'").hasMessageContaining("SHA-256");
        assertThatThrownBy(() -> Trust.fingerprints(java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Trust.pemCa("not pem")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BEGIN CERTIFICATE");
    }
}
