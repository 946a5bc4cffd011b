package io.github.proxmoxlxc.core.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the client decides to trust the server's TLS certificate. Each client builds its own TLS
 * context from this; nothing JVM-wide is changed.
 *
 * <ul>
 *   <li>{@link #system()} (default): the JDK trust store, for public or ACME certificates;</li>
 *   <li>{@link #pemCa(Path)}: the cluster CA {@code /etc/pve/pve-root-ca.pem}, which survives leaf
 *       renewals (host name checked against the certificate's names);</li>
 *   <li>{@link #fingerprints(String...)}: SHA-256 pins of the leaf certificate as the GUI shows them
 *       (Node, Certificates); several may be given since node certificates renew. Checked on the
 *       leaf during the handshake, before any request or credential is sent; the pin replaces the
 *       CA and host name checks;</li>
 *   <li>{@link #insecureTrustAll()}: no verification, for labs; logs a warning when the client is built.</li>
 * </ul>
 */
public final class Trust {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    /** The kind of trust decision. */
    public enum Kind {
        /** The JDK default trust store. */
        SYSTEM,
        /** CA certificates given in PEM form. */
        PEM_CA,
        /** SHA-256 fingerprints of the leaf certificate. */
        FINGERPRINTS,
        /** No verification at all. */
        INSECURE
    }

    private final Kind kind;
    private final String pem;
    private final List<String> fingerprints;

    private Trust(Kind kind, String pem, List<String> fingerprints) {
        this.kind = kind;
        this.pem = pem;
        this.fingerprints = fingerprints;
    }

    /**
     * Trust what the JDK trusts (the default).
     *
     * @return the system trust
     */
    public static Trust system() {
        return new Trust(Kind.SYSTEM, null, List.of());
    }

    /**
     * Trust certificates signed by the CA(s) in a PEM file, such as {@code pve-root-ca.pem}.
     *
     * @param pemFile the PEM file with one or more certificates
     * @return the CA trust
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Trust pemCa(Path pemFile) {
        Objects.requireNonNull(pemFile, "pemFile");
        try {
            return pemCa(Files.readString(pemFile, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("pemFile: cannot read " + pemFile, e);
        }
    }

    /**
     * Trust certificates signed by the CA(s) in PEM text.
     *
     * @param pem PEM text with one or more {@code BEGIN CERTIFICATE} blocks
     * @return the CA trust
     * @throws IllegalArgumentException if the text holds no certificate block
     */
    public static Trust pemCa(String pem) {
        Objects.requireNonNull(pem, "pem");
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new IllegalArgumentException("pem: holds no '-----BEGIN CERTIFICATE-----' block");
        }
        return new Trust(Kind.PEM_CA, pem, List.of());
    }

    /**
     * Trust exactly the leaf certificates with these SHA-256 fingerprints.
     *
     * @param sha256 fingerprints as 64 hex digits, with or without colons, any case
     * @return the pinning trust
     * @throws IllegalArgumentException if none is given or one is not a SHA-256 fingerprint
     */
    public static Trust fingerprints(String... sha256) {
        return fingerprints(List.of(sha256));
    }

    /**
     * Trust exactly the leaf certificates with these SHA-256 fingerprints.
     *
     * @param sha256 fingerprints as 64 hex digits, with or without colons, any case
     * @return the pinning trust
     * @throws IllegalArgumentException if none is given or one is not a SHA-256 fingerprint
     */
    public static Trust fingerprints(List<String> sha256) {
        Objects.requireNonNull(sha256, "sha256");
        if (sha256.isEmpty()) {
            throw new IllegalArgumentException("fingerprints: at least one SHA-256 fingerprint is required");
        }
        List<String> normal = new ArrayList<>();
        for (String f : sha256) {
            Objects.requireNonNull(f, "fingerprint");
            String n = f.trim().replace(":", "").toLowerCase(Locale.ROOT);
            if (!HEX64.matcher(n).matches()) {
                throw new IllegalArgumentException("fingerprint: '" + f + "' is not a SHA-256 fingerprint "
                        + "(64 hex digits, optionally in colon-separated pairs)");
            }
            normal.add(n);
        }
        return new Trust(Kind.FINGERPRINTS, null, List.copyOf(normal));
    }

    /**
     * Trust any certificate and any host name. Only for throw-away labs: anyone on the path can read
     * the credentials. The client logs a warning when built with it.
     *
     * @return the insecure trust
     */
    public static Trust insecureTrustAll() {
        return new Trust(Kind.INSECURE, null, List.of());
    }

    /**
     * The kind of decision.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The PEM text of the CA certificates, for {@link Kind#PEM_CA}.
     *
     * @return the PEM text; empty for other kinds
     */
    public Optional<String> pem() {
        return Optional.ofNullable(pem);
    }

    /**
     * The pinned fingerprints, normalized to 64 lower-case hex digits without colons.
     *
     * @return the pins, empty unless {@link Kind#FINGERPRINTS}
     */
    public List<String> fingerprints() {
        return fingerprints;
    }

    @Override
    public String toString() {
        return "Trust[" + kind + (fingerprints.isEmpty() ? "" : " " + fingerprints.size() + " pin(s)") + "]";
    }
}
