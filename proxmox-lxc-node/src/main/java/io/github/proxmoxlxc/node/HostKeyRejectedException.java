package io.github.proxmoxlxc.node;

/**
 * The node's host key did not match the pinned fingerprints or the known_hosts file; the connection
 * was closed before any credential was offered.
 */
public final class HostKeyRejectedException extends NodeChannelException {
    private static final long serialVersionUID = 1L;
    private final String fingerprint;

    /**
     * An exception for a rejected key.
     *
     * @param message which target, which key, what was expected
     * @param fingerprint the server key's {@code SHA256:...} fingerprint
     */
    HostKeyRejectedException(String message, String fingerprint) {
        super(message);
        this.fingerprint = fingerprint;
    }

    /**
     * The fingerprint the server presented, as {@code ssh-keygen -lf} prints it.
     *
     * @return {@code SHA256:<base64>}
     */
    public String fingerprint() {
        return fingerprint;
    }
}
