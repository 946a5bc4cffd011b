package io.github.proxmoxlxc.core.internal.client;

import io.github.proxmoxlxc.core.client.Trust;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the client's own TLS context from a {@link Trust}; nothing JVM-wide is touched. */
final class Tls {
    private static final Logger LOG = LoggerFactory.getLogger(Tls.class);

    private Tls() {
    }

    /**
     * Sets the builder's TLS socket factory and trust.
     *
     * @return the socket factory, which narrows key exchange to x25519 until a server refuses it
     */
    static KeyShareSocketFactory configure(OkHttpClient.Builder b, Trust trust, String host) {
        try {
            X509TrustManager tm;
            switch (trust.kind()) {
                case SYSTEM:
                    tm = fromKeyStore(null);
                    break;
                case PEM_CA:
                    tm = fromKeyStore(caStore(trust.pem().orElseThrow()));
                    break;
                case FINGERPRINTS:
                    tm = new PinningTrustManager(Set.copyOf(trust.fingerprints()));
                    b.hostnameVerifier((h, s) -> true); // the pin identifies the server
                    break;
                case INSECURE:
                    LOG.warn("TLS verification is OFF for {}: any certificate is trusted, credentials can be "
                            + "intercepted. Use Trust.pemCa or Trust.fingerprints outside throw-away labs.", host);
                    tm = new TrustAll();
                    b.hostnameVerifier((h, s) -> true);
                    break;
                default:
                    throw new IllegalStateException("trust kind " + trust.kind());
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {tm}, null);
            KeyShareSocketFactory f = new KeyShareSocketFactory(ctx.getSocketFactory());
            b.sslSocketFactory(f, tm);
            return f;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("trust: cannot set up TLS with " + trust + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore caStore(String pem) throws GeneralSecurityException {
        Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        if (certs.isEmpty()) {
            throw new CertificateException("no certificate in PEM text");
        }
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            ks.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (Certificate c : certs) {
            ks.setCertificateEntry("ca-" + i++, c);
        }
        return ks;
    }

    private static X509TrustManager fromKeyStore(KeyStore ks) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        for (TrustManager t : tmf.getTrustManagers()) {
            if (t instanceof X509TrustManager) {
                return (X509TrustManager) t;
            }
        }
        throw new GeneralSecurityException("no X509TrustManager available");
    }

    /** The SHA-256 fingerprint of a certificate, colon-separated upper-case hex like the PVE GUI shows. */
    static String fingerprint(X509Certificate cert) throws CertificateException {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new CertificateException(e);
        }
    }

    /** Accepts exactly the leaf certificates whose SHA-256 fingerprint is pinned. */
    private static final class PinningTrustManager extends ServerTrust {
        private final Set<String> pins;

        PinningTrustManager(Set<String> pins) {
            this.pins = pins;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("server sent no certificate");
            }
            String fp = fingerprint(chain[0]);
            if (!pins.contains(fp.replace(":", "").toLowerCase(java.util.Locale.ROOT))) {
                throw new CertificateException("server certificate SHA-256 fingerprint " + fp + " matches none of the "
                        + pins.size() + " pinned fingerprint(s)");
            }
        }
    }

    /** Trusts everything (insecure mode only). */
    private static final class TrustAll extends ServerTrust {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // insecure by explicit request
        }
    }

    /** A trust manager for server certificates only: this client never checks client certificates. */
    private abstract static class ServerTrust implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not checked by this client");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
