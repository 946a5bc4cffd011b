package io.github.proxmoxlxc.node;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A real OpenSSH {@code sshd} for tests: its own config, generated host and user keys, listening
 * on a loopback port, logging to a file. Started by {@link #start(Path)}, stopped by {@link #close()}.
 */
final class OpenSshServer implements AutoCloseable {
    private static final long POLL_NANOS = 5_000_000;
    static final Path SSHD = Path.of("/usr/sbin/sshd");

    final Path dir;
    final int port;
    final Path userKey;
    final Path hostKeyPub;
    final Path log;
    private final Process process;

    private OpenSshServer(Path dir, int port, Path userKey, Path hostKeyPub, Path log, Process process) {
        this.dir = dir;
        this.port = port;
        this.userKey = userKey;
        this.hostKeyPub = hostKeyPub;
        this.log = log;
        this.process = process;
    }

    static boolean available() {
        return Files.isExecutable(SSHD);
    }

    static OpenSshServer start(Path dir) throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Path hostKey = dir.resolve("host_ed25519");
        run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "test-host", "-f", hostKey.toString());
        Path userKey = dir.resolve("user_ed25519");
        run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "test-user", "-f", userKey.toString());
        Path auth = dir.resolve("authorized_keys");
        Files.copy(dir.resolve("user_ed25519.pub"), auth);
        Files.setPosixFilePermissions(auth, PosixFilePermissions.fromString("rw-------"));
        if ("root".equals(System.getProperty("user.name"))) {
            // sshd started as root needs its privilege-separation directory (made by the system unit otherwise)
            Path privsep = Path.of("/run/sshd");
            if (!Files.isDirectory(privsep)) {
                Files.createDirectories(privsep);
                Files.setPosixFilePermissions(privsep, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.createDirectories(dir.resolve("bin"));
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey,
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + auth,
                "StrictModes no",
                "UsePAM no",
                "PermitRootLogin prohibit-password",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PubkeyAuthentication yes",
                "LogLevel VERBOSE",
                "MaxSessions 64",
                "MaxStartups 64",
                "Subsystem sftp internal-sftp",
                // test doubles of node programs (pct) come first
                "SetEnv PATH=" + dir.resolve("bin") + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                ""));
        Path log = dir.resolve("sshd.log");
        Process p = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                break;
            } catch (IOException e) {
                if (!p.isAlive() || System.nanoTime() > end) {
                    p.destroyForcibly();
                    throw new IllegalStateException("sshd did not start: " + Files.readString(log), e);
                }
                LockSupport.parkNanos(POLL_NANOS); // poll, leaving the CPU to the server under test
            }
        }
        return new OpenSshServer(dir, port, userKey, dir.resolve("host_ed25519.pub"), log, p);
    }

    /** The host key fingerprint as {@code ssh-keygen -lf} prints it. */
    String fingerprint() throws Exception {
        String out = run(dir, "ssh-keygen", "-l", "-E", "sha256", "-f", hostKeyPub.toString());
        return out.split(" ")[1];
    }

    SshTarget target() {
        return SshTarget.of(System.getProperty("user.name"), "127.0.0.1", port);
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    static String run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(List.of(cmd)).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }

    static Process startProcess(Path dir, List<String> cmd, java.util.Map<String, String> env) throws IOException {
        ProcessBuilder b = new ProcessBuilder(new ArrayList<>(cmd)).directory(dir.toFile()).redirectErrorStream(true);
        b.environment().putAll(env);
        return b.start();
    }

    static Duration seconds(int s) {
        return Duration.ofSeconds(s);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
