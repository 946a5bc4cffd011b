package io.github.proxmoxlxc.node;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One way to log in: an OpenSSH private key file (optionally with its passphrase), the SSH agent
 * behind {@code SSH_AUTH_SOCK}, or a password. Passwords and passphrases are taken as
 * {@code char[]} (copied; clear yours after) and never logged.
 */
public final class SshAuth {
    enum Kind { KEY_FILE, AGENT, PASSWORD }

    private final Kind kind;
    private final Path path;
    private final char[] secret;

    private SshAuth(Kind kind, Path path, char[] secret) {
        this.kind = kind;
        this.path = path;
        this.secret = secret;
    }

    /**
     * An unencrypted private key file (OpenSSH, PEM or PKCS#8; Ed25519, ECDSA or RSA).
     *
     * @param file the key file, e.g. {@code ~/.ssh/id_ed25519}
     * @return the method
     */
    public static SshAuth keyFile(Path file) {
        return new SshAuth(Kind.KEY_FILE, Objects.requireNonNull(file, "file"), null);
    }

    /**
     * An encrypted private key file.
     *
     * @param file the key file
     * @param passphrase its passphrase (copied)
     * @return the method
     */
    public static SshAuth keyFile(Path file, char[] passphrase) {
        return new SshAuth(Kind.KEY_FILE, Objects.requireNonNull(file, "file"),
                Objects.requireNonNull(passphrase, "passphrase").clone());
    }

    /**
     * The SSH agent whose socket is in the environment variable {@code SSH_AUTH_SOCK}.
     *
     * @return the method
     * @throws NodeChannelException when {@code SSH_AUTH_SOCK} is not set
     */
    public static SshAuth agent() {
        String sock = System.getenv("SSH_AUTH_SOCK");
        if (sock == null || sock.isBlank()) {
            throw new NodeChannelException("no SSH agent: SSH_AUTH_SOCK is not set (start ssh-agent and ssh-add a key, "
                    + "or log in with a key file)");
        }
        return agent(Path.of(sock));
    }

    /**
     * The SSH agent listening on a Unix socket.
     *
     * @param socket the agent's socket
     * @return the method
     */
    public static SshAuth agent(Path socket) {
        return new SshAuth(Kind.AGENT, Objects.requireNonNull(socket, "socket"), null);
    }

    /**
     * Password authentication.
     *
     * @param password the password (copied)
     * @return the method
     */
    public static SshAuth password(char[] password) {
        return new SshAuth(Kind.PASSWORD, null, Objects.requireNonNull(password, "password").clone());
    }

    Kind kind() {
        return kind;
    }

    /**
     * The key file or agent socket.
     *
     * @return the path, empty for a password
     */
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    char[] secret() {
        return secret == null ? null : secret.clone();
    }

    void clear() {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }

    /** The kind and path; never the secret. */
    @Override
    public String toString() {
        return switch (kind) {
            case KEY_FILE -> "key file " + path + (secret != null ? " (with passphrase)" : "");
            case AGENT -> "SSH agent at " + path;
            case PASSWORD -> "password";
        };
    }
}
