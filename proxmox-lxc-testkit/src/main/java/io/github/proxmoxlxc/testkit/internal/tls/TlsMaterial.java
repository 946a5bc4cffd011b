package io.github.proxmoxlxc.testkit.internal.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A cluster CA and a node certificate shaped like pveproxy's defaults (cluster: Cluster/Setup.pm):
 * CA {@code CN=Proxmox Virtual Environment, OU=<uuid>, O=PVE Cluster Manager CA}, leaf
 * {@code OU=PVE Cluster Node, O=Proxmox Virtual Environment, CN=<node>} with SANs for loopback.
 *
 * @param keystore PKCS#12 file holding the leaf key and chain (deleted by {@link #delete()})
 * @param password keystore password (random, never logged)
 * @param leaf the served certificate
 * @param ca the issuing CA
 */
public record TlsMaterial(Path keystore, String password, X509Certificate leaf, X509Certificate ca) {

    private static final Object KEYS_LOCK = new Object();
    private static KeyPair caKeys;
    private static KeyPair leafKeys;

    /** Generates the CA and leaf for a node name and writes the keystore into a temp file. */
    public static TlsMaterial generate(String nodeName) {
        try {
            KeyPair[] keys = keys();
            Instant now = Instant.now();
            X500Name caName = new X500Name("CN=Proxmox Virtual Environment, OU=" + UUID.randomUUID()
                    + ", O=PVE Cluster Manager CA");
            X509v3CertificateBuilder cab = new JcaX509v3CertificateBuilder(caName, serial(), Date.from(now.minus(
                    Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), caName, keys[0].getPublic());
            cab.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            cab.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509Certificate ca = sign(cab, keys[0]);
            X500Name leafName = new X500Name("OU=PVE Cluster Node, O=Proxmox Virtual Environment, CN=" + nodeName
                    + ".localdomain");
            X509v3CertificateBuilder lb = new JcaX509v3CertificateBuilder(caName, serial(), Date.from(now.minus(
                    Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(700))), leafName, keys[1].getPublic());
            lb.addExtension(Extension.basicConstraints, false, new BasicConstraints(false));
            lb.addExtension(Extension.keyUsage, false, new KeyUsage(KeyUsage.digitalSignature
                    | KeyUsage.keyEncipherment | KeyUsage.nonRepudiation | KeyUsage.keyAgreement));
            lb.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            lb.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.iPAddress, "::1"),
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.dNSName, nodeName)}));
            X509Certificate leaf = sign(lb, keys[0]);
            String password = UUID.randomUUID().toString();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("pve-ssl", keys[1].getPrivate(), password.toCharArray(), new Certificate[] {leaf, ca});
            Path file = Files.createTempFile("pve-simulator-", ".p12");
            try (OutputStream out = Files.newOutputStream(file)) {
                ks.store(out, password.toCharArray());
            }
            return new TlsMaterial(file, password, leaf, ca);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate the simulator's TLS certificate", e);
        }
    }

    private static KeyPair[] keys() throws GeneralSecurityException {
        synchronized (KEYS_LOCK) {
            if (caKeys == null) {
                // RSA like pveproxy; generated once per JVM because it is the slow part
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                caKeys = g.generateKeyPair();
                leafKeys = g.generateKeyPair();
            }
            return new KeyPair[] {caKeys, leafKeys};
        }
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom());
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair issuer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuer.getPrivate())));
    }

    /** SHA-256 of the leaf in the colon-hex form the GUI shows ({@code AB:CD:...}). */
    public String fingerprint() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(leaf.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d).toUpperCase(Locale.ROOT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CA certificate as PEM. */
    public String caPem() {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(ca);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return sw.toString();
    }

    /** Removes the keystore file. */
    public void delete() {
        try {
            Files.deleteIfExists(keystore);
        } catch (IOException e) {
            // a leftover temp file is harmless; nothing to report to the caller
        }
    }

    /** Hides the password. */
    @Override
    public String toString() {
        return "TlsMaterial[fingerprint=" + fingerprint() + "]";
    }
}
