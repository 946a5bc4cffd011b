package io.github.proxmoxlxc.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.proxmoxlxc.testkit.RawExchange.Wire;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Response compression as pveproxy does it (pve-http-server {@code AnyEvent.pm}, {@code sub response}):
 * a body over 1024 bytes is gzipped if the request accepts gzip, else zlib-deflated if it accepts
 * deflate, with {@code Content-Length} the compressed length; error bodies too. Driven over raw TLS
 * sockets so the bytes on the wire are seen as they are sent.
 */
class PveSimulatorCompressionTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    static PveSimulator sim;

    @BeforeAll
    static void start() {
        sim = PveSimulator.builder().timeScale(0.0005).build().start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void clearFaults() {
        sim.clearFaults();
    }

    static Wire exchange(PveSimulator s, String method, String path, String acceptEncoding, String form)
            throws IOException {
        StringBuilder req = new StringBuilder(method + " /api2/json" + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\nAuthorization: " + s.authorizationHeader());
        if (acceptEncoding != null) {
            req.append("\r\nAccept-Encoding: ").append(acceptEncoding);
        }
        byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
        if (form != null) {
            req.append("\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ").append(body.length);
        }
        Wire w = RawExchange.exchange(s, req.toString(), body);
        assertThat(w.names()).as("every header sent once").doesNotHaveDuplicates();
        return w;
    }

    private static byte[] gunzip(byte[] b) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
            return in.readAllBytes();
        }
    }

    private static byte[] inflateZlib(byte[] b) throws IOException {
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(b))) {
            return in.readAllBytes();
        }
    }

    private static JsonNode json(byte[] b) throws IOException {
        return MAPPER.readTree(b);
    }

    /** aplinfo lists every appliance with its description: well over 1024 bytes with the defaults. */
    private static final String LARGE = "/nodes/pve1/aplinfo";

    @Test
    void largeAnswer_acceptGzip_isGzippedWithItsCompressedLength_andInflatesToTheIdentityBody() throws Exception {
        Wire plain = exchange(sim, "GET", LARGE, null, null);
        assertThat(plain.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(plain.body().length).as("the test needs a body over the threshold").isGreaterThan(1024);
        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(plain.header("Content-Length")).isEqualTo(String.valueOf(plain.body().length));

        Wire gz = exchange(sim, "GET", LARGE, "gzip", null);
        assertThat(gz.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(gz.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gz.header("Content-Type")).isEqualTo("application/json;charset=UTF-8");
        assertThat(gz.header("Transfer-Encoding")).isNull();
        assertThat(gz.header("Content-Length")).isEqualTo(String.valueOf(gz.body().length));
        assertThat(gz.body().length).isLessThan(plain.body().length);
        // memGzip's minimal header: deflate, no flags, mtime 0, no extra flags, OS unknown
        assertThat(Arrays.copyOf(gz.body(), 10)).containsExactly(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff);
        assertThat(json(gunzip(gz.body()))).isEqualTo(json(plain.body()));
    }

    @Test
    void largeAnswer_browserStyleHeader_prefersGzipOverDeflate() throws Exception {
        Wire both = exchange(sim, "GET", LARGE, "deflate, gzip;q=0.5, br", null);
        assertThat(both.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(json(gunzip(both.body()))).isEqualTo(json(exchange(sim, "GET", LARGE, null, null).body()));
    }

    @Test
    void largeAnswer_deflateOnly_isZlibFormat() throws Exception {
        Wire plain = exchange(sim, "GET", LARGE, null, null);
        Wire z = exchange(sim, "GET", LARGE, "deflate", null);
        assertThat(z.header("Content-Encoding")).isEqualTo("deflate");
        assertThat(z.header("Content-Length")).isEqualTo(String.valueOf(z.body().length));
        // zlib (RFC 1950) header as Compress::Zlib::compress writes it: deflate, 32K window, default level
        assertThat(z.body()[0]).isEqualTo((byte) 0x78);
        assertThat(((z.body()[0] & 0xff) << 8 | (z.body()[1] & 0xff)) % 31).isZero();
        assertThat(json(inflateZlib(z.body()))).isEqualTo(json(plain.body()));
    }

    @Test
    void noOrOtherAcceptEncoding_isIdentity() throws Exception {
        for (String ae : new String[] {null, "", "identity", "br", "zstd"}) {
            Wire w = exchange(sim, "GET", LARGE, ae, null);
            assertThat(w.header("Content-Encoding")).as("Accept-Encoding: %s", ae).isNull();
            assertThat(w.body().length).as("Accept-Encoding: %s", ae).isGreaterThan(1024);
            assertThat(w.header("Content-Length")).isEqualTo(String.valueOf(w.body().length));
            assertThat(json(w.body()).path("data").isArray()).isTrue();
        }
    }

    @Test
    void smallAnswer_isNeverCompressed() throws Exception {
        for (String ae : new String[] {"gzip", "deflate", "gzip, deflate"}) {
            Wire w = exchange(sim, "GET", "/version", ae, null);
            assertThat(w.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(w.header("Content-Encoding")).as("Accept-Encoding: %s", ae).isNull();
            assertThat(w.body().length).isLessThanOrEqualTo(1024);
            assertThat(json(w.body()).path("data").path("release").asText()).isEqualTo("9.1");
        }
    }

    @Test
    void thresholdIsMoreThan1024Bytes() throws Exception {
        String body1024 = "x".repeat(1024);
        sim.injectFault("GET /version", 1, Fault.status(500, "at the threshold", body1024));
        Wire at = exchange(sim, "GET", "/version", "gzip", null);
        assertThat(at.statusLine()).isEqualTo("HTTP/1.1 500 at the threshold");
        assertThat(at.header("Content-Encoding")).isNull();
        assertThat(new String(at.body(), StandardCharsets.UTF_8)).isEqualTo(body1024);

        sim.injectFault("GET /version", 1, Fault.status(500, "over the threshold", body1024 + "y"));
        Wire over = exchange(sim, "GET", "/version", "gzip", null);
        assertThat(over.statusLine()).isEqualTo("HTTP/1.1 500 over the threshold");
        assertThat(over.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(new String(gunzip(over.body()), StandardCharsets.UTF_8)).isEqualTo(body1024 + "y");
    }

    @Test
    void largeErrorBody_isCompressedToo() throws Exception {
        // 20 unknown parameters: a 400 whose per-field errors run well over 1024 bytes
        StringBuilder form = new StringBuilder("vmid=150&ostemplate=local%3Avztmpl%2F"
                + PveSimulator.DEFAULT_STORED_TEMPLATE);
        for (int i = 0; i < 20; i++) {
            form.append("&bogus").append(i).append("=1");
        }
        Wire plain = exchange(sim, "POST", "/nodes/pve1/lxc", null, form.toString());
        assertThat(plain.statusLine()).isEqualTo("HTTP/1.1 400 Parameter verification failed.");
        assertThat(plain.body().length).isGreaterThan(1024);
        assertThat(plain.header("Content-Encoding")).isNull();

        Wire gz = exchange(sim, "POST", "/nodes/pve1/lxc", "gzip, deflate", form.toString());
        assertThat(gz.statusLine()).isEqualTo("HTTP/1.1 400 Parameter verification failed.");
        assertThat(gz.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gz.header("Content-Length")).isEqualTo(String.valueOf(gz.body().length));
        JsonNode errors = json(gunzip(gz.body())).path("errors");
        assertThat(errors.path("bogus19").asText())
                .isEqualTo("property is not defined in schema and the schema does not allow additional properties");
        assertThat(json(gunzip(gz.body()))).isEqualTo(json(plain.body()));
        assertThat(sim.containers()).isEmpty();
    }

    @Test
    void compressionOff_likeCompression0_sendsIdentityEvenWhenGzipIsAccepted() throws Exception {
        try (PveSimulator off = PveSimulator.builder().compression(false).timeScale(0.0005).build().start()) {
            Wire w = exchange(off, "GET", LARGE, "gzip, deflate", null);
            assertThat(w.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(w.header("Content-Encoding")).isNull();
            assertThat(w.body().length).isGreaterThan(1024);
            assertThat(w.header("Content-Length")).isEqualTo(String.valueOf(w.body().length));
            assertThat(json(w.body()).path("data").isArray()).isTrue();
        }
    }

    @Test
    void withWireMocksRequestJournal_gzippedAndDeflatedAnswersAreServedAlike() throws Exception {
        // WireMock's journal inflates a logged gzip body; the answer on the wire must not change
        try (PveSimulator journal = PveSimulator.builder().requestJournal(10).timeScale(0.0005).build().start()) {
            Wire plain = exchange(journal, "GET", LARGE, null, null);
            Wire gz = exchange(journal, "GET", LARGE, "gzip", null);
            Wire z = exchange(journal, "GET", LARGE, "deflate", null);
            assertThat(gz.header("Content-Encoding")).isEqualTo("gzip");
            assertThat(z.header("Content-Encoding")).isEqualTo("deflate");
            assertThat(json(gunzip(gz.body()))).isEqualTo(json(plain.body()));
            assertThat(json(inflateZlib(z.body()))).isEqualTo(json(plain.body()));
        }
    }
}
