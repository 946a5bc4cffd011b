package io.github.proxmoxlxc.testkit;

import io.github.proxmoxlxc.testkit.internal.model.PveError;
import io.github.proxmoxlxc.testkit.internal.node.NodeRoot;
import io.github.proxmoxlxc.testkit.internal.node.NodeShell;
import io.github.proxmoxlxc.testkit.internal.node.Pct;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SSH to the nodes of a {@link PveSimulator}: one SSH server (Apache MINA SSHD) per node on
 * loopback, answering what the {@code proxmox-lxc-node} client sends as a Proxmox VE node does.
 * <ul>
 *   <li>{@code pct set/config/status/exec/push/pull/list} act on the simulator's model: a
 *   {@code pct set 100 -dev0 /dev/dri/renderD128,gid=104} shows in {@code GET .../config}; options
 *   are checked as the API checks them, as root@pam, and errors read as pct prints them (exit 255);</li>
 *   <li>any other command ({@code sh -c}, {@code flock}, {@code cat}, a post-install hook) runs in a
 *   real {@code /bin/sh} on this machine, its node paths ({@code /etc}, {@code /run}, {@code /var},
 *   {@code /root}, {@code /sys}, ...) mapped into a per-node directory, with {@code pct} on its
 *   {@code PATH} calling back into the simulator. {@code /etc/pve/lxc/<vmid>.conf} is rendered from
 *   the model; edits of it (raw {@code lxc.*} lines, options) are read back into the model after
 *   the command, so the API shows them. {@code /etc/subuid}, {@code /etc/subgid} and
 *   {@code /etc/group} are plain files there;</li>
 *   <li>SFTP serves the node's directory, which starts as a copy of a host fixture tree (e.g. the
 *   hardware module's Intel iGPU fixture) for remote GPU detection;</li>
 *   <li>commands inside a container ({@code pct exec}) are recorded and answered by scripted
 *   {@link ContainerReply replies} (default: success without output).</li>
 * </ul>
 * Login: the {@link #user()} with the generated key in {@link #keyFile()}; the host key's
 * fingerprint is {@link #fingerprint()}. Needs {@code /bin/sh}, {@code bash} and coreutils.
 *
 * <pre>{@code
 * try (PveSimulator sim = PveSimulator.startDefault();
 *      NodeSimulator nodes = NodeSimulator.builder(sim).hostTree("pve1", fixtureDir).start()) {
 *     // connect to nodes.host():nodes.port() as nodes.user() with nodes.keyFile(),
 *     // pinning nodes.fingerprint()
 * }
 * }</pre>
 */
public final class NodeSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeSimulator.class);

    private final PveSimulator simulator;
    private final String user;
    private final Path work;
    private final boolean ownWork;
    private final Path keyFile;
    private final String publicKey;
    private final List<Map.Entry<Pattern, ContainerReply>> replies;
    private final Map<String, Server> servers = new LinkedHashMap<>();
    private final List<ContainerCommand> containerCommands = new CopyOnWriteArrayList<>();
    private final List<String> nodeCommands = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "node-simulator");
        t.setDaemon(true);
        return t;
    });
    private final ServerSocket control;
    private final String controlToken;
    private Pct pct;
    private volatile boolean closed;

    private static final class Server {
        final SshServer sshd;
        final NodeShell shell;
        final String fingerprint;

        Server(SshServer sshd, NodeShell shell, String fingerprint) {
            this.sshd = sshd;
            this.shell = shell;
            this.fingerprint = fingerprint;
        }
    }

    private NodeSimulator(Builder b) throws IOException, GeneralSecurityException {
        this.simulator = b.simulator;
        this.user = b.user;
        this.ownWork = b.work == null;
        this.work = b.work == null ? Files.createTempDirectory("proxmox-lxc-nodesim") : b.work;
        this.replies = List.copyOf(b.replies);
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair userKey = g.generateKeyPair();
        this.keyFile = work.resolve("id_ecdsa");
        try (OutputStream o = Files.newOutputStream(keyFile)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(userKey, "proxmox-lxc-nodesim",
                    (org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext) null, o);
        }
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        this.publicKey = PublicKeyEntry.toString(userKey.getPublic()) + " proxmox-lxc-nodesim";
        Files.writeString(work.resolve("id_ecdsa.pub"), publicKey + "\n", StandardCharsets.UTF_8);
        byte[] token = new byte[16];
        new SecureRandom().nextBytes(token);
        this.controlToken = HexFormat.of().formatHex(token);
        this.control = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Path shims = work.resolve("bin");
        writeShims(shims);
        this.pct = new Pct(simulator.model(), this::inContainer, work.resolve("containers"));
        long deadline = b.commandDeadline.toMillis();
        for (String node : simulator.nodeNames()) {
            NodeRoot root = new NodeRoot(node, work.resolve("nodes").resolve(node), b.hostTrees.get(node),
                    simulator.model());
            Map<String, String> env = Map.of("NODESIM_PORT", Integer.toString(control.getLocalPort()),
                    "NODESIM_TOKEN", controlToken, "NODESIM_NODE", node);
            NodeShell shell = new NodeShell(root, pct, shims, env, threads,
                    r -> nodeCommands.add(r[0] + ": " + r[1] + " -> " + r[2]), deadline);
            KeyPair hostKey = g.generateKeyPair();
            SshServer sshd = SshServer.setUpDefaultServer();
            sshd.setHost("127.0.0.1");
            sshd.setPort(b.ports.getOrDefault(node, 0));
            sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
            sshd.setPublickeyAuthenticator((u, key, session) -> user.equals(u)
                    && KeyUtils.compareKeys(key, userKey.getPublic()));
            sshd.setPasswordAuthenticator(null);
            sshd.setKeyboardInteractiveAuthenticator(null);
            sshd.setCommandFactory((channel, line) -> new Exec(shell, line));
            sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            sshd.setFileSystemFactory(new VirtualFileSystemFactory(root.root()));
            servers.put(node, new Server(sshd, shell, KeyUtils.getFingerPrint(hostKey.getPublic())));
        }
    }

    /**
     * A builder for the nodes of a started simulator.
     *
     * @param simulator the API simulator whose model the nodes act on
     * @return the builder
     */
    public static Builder builder(PveSimulator simulator) {
        return new Builder(Objects.requireNonNull(simulator, "simulator"));
    }

    private void start() throws IOException {
        threads.submit(this::serveControl);
        for (Server s : servers.values()) {
            s.sshd.start();
        }
    }

    // ------------------------------------------------------------------ connection details

    /** {@return the address every node's SSH server listens on, {@code 127.0.0.1}} */
    public String host() {
        return "127.0.0.1";
    }

    /** {@return the SSH port of the first node, which stands for its port 22} */
    public int port() {
        return port(simulator.nodeNames().get(0));
    }

    /**
     * The SSH port of a node.
     *
     * @param node a node of the simulator
     * @return the port
     */
    public int port(String node) {
        return server(node).sshd.getPort();
    }

    /** {@return the login name every node accepts with {@link #keyFile()} ({@code root} unless the builder said otherwise)} */
    public String user() {
        return user;
    }

    /** {@return {@code user@127.0.0.1:port} of the first node, as the command line's {@code --ssh} takes it} */
    public String target() {
        return target(simulator.nodeNames().get(0));
    }

    /**
     * {@code user@127.0.0.1:port} of a node.
     *
     * @param node a node of the simulator
     * @return the target
     */
    public String target(String node) {
        return user + "@" + host() + ":" + port(node);
    }

    /**
     * {@return the generated private key (ECDSA P-256, OpenSSH format, unencrypted, mode 600) every
     * node accepts} The only way in: password and keyboard-interactive logins are refused.
     */
    public Path keyFile() {
        return keyFile;
    }

    /**
     * {@return the public key line of {@link #keyFile()}, {@code ecdsa-sha2-nistp256 AAAA... proxmox-lxc-nodesim}}
     * As it would stand in the node's {@code /root/.ssh/authorized_keys}.
     */
    public String publicKey() {
        return publicKey;
    }

    /**
     * {@return the first node's host key fingerprint, {@code SHA256:...} as {@code ssh-keygen -lf}
     * prints it} Each node has its own host key, new at every start.
     */
    public String fingerprint() {
        return fingerprint(simulator.nodeNames().get(0));
    }

    /**
     * A node's host key fingerprint.
     *
     * @param node a node of the simulator
     * @return {@code SHA256:...}
     */
    public String fingerprint(String node) {
        return server(node).fingerprint;
    }

    /** {@return the nodes that have an SSH server: every node of the simulator, in its order} */
    public List<String> nodeNames() {
        return List.copyOf(servers.keySet());
    }

    /**
     * The directory standing for a node's {@code /} (its {@code etc/subuid}, {@code etc/pve/lxc},
     * the host fixture copy).
     *
     * @param node a node of the simulator
     * @return the directory
     */
    public Path root(String node) {
        return server(node).shell.root().root();
    }

    /**
     * The file standing for a path inside a container (what {@code pct push} wrote there).
     *
     * @param vmid the container
     * @param path an absolute path inside it
     * @return the file (it may not exist)
     * @throws IllegalArgumentException if the path leads out of the container's {@code /} (e.g. {@code /../x})
     */
    public Path containerFile(int vmid, String path) {
        Objects.requireNonNull(path, "path");
        try {
            return pct.containerPath(vmid, path);
        } catch (PveError e) {
            throw new IllegalArgumentException("path '" + path + "' leads out of container " + vmid
                    + "'s / (give an absolute path inside the container, without '..' above its root)");
        }
    }

    // ------------------------------------------------------------------ records

    /**
     * {@return every command run inside a container with {@code pct exec} so far, oldest first (a
     * copy)} Recorded when the command has been answered, after its reply's duration.
     */
    public List<ContainerCommand> containerCommands() {
        return List.copyOf(containerCommands);
    }

    /**
     * {@return every SSH exec request so far as {@code node: command line -> exit status}, oldest
     * first (a copy)} SFTP transfers are not listed.
     */
    public List<String> nodeCommands() {
        return List.copyOf(nodeCommands);
    }

    /** Forgets the recorded commands. */
    public void clearRecords() {
        containerCommands.clear();
        nodeCommands.clear();
    }

    private Server server(String node) {
        Server s = servers.get(node);
        if (s == null) {
            throw new IllegalArgumentException("no node '" + node + "' (have " + servers.keySet() + ")");
        }
        return s;
    }

    private Pct.Result inContainer(String node, int vmid, List<String> command, Map<String, String> env, byte[] stdin) {
        String line = String.join(" ", command);
        ContainerReply reply = ContainerReply.success();
        for (Map.Entry<Pattern, ContainerReply> e : replies) {
            if (e.getKey().matcher(line).find()) {
                reply = e.getValue();
                break;
            }
        }
        if (!reply.duration().isZero()) {
            try {
                Thread.sleep(reply.duration().toMillis());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        containerCommands.add(new ContainerCommand(node, vmid, command, env, stdin.length, reply.exitStatus()));
        return new Pct.Result(reply.exitStatus(), reply.stdout().getBytes(StandardCharsets.UTF_8),
                reply.stderr().getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ shims

    private static void writeShims(Path dir) throws IOException {
        Files.createDirectories(dir);
        shim(dir.resolve("pct"), String.join("\n",
                "#!/bin/bash",
                "# pct of the proxmox-lxc testkit's node simulator: the words go to the simulator (stdin does not)",
                "exec 3<>\"/dev/tcp/127.0.0.1/$NODESIM_PORT\" || { echo 'pct: node simulator not reachable' >&2; exit 255; }",
                "{ printf '%s\\n' \"$NODESIM_TOKEN\" \"$NODESIM_NODE\" \"$#\"",
                "  for a in \"$@\"; do printf '%s' \"$a\" | base64 -w0; printf '\\n'; done; } >&3",
                "IFS= read -r status <&3; IFS= read -r out <&3; IFS= read -r err <&3",
                "exec 3<&-",
                "[ -z \"$out\" ] || printf '%s' \"$out\" | base64 -d",
                "[ -z \"$err\" ] || printf '%s' \"$err\" | base64 -d >&2",
                "exit \"${status:-255}\"", ""));
        shim(dir.resolve("uname"), String.join("\n",
                "#!/bin/sh",
                "if [ \"$*\" = -n ]; then echo \"$NODESIM_NODE\"; else exec /usr/bin/uname \"$@\"; fi", ""));
        shim(dir.resolve("hostname"), String.join("\n",
                "#!/bin/sh",
                "echo \"$NODESIM_NODE\"", ""));
    }

    private static void shim(Path f, String text) throws IOException {
        Files.writeString(f, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwx------"));
    }

    private Void serveControl() {
        while (!closed) {
            Socket s;
            try {
                s = control.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("node simulator control socket failed", e);
                }
                return null;
            }
            threads.submit(() -> shimCall(s));
        }
        return null;
    }

    private Void shimCall(Socket s) {
        try (s) {
            s.setSoTimeout(30_000);
            BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String token = r.readLine();
            if (!controlToken.equals(token)) {
                return null;
            }
            String node = r.readLine();
            int argc = Integer.parseInt(Objects.requireNonNull(r.readLine(), "argc").strip());
            if (argc < 0 || argc > 10_000) {
                return null;
            }
            List<String> args = new ArrayList<>();
            for (int i = 0; i < argc; i++) {
                args.add(new String(Base64.getDecoder().decode(Objects.requireNonNull(r.readLine(), "arg").strip()),
                        StandardCharsets.UTF_8));
            }
            Server srv = server(node);
            srv.shell.root().renderConfigs();
            Pct.Result res;
            try {
                res = pct.run(srv.shell.root(), args, new byte[0]);
            } finally {
                srv.shell.root().readBack();
            }
            nodeCommands.add(node + ": (in a script) pct " + String.join(" ", args) + " -> " + res.exit());
            Base64.Encoder e = Base64.getEncoder();
            String answer = res.exit() + "\n" + e.encodeToString(res.out()) + "\n" + e.encodeToString(res.err()) + "\n";
            s.getOutputStream().write(answer.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
        } catch (IOException | RuntimeException e) {
            LOG.debug("node simulator: a pct call from a script failed", e);
        }
        return null;
    }

    // ------------------------------------------------------------------ exec channel

    /** One exec request: runs on its own thread, ends the channel with the exit status. */
    private final class Exec implements Command {
        private final NodeShell shell;
        private final String line;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private java.util.concurrent.Future<?> task;

        Exec(NodeShell shell, String line) {
            this.shell = shell;
            this.line = line;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            task = threads.submit(() -> {
                int status = 255;
                try {
                    status = shell.run(line, in, out, err);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("node simulator: '{}' failed", line, e);
                    try {
                        err.write(("node simulator: " + e + "\n").getBytes(StandardCharsets.UTF_8));
                        err.flush();
                    } catch (IOException ignored) {
                        // the channel is gone
                    }
                } finally {
                    exit.onExit(status);
                }
            });
        }

        @Override
        public void destroy(ChannelSession channel) {
            if (task != null) {
                task.cancel(true);
            }
        }
    }

    // ------------------------------------------------------------------ lifecycle

    /** Stops the SSH servers and removes the generated key and node directories. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Server s : servers.values()) {
            try {
                s.sshd.stop(true);
            } catch (IOException e) {
                LOG.debug("stopping a node simulator SSH server failed", e);
            }
        }
        try {
            control.close();
        } catch (IOException e) {
            LOG.debug("closing the control socket failed", e);
        }
        threads.shutdownNow();
        if (ownWork) {
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                LOG.debug("could not remove {}", work, e);
            }
        }
    }

    @Override
    public String toString() {
        return "NodeSimulator" + servers.keySet() + (closed ? "[closed]" : "");
    }

    /** Builds and starts a {@link NodeSimulator}. */
    public static final class Builder {
        private final PveSimulator simulator;
        private String user = "root";
        private Path work;
        private final Map<String, Path> hostTrees = new LinkedHashMap<>();
        private final Map<String, Integer> ports = new LinkedHashMap<>();
        private final List<Map.Entry<Pattern, ContainerReply>> replies = new ArrayList<>();
        private Duration commandDeadline = Duration.ofMinutes(10);

        private Builder(PveSimulator simulator) {
            this.simulator = simulator;
        }

        /**
         * The login name the nodes accept (default {@code root}).
         *
         * @param name a user name
         * @return this builder
         */
        public Builder user(String name) {
            if (!name.matches("[a-z_][a-z0-9_\\-]*")) {
                throw new IllegalArgumentException("user must be a POSIX user name: " + name);
            }
            this.user = name;
            return this;
        }

        /**
         * A node's host tree: copied into its root (symlinks kept), e.g. a materialised hardware
         * fixture with {@code sys/class/drm}, {@code dev/dri} and {@code etc/group}.
         *
         * @param node a node of the simulator
         * @param directory the tree
         * @return this builder
         */
        public Builder hostTree(String node, Path directory) {
            if (!Files.isDirectory(directory)) {
                throw new IllegalArgumentException("host tree " + directory + " is not a directory");
            }
            hostTrees.put(Objects.requireNonNull(node, "node"), directory);
            return this;
        }

        /**
         * A fixed SSH port for a node (default: a free one).
         *
         * @param node a node of the simulator
         * @param port the port
         * @return this builder
         */
        public Builder port(String node, int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            ports.put(Objects.requireNonNull(node, "node"), port);
            return this;
        }

        /**
         * Where the key files, node roots and container files live (default: a new temporary
         * directory, removed on close).
         *
         * @param directory an existing directory
         * @return this builder
         */
        public Builder workDirectory(Path directory) {
            if (!Files.isDirectory(directory)) {
                throw new IllegalArgumentException("work directory " + directory + " is not a directory");
            }
            this.work = directory;
            return this;
        }

        /**
         * Answers commands inside containers whose words, joined by spaces, contain a match of the
         * regular expression; the first matching rule wins, unmatched commands succeed silently.
         *
         * @param regex a {@link Pattern} found anywhere in the command line
         * @param reply the answer
         * @return this builder
         */
        public Builder onContainerCommand(String regex, ContainerReply reply) {
            replies.add(Map.entry(Pattern.compile(regex), Objects.requireNonNull(reply, "reply")));
            return this;
        }

        /**
         * The most a shell command on a node may run (default 10 minutes).
         *
         * @param deadline the deadline
         * @return this builder
         */
        public Builder commandDeadline(Duration deadline) {
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("commandDeadline must be positive: " + deadline);
            }
            this.commandDeadline = deadline;
            return this;
        }

        /**
         * Starts one SSH server per node of the simulator.
         *
         * @return the started node simulator
         */
        public NodeSimulator start() {
            NodeSimulator n;
            try {
                n = new NodeSimulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("could not set up the node simulator", e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("could not generate the node simulator's keys", e);
            }
            try {
                n.start();
            } catch (IOException | RuntimeException e) {
                n.close();
                throw e instanceof IOException io ? new UncheckedIOException("could not start the node simulator", io)
                        : (RuntimeException) e;
            }
            return n;
        }
    }
}
