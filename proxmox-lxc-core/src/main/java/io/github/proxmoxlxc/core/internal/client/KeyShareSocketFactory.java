package io.github.proxmoxlxc.core.internal.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.AlgorithmConstraints;
import java.security.AlgorithmParameters;
import java.security.CryptoPrimitive;
import java.security.Key;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The client's TLS sockets offer one key exchange, x25519, until a server refuses it.
 *
 * <p>Why: the JDK's TLS client computes a key share for the first two kinds of its groups, x25519
 * and secp256r1, on every handshake, and the server uses one of them. In a cold JVM (the command
 * line's single call) the secp256r1 key pair also initialises the JDK's elliptic-curve code: with
 * x25519 only, a fresh JVM's first call was faster by a median of 4-15 ms in three paired runs
 * against the simulator; a warm client's throughput changed by at most a few per cent
 * ({@code bench} {@code TlsKeyShareBench}, {@code bench/results/tls-key-share.txt}).
 * pveproxy (OpenSSL) and every current TLS stack accept x25519.
 *
 * <p>How: each socket's {@link SSLParameters#setAlgorithmConstraints algorithm constraints} refuse
 * key agreement with the other named groups (the JDK still applies its own disabled-algorithm rules
 * on top: this narrows, it never widens). A server that supports none of what is left (a FIPS-only
 * proxy, say) fails the handshake; {@link #fallBack} then turns the narrowing off for this client
 * for good, and the transport sends the request once more, only when the failure came from that
 * call's own handshake (OkHttp's {@code secureConnectStart} without {@code secureConnectEnd}): no
 * request is written before the handshake completes, so it never left the client.
 */
final class KeyShareSocketFactory extends SSLSocketFactory {
    /** Groups whose key share is not offered while narrowed (JDK names); x25519 stays. */
    private static final Set<String> OTHER_GROUPS = Set.of("secp256r1", "secp384r1", "secp521r1", "x448",
            "ffdhe2048", "ffdhe3072", "ffdhe4096", "ffdhe6144", "ffdhe8192");

    private static final AlgorithmConstraints X25519_ONLY = new AlgorithmConstraints() {
        @Override
        public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, AlgorithmParameters parameters) {
            // the JDK asks about a named group with exactly {KEY_AGREEMENT} (NamedGroup.isPermitted); a
            // certificate's key is checked with several primitives and must stay permitted
            return !(primitives.size() == 1 && primitives.contains(CryptoPrimitive.KEY_AGREEMENT)
                    && algorithm != null && OTHER_GROUPS.contains(algorithm.toLowerCase(Locale.ROOT)));
        }

        @Override
        public boolean permits(Set<CryptoPrimitive> primitives, Key key) {
            return true;
        }

        @Override
        public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, Key key,
                               AlgorithmParameters parameters) {
            return permits(primitives, algorithm, parameters);
        }
    };

    private final SSLSocketFactory delegate;
    private final AtomicBoolean narrowed = new AtomicBoolean(true);

    KeyShareSocketFactory(SSLSocketFactory delegate) {
        this.delegate = delegate;
    }

    /**
     * Turns the narrowing off after a handshake failed on a narrowed socket, whatever the reason, so
     * the narrowing can never cause a failure the defaults would not (a trust failure costs one
     * handshake more, once, and then fails the same way).
     *
     * @return true the first time only: the caller may send its request once more
     */
    boolean fallBack() {
        return narrowed.compareAndSet(true, false);
    }

    /** Whether sockets still offer x25519 only. */
    boolean narrowed() {
        return narrowed.get();
    }

    private Socket configure(Socket s) {
        if (s instanceof SSLSocket && narrowed.get()) {
            SSLSocket ssl = (SSLSocket) s;
            SSLParameters p = ssl.getSSLParameters();
            p.setAlgorithmConstraints(X25519_ONLY);
            ssl.setSSLParameters(p);
        }
        return s;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
        return configure(delegate.createSocket());
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        return configure(delegate.createSocket(s, host, port, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return configure(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return configure(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return configure(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return configure(delegate.createSocket(address, port, localAddress, localPort));
    }
}
