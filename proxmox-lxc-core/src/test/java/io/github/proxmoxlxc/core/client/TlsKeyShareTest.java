package io.github.proxmoxlxc.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmConstraints;
import java.security.AlgorithmParameters;
import java.security.CryptoPrimitive;
import java.security.Key;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.Test;

/**
 * The client's TLS hello offers one key share, x25519, until a server refuses it; then, once per
 * client, the JVM's default groups, and the request still succeeds. Read from the ClientHello bytes
 * on the wire and against a real JDK HTTPS server that accepts secp256r1 only.
 */
class TlsKeyShareTest {
    private static final int X25519 = 0x001d;
    private static final int SECP256R1 = 0x0017;
    private static final String ANY_PIN =
            "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF";

    /** The named groups of a ClientHello's supported_groups and key_share extensions. */
    private static final class Hello {
        final List<Integer> supportedGroups = new ArrayList<>();
        final List<Integer> keyShares = new ArrayList<>();
    }

    /** Reads one TLS record holding a ClientHello and picks out its groups (RFC 8446 4.1.2, 4.2.7, 4.2.8). */
    private static Hello readClientHello(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        assertThat(d.readUnsignedByte()).as("record type handshake").isEqualTo(22);
        d.readUnsignedShort();
        byte[] record = new byte[d.readUnsignedShort()];
        d.readFully(record);
        ByteBuffer b = ByteBuffer.wrap(record);
        assertThat(b.get() & 0xff).as("handshake type client_hello").isEqualTo(1);
        b.position(b.position() + 3 + 2 + 32); // length, legacy_version, random
        skip(b, b.get() & 0xff); // session id
        skip(b, b.getShort() & 0xffff); // cipher suites
        skip(b, b.get() & 0xff); // compression methods
        int extensionsLength = b.getShort() & 0xffff;
        int end = b.position() + extensionsLength;
        Hello h = new Hello();
        while (b.position() < end) {
            int type = b.getShort() & 0xffff;
            int len = b.getShort() & 0xffff;
            ByteBuffer ext = b.slice().limit(len);
            b.position(b.position() + len);
            if (type == 0x000a) {
                int n = ext.getShort() & 0xffff;
                for (int i = 0; i < n / 2; i++) {
                    h.supportedGroups.add(ext.getShort() & 0xffff);
                }
            } else if (type == 0x0033) {
                int n = ext.getShort() & 0xffff;
                int stop = ext.position() + n;
                while (ext.position() < stop) {
                    h.keyShares.add(ext.getShort() & 0xffff);
                    skip(ext, ext.getShort() & 0xffff);
                }
            }
        }
        return h;
    }

    /** Moves past n bytes (the length is read before the position, which reading it moves). */
    private static void skip(ByteBuffer b, int n) {
        b.position(b.position() + n);
    }

    @Test
    void theFirstHelloOffersX25519Only_afterAFailedHandshakeTheClientOffersTheDefaultsForGood() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(30_000);
            // accepts three connections, reads each ClientHello and hangs up (a server that takes no hello)
            CompletableFuture<List<Hello>> hellos = CompletableFuture.supplyAsync(() -> {
                List<Hello> out = new ArrayList<>();
                try {
                    for (int i = 0; i < 3; i++) {
                        try (Socket s = server.accept()) {
                            out.add(readClientHello(s.getInputStream()));
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                return out;
            });
            try (ProxmoxClient c = ProxmoxClient.builder().baseUrl("https://127.0.0.1:" + server.getLocalPort())
                    .apiToken("root@pam!probe", "00000000-0000-0000-0000-000000000000").trust(Trust.fingerprints(ANY_PIN))
                    .retry(RetryPolicy.none()).connectTimeout(Duration.ofSeconds(10)).build()) {
                // first call: the narrowed hello, refused, then once more with the defaults, refused too
                assertThatThrownBy(c::version).isInstanceOf(TransportException.class);
                // second call: the defaults at once
                assertThatThrownBy(c::version).isInstanceOf(TransportException.class);
            }
            List<Hello> h = hellos.get(1, TimeUnit.MINUTES);
            assertThat(h.get(0).keyShares).containsExactly(X25519);
            assertThat(h.get(0).supportedGroups).contains(X25519).doesNotContain(SECP256R1);
            assertThat(h.get(1).keyShares).contains(X25519, SECP256R1);
            assertThat(h.get(1).supportedGroups).contains(X25519, SECP256R1);
            assertThat(h.get(2).supportedGroups).contains(SECP256R1);
        }
    }

    /** Refuses key agreement with the XDH groups, as a server limited to NIST curves would. */
    private static final AlgorithmConstraints NO_XDH = new AlgorithmConstraints() {
        @Override
        public boolean permits(Set<CryptoPrimitive> p, String algorithm, AlgorithmParameters parameters) {
            return !(p.size() == 1 && p.contains(CryptoPrimitive.KEY_AGREEMENT) && algorithm != null
                    && Set.of("x25519", "x448").contains(algorithm.toLowerCase(Locale.ROOT)));
        }

        @Override
        public boolean permits(Set<CryptoPrimitive> p, Key key) {
            return true;
        }

        @Override
        public boolean permits(Set<CryptoPrimitive> p, String algorithm, Key key, AlgorithmParameters parameters) {
            return permits(p, algorithm, parameters);
        }
    };

    @Test
    void aServerWithoutX25519_isStillReached() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(TestCert.get().keystore)) {
            ks.load(in, TestCert.PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, TestCert.PASSWORD.toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        byte[] body = "{\"data\":{\"version\":\"9.1.2\",\"release\":\"9.1\",\"repoid\":\"abc\"}}"
                .getBytes(StandardCharsets.UTF_8);
        try (SSLServerSocket server = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 8,
                InetAddress.getLoopbackAddress())) {
            SSLParameters p = server.getSSLParameters();
            p.setAlgorithmConstraints(NO_XDH);
            server.setSSLParameters(p);
            server.setSoTimeout(30_000);
            // one HTTP/1.1 answer per connection; counts the handshakes that reached the request
            CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> {
                int answered = 0;
                for (int i = 0; i < 3 && answered < 2; i++) {
                    try (Socket s = server.accept()) {
                        BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(),
                                StandardCharsets.ISO_8859_1));
                        for (String line = r.readLine(); line != null && !line.isEmpty(); line = r.readLine()) {
                            // the request line and headers
                        }
                        OutputStream out = s.getOutputStream();
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=UTF-8\r\nConnection: close"
                                + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(body);
                        out.flush();
                        answered++;
                    } catch (IOException e) {
                        // the narrowed hello: the server finds no common group and the handshake fails
                    }
                }
                return answered;
            });
            try (ProxmoxClient c = ProxmoxClient.builder().baseUrl("https://127.0.0.1:" + server.getLocalPort())
                    .apiToken("root@pam!probe", "00000000-0000-0000-0000-000000000000")
                    .trust(Trust.fingerprints(TestCert.get().fingerprint)).retry(RetryPolicy.none()).build()) {
                assertThat(c.version().version()).isEqualTo("9.1.2");
                assertThat(c.version().version()).isEqualTo("9.1.2");
            }
            assertThat(served.get(1, TimeUnit.MINUTES)).isEqualTo(2);
        }
    }
}
