package io.github.proxmoxlxc.testkit.issues;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.testkit.PveSimulator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, items 5 and 15: the simulator exposed WireMock's admin API, buffered any body before
 * authenticating, and applied random faults before the auth check.
 */
class Issue10SimulatorGateTest {
    private static PveSimulator sim;
    private static SSLContext ssl;

    @BeforeAll
    static void start() throws Exception {
        sim = PveSimulator.builder().timeScale(0.001).start();
        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(sim.caPem().getBytes(StandardCharsets.US_ASCII)));
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        ks.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** Sends only the request head (no body, whatever Content-Length says) and reads the status line. */
    private static String statusLine(String method, String path, String... headers) throws IOException {
        return statusLine(method, path, new byte[0], headers);
    }

    /** Sends the head and body and reads the status line; empty when the server closes the connection. */
    private static String statusLine(String method, String path, byte[] body, String... headers) throws IOException {
        try (SSLSocket s = (SSLSocket) ssl.getSocketFactory().createSocket("127.0.0.1", sim.port())) {
            s.setSoTimeout(10_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            for (String h : headers) {
                head.append(h).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            try {
                while ((c = in.read()) != -1 && c != '\n') {
                    line.append((char) c);
                }
            } catch (javax.net.ssl.SSLException | java.net.SocketException e) {
                return ""; // connection dropped
            }
            return line.toString().strip();
        }
    }

    @Test
    void item5_adminApiIsNotServed() throws IOException {
        assertThat(statusLine("GET", "/__admin/mappings")).isEqualTo("HTTP/1.1 501 no such uri");
        assertThat(statusLine("POST", "/__admin/settings", "Content-Type: application/json", "Content-Length: 0"))
                .isEqualTo("HTTP/1.1 501 no such uri");
        assertThat(statusLine("POST", "/__admin/shutdown", "Content-Length: 0")).isEqualTo("HTTP/1.1 501 no such uri");
        // still running
        assertThat(statusLine("GET", "/api2/json/version", "Authorization: " + sim.authorizationHeader()))
                .isEqualTo("HTTP/1.1 200 OK");
    }

    @Test
    void item15_credentialsAreCheckedBeforeTheBodyIsRead() throws IOException {
        // 300 KiB with bad credentials: refused with 401; the simulator's handler never sees the request
        long before = sim.requestCounts().values().stream().mapToLong(Long::longValue).sum();
        String status = statusLine("POST", "/api2/json/nodes/pve1/lxc", new byte[300_000],
                "Authorization: PVEAPIToken=x@pve!y=wrong", "Content-Type: application/x-www-form-urlencoded",
                "Content-Length: 300000");
        assertThat(status).startsWith("HTTP/1.1 401");
        assertThat(sim.requestCounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(before);
    }

    @Test
    void item15_anOversizedBodyIsRefusedFromItsLengthWithoutReadingIt() throws IOException {
        // 800 MB announced, the first 64 KiB sent: the answer comes without the rest being awaited or buffered
        assertThat(statusLine("POST", "/api2/json/nodes/pve1/lxc", new byte[64 * 1024],
                "Authorization: " + sim.authorizationHeader(), "Content-Type: application/x-www-form-urlencoded",
                "Content-Length: 800000000")).isEqualTo("HTTP/1.1 501 for data too large");
        assertThat(statusLine("POST", "/api2/json/nodes/pve1/lxc", "10\r\n0123456789abcdef".getBytes(StandardCharsets.US_ASCII),
                "Authorization: PVEAPIToken=x@pve!y=wrong", "Transfer-Encoding: chunked"))
                .isEqualTo("HTTP/1.1 501 chunked transfer encoding not supported");
        assertThat(statusLine("GET", "/api2/json/version", "Authorization: " + sim.authorizationHeader()))
                .isEqualTo("HTTP/1.1 200 OK");
    }

    @Test
    void item15_randomFaultsComeAfterTheAuthCheck() throws IOException {
        sim.randomFaults(7, 1.0);
        try {
            for (int i = 0; i < 20; i++) {
                assertThat(statusLine("GET", "/api2/json/nodes")).startsWith("HTTP/1.1 401");
            }
        } finally {
            sim.randomFaults(7, 0.0);
        }
    }
}
