package io.github.proxmoxlxc.node;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.client.ProxmoxTimeoutException;
import io.github.proxmoxlxc.node.internal.LineCollector;
import io.github.proxmoxlxc.node.internal.UnixAgent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketAddress;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSH connection to a Proxmox VE node, opened on first use, reused by every command and
 * re-opened when it drops; safe for concurrent use (each command is its own channel). The host key
 * is checked by a {@link HostKeyPolicy} before any credential is sent.
 *
 * <pre>{@code
 * try (NodeConnection node = NodeConnection.builder(SshTarget.parse("root@10.0.0.1"))
 *         .hostKeys(HostKeyPolicy.fingerprints("SHA256:..."))
 *         .auth(SshAuth.keyFile(Path.of(System.getProperty("user.home"), ".ssh", "id_ed25519")))
 *         .build()) {
 *     ExecResult r = node.exec(RemoteCommand.of("pct", "status", "100"));
 * }
 * }</pre>
 */
public final class NodeConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NodeConnection.class);
    private static final Logger output = LoggerFactory.getLogger(NodeConnection.class.getName() + ".output");
    private static final AttributeKey<String> SEEN = new AttributeKey<>();
    /** Completed with {@code ok:<fp>}, {@code rejected:<fp>} or {@code closed}; kept outside the attributes MINA clears on close. */
    private static final AttributeKey<CompletableFuture<String>> KEX = new AttributeKey<>();

    private final SshTarget target;
    private final HostKeyPolicy hostKeys;
    private final List<SshAuth> auths;
    private final Duration connectTimeout;
    private final Duration authTimeout;
    private final Duration commandTimeout;
    private final int outputCap;
    private final SshClient client;
    private List<KeyPair> keys;
    private ClientSession session;
    private FileSystem sftp;
    private volatile String fingerprint;
    private boolean closed;

    private NodeConnection(Builder b) {
        this.target = b.target;
        this.hostKeys = b.hostKeys;
        this.auths = List.copyOf(b.auths);
        this.connectTimeout = b.connectTimeout;
        this.authTimeout = b.authTimeout;
        this.commandTimeout = b.commandTimeout;
        this.outputCap = b.outputCap;
        this.client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(verifier());
        for (SshAuth a : auths) {
            if (a.kind() == SshAuth.Kind.AGENT) {
                client.setAgentFactory(UnixAgent.factory(a.path().orElseThrow()));
            }
        }
        client.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session s) {
                s.setAttribute(KEX, new CompletableFuture<>());
            }

            @Override
            public void sessionEvent(Session s, Event event) {
                if (event == Event.KeyEstablished) {
                    kexOf(s).complete("ok:" + s.getAttribute(SEEN));
                }
            }

            @Override
            public void sessionClosed(Session s) {
                kexOf(s).complete("closed");
            }
        });
        client.start();
    }

    private static CompletableFuture<String> kexOf(Session s) {
        CompletableFuture<String> f = s.getAttribute(KEX);
        return f != null ? f : new CompletableFuture<>();
    }

    /**
     * A builder for a connection to a target.
     *
     * @param target where to connect
     * @return the builder
     */
    public static Builder builder(SshTarget target) {
        return new Builder(Objects.requireNonNull(target, "target"));
    }

    /**
     * Where this connects.
     *
     * @return the target
     */
    public SshTarget target() {
        return target;
    }

    /**
     * The fingerprint of the host key the node presented, once connected.
     *
     * @return {@code SHA256:...}, empty before the first connect
     */
    public Optional<String> hostKeyFingerprint() {
        return Optional.ofNullable(fingerprint);
    }

    /**
     * Runs a command with the default deadline, output only captured and logged at DEBUG.
     *
     * @param command the command
     * @return how it ended (a non-zero exit status is a result, not an exception)
     * @throws NodeChannelException when the node cannot be reached or refuses the login
     * @throws ProxmoxTimeoutException when it does not end within the deadline (it is then closed)
     */
    public ExecResult exec(RemoteCommand command) {
        return exec(command, commandTimeout, OutputListener.none());
    }

    /**
     * Runs a command, streaming its output lines to a listener (and to the SLF4J logger
     * {@code io.github.proxmoxlxc.node.NodeConnection.output} at DEBUG) while it runs.
     *
     * @param command the command
     * @param deadline the most it may take, connecting included
     * @param listener gets each line of stdout and stderr
     * @return how it ended
     * @throws NodeChannelException when the node cannot be reached or refuses the login
     * @throws ProxmoxTimeoutException when it does not end within the deadline (it is then closed)
     */
    public ExecResult exec(RemoteCommand command, Duration deadline, OutputListener listener) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(listener, "listener");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive: " + deadline);
        }
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        ClientSession s = session(end);
        String shown = command.toString();
        log.debug("[{}] exec {}", target, shown);
        LineCollector out = new LineCollector(line -> {
            output.debug("[{}] {}", target, line);
            listener.stdout(line);
        }, outputCap);
        LineCollector err = new LineCollector(line -> {
            output.debug("[{}] stderr: {}", target, line);
            listener.stderr(line);
        }, outputCap);
        try (ChannelExec ch = s.createExecChannel(command.line())) {
            InputStream in = new ByteArrayInputStream(command.input());
            ch.setIn(in);
            ch.setOut(out);
            ch.setErr(err);
            ch.open().verify(remainingMillis(end, shown));
            Set<ClientChannelEvent> ev = ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), remainingMillis(end, shown));
            if (!ev.contains(ClientChannelEvent.CLOSED)) {
                ch.close(true);
                throw new ProxmoxTimeoutException("command on " + target + " did not end within " + deadline + ": "
                        + shown + lastLines(out, err));
            }
            out.close();
            err.close();
            Integer status = ch.getExitStatus();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            log.debug("[{}] exit {} after {} ms: {}", target, status, took.toMillis(), shown);
            return new ExecResult(shown, status == null ? -1 : status, out.text(), err.text(), took,
                    out.truncated() || err.truncated());
        } catch (IOException e) {
            throw new NodeChannelException("command on " + target + " failed: " + shown + ": " + e.getMessage(), e);
        }
    }

    private static String lastLines(LineCollector out, LineCollector err) {
        String t = (out.text() + err.text()).strip();
        if (t.isEmpty()) {
            return "";
        }
        String[] lines = t.split("\n");
        return "; last output:\n  " + String.join("\n  ",
                List.of(lines).subList(Math.max(0, lines.length - 10), lines.length));
    }

    private long remainingMillis(long end, String what) {
        long ms = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
        if (ms <= 0) {
            throw new ProxmoxTimeoutException("deadline passed before " + what + " on " + target + " could run");
        }
        return ms;
    }

    /**
     * The node's file system over SFTP on the same connection, a {@link java.nio.file.FileSystem}
     * (e.g. for {@code GpuDetector.at(fs.getPath("/"))}). Closed with this connection.
     *
     * @return the file system
     * @throws NodeChannelException when the node offers no SFTP subsystem
     */
    public synchronized FileSystem fileSystem() {
        ClientSession s = session(System.nanoTime() + connectTimeout.plus(authTimeout).toNanos());
        if (sftp != null && sftp.isOpen()) {
            return sftp;
        }
        try {
            sftp = SftpClientFactory.instance().createSftpFileSystem(s);
            return sftp;
        } catch (IOException e) {
            throw new NodeChannelException("SFTP to " + target + " failed: " + e.getMessage()
                    + " (is the sftp subsystem enabled in the node's sshd_config?)", e);
        }
    }

    private synchronized ClientSession session(long end) {
        if (closed) {
            throw new NodeChannelException("the connection to " + target + " is closed");
        }
        if (session != null && session.isOpen()) {
            return session;
        }
        closeSftp();
        session = null;
        List<KeyPair> identities = keys();
        long connectMs = Math.min(connectTimeout.toMillis(), Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
        ClientSession s;
        try {
            ConnectFuture cf = client.connect(target.user(), target.host(), target.port());
            s = cf.verify(connectMs).getSession();
        } catch (IOException e) {
            throw new NodeChannelException("could not connect to " + target + " within "
                    + String.format(java.util.Locale.ROOT, "%.1f s", connectMs / 1000.0) + ": " + connectFailure(e)
                    + " (check the address, the port and that sshd runs on the node)", e);
        }
        try {
            // key exchange, host key check included, before any credential goes out
            String kex;
            try {
                kex = kexOf(s).get(connectMs, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new ProxmoxTimeoutException("SSH key exchange with " + target + " did not finish within "
                        + Duration.ofMillis(connectMs));
            } catch (ExecutionException e) {
                throw new NodeChannelException("SSH key exchange with " + target + " failed: " + e.getCause(), e);
            }
            if (kex.startsWith("rejected:")) {
                String rejected = kex.substring("rejected:".length());
                throw new HostKeyRejectedException("the SSH host key of " + target + " (" + rejected + ") does not match "
                        + describePolicy() + "; nothing was sent. If the node's key really changed, check it on the node "
                        + "with 'ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub' and update the pin or known_hosts", rejected);
            }
            if (!kex.startsWith("ok:")) {
                throw new NodeChannelException("the SSH connection to " + target + " closed during key exchange");
            }
            fingerprint = kex.substring("ok:".length());
            for (KeyPair k : identities) {
                s.addPublicKeyIdentity(k);
            }
            for (SshAuth a : auths) {
                if (a.kind() == SshAuth.Kind.PASSWORD) {
                    char[] pw = a.secret();
                    s.addPasswordIdentity(new String(pw));
                    java.util.Arrays.fill(pw, '\0');
                }
            }
            try {
                s.auth().verify(authTimeout.toMillis());
            } catch (IOException e) {
                throw new NodeChannelException("SSH login to " + target + " refused with " + describeAuth() + ": "
                        + e.getMessage() + " (is the public key in the node's ~" + target.user()
                        + "/.ssh/authorized_keys?)", e);
            }
            log.debug("connected to {} (host key {})", target, fingerprint);
            session = s;
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(s);
            throw new NodeChannelException("interrupted while connecting to " + target, e);
        } catch (RuntimeException e) {
            closeQuietly(s);
            throw e;
        }
    }

    private List<KeyPair> keys() {
        if (keys != null) {
            return keys;
        }
        List<KeyPair> out = new ArrayList<>();
        for (SshAuth a : auths) {
            if (a.kind() != SshAuth.Kind.KEY_FILE) {
                continue;
            }
            Path p = a.path().orElseThrow();
            char[] pass = a.secret();
            try (InputStream in = Files.newInputStream(p)) {
                FilePasswordProvider pp = pass == null ? FilePasswordProvider.EMPTY : FilePasswordProvider.of(new String(pass));
                Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(p.toString()), in, pp);
                if (loaded != null) {
                    loaded.forEach(out::add);
                }
            } catch (IOException | GeneralSecurityException e) {
                throw new NodeChannelException("could not read the SSH private key " + p + ": " + e.getMessage()
                        + (pass == null ? " (if it is encrypted, give its passphrase)" : " (wrong passphrase?)"), e);
            } catch (RuntimeException e) {
                throw new NodeChannelException("could not read the SSH private key " + p + ": " + e.getMessage(), e);
            } finally {
                if (pass != null) {
                    java.util.Arrays.fill(pass, '\0');
                }
            }
            if (out.isEmpty()) {
                throw new NodeChannelException("the file " + p + " holds no SSH private key");
            }
        }
        keys = List.copyOf(out);
        return keys;
    }

    private String describePolicy() {
        if (hostKeys.knownHostsFile().isPresent()) {
            return "the known_hosts file " + hostKeys.knownHostsFile().get();
        }
        return "the pinned fingerprint(s) " + hostKeys.pinnedFingerprints();
    }

    private String describeAuth() {
        List<String> d = new ArrayList<>();
        auths.forEach(a -> d.add(a.toString()));
        return String.join(", ", d);
    }

    private ServerKeyVerifier verifier() {
        ServerKeyVerifier known = hostKeys.knownHostsFile()
                .<ServerKeyVerifier>map(f -> new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, f))
                .orElse(null);
        return (ClientSession s, SocketAddress remote, PublicKey key) -> {
            String fp = KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
            s.setAttribute(SEEN, fp);
            boolean ok;
            if (hostKeys.isInsecure()) {
                log.warn("SSH host key of {} NOT verified (insecure mode): {} {}; anyone on the path could impersonate "
                        + "the node", target, KeyUtils.getKeyType(key), fp);
                ok = true;
            } else if (known != null) {
                ok = known.verifyServerKey(s, remote, key);
            } else {
                ok = hostKeys.pinnedFingerprints().contains(fp);
            }
            if (!ok) {
                kexOf(s).complete("rejected:" + fp);
                log.warn("SSH host key of {} rejected: {} {}", target, KeyUtils.getKeyType(key), fp);
            }
            return ok;
        };
    }

    private void closeSftp() {
        if (sftp != null) {
            try {
                sftp.close();
            } catch (IOException | RuntimeException e) {
                log.debug("closing SFTP to {}: {}", target, e.toString());
            }
            sftp = null;
        }
    }

    private static void closeQuietly(ClientSession s) {
        try {
            s.close(true);
        } catch (RuntimeException e) {
            log.debug("closing session: {}", e.toString());
        }
    }

    /** Closes the session and the client; later calls fail. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeSftp();
        if (session != null) {
            closeQuietly(session);
        }
        try {
            client.stop();
            client.close();
        } catch (IOException | RuntimeException e) {
            log.debug("closing SSH client for {}: {}", target, e.toString());
        }
        auths.forEach(SshAuth::clear);
    }

    @Override
    public String toString() {
        return "NodeConnection[" + target + ", " + hostKeys + "]";
    }

    /** Builds a {@link NodeConnection}. */
    public static final class Builder {
        private final SshTarget target;
        private HostKeyPolicy hostKeys;
        private final List<SshAuth> auths = new ArrayList<>();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration authTimeout = Duration.ofSeconds(15);
        private Duration commandTimeout = Duration.ofMinutes(10);
        private int outputCap = 1 << 20;

        private Builder(SshTarget target) {
            this.target = target;
        }

        /**
         * How the host key is checked (required; there is no silent default).
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder hostKeys(HostKeyPolicy policy) {
            this.hostKeys = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Adds a login method; several are tried in the order key files and agent, then password.
         *
         * @param auth the method
         * @return this builder
         */
        public Builder auth(SshAuth auth) {
            auths.add(Objects.requireNonNull(auth, "auth"));
            return this;
        }

        /**
         * The most a TCP connect plus key exchange may take (default 10 s).
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * The most the login may take (default 15 s).
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder authTimeout(Duration timeout) {
            this.authTimeout = positive(timeout, "authTimeout");
            return this;
        }

        /**
         * The default deadline of a command (default 10 min).
         *
         * @param timeout the deadline
         * @return this builder
         */
        public Builder commandTimeout(Duration timeout) {
            this.commandTimeout = positive(timeout, "commandTimeout");
            return this;
        }

        /**
         * How many bytes of each output stream a result keeps (default 1 MiB; older output is dropped).
         *
         * @param bytes 1 KiB .. 64 MiB
         * @return this builder
         */
        public Builder outputCap(int bytes) {
            if (bytes < 1024 || bytes > 64 << 20) {
                throw new IllegalArgumentException("outputCap must be 1 KiB .. 64 MiB: " + bytes);
            }
            this.outputCap = bytes;
            return this;
        }

        /**
         * Builds the connection (no network traffic until the first command).
         *
         * @return the connection
         * @throws ProxmoxException when no host key policy or login method was given
         */
        public NodeConnection build() {
            if (hostKeys == null) {
                throw new ProxmoxException("SSH to " + target + ": say how to check the host key: "
                        + "HostKeyPolicy.fingerprints(\"SHA256:...\"), knownHosts(file) or insecure()");
            }
            if (auths.isEmpty()) {
                throw new ProxmoxException("SSH to " + target + ": give a login method: SshAuth.keyFile(path), agent() "
                        + "or password(chars)");
            }
            return new NodeConnection(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }
    }

    /** Why a connection failed, in the words of the innermost cause (no SSH library wording, no class names). */
    static String connectFailure(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        if (m == null || m.isBlank()) {
            return "the connection failed";
        }
        if (root == e && m.contains("within specified timeout")) {
            return "no answer";
        }
        return m;
    }
}
