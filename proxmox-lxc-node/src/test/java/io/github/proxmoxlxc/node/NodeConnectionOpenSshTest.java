package io.github.proxmoxlxc.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.proxmoxlxc.core.client.ProxmoxTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The SSH client against a real OpenSSH server (Debian's openssh-server; `.ci/run` installs it). */
@Timeout(120)
class NodeConnectionOpenSshTest {
    @TempDir
    static Path dir;
    static OpenSshServer sshd;
    static NodeConnection node;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(OpenSshServer.available(), "/usr/sbin/sshd is not installed (apt-get install openssh-server)");
        sshd = OpenSshServer.start(dir);
        node = NodeConnection.builder(sshd.target())
                .hostKeys(HostKeyPolicy.fingerprints(sshd.fingerprint()))
                .auth(SshAuth.keyFile(sshd.userKey))
                .commandTimeout(Duration.ofSeconds(90)) // generous: sshd forks a session per command, slow on a loaded 2-core CI machine
                .build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    @Test
    void pinnedFingerprintConnectsAndReportsExitStatus() throws Exception {
        ExecResult ok = node.exec(RemoteCommand.of("sh", "-c", "echo out; echo err >&2; exit 0"));
        assertThat(ok.exitStatus()).isZero();
        assertThat(ok.stdout()).isEqualTo("out\n");
        assertThat(ok.stderr()).isEqualTo("err\n");
        assertThat(node.hostKeyFingerprint()).contains(sshd.fingerprint());

        ExecResult seven = node.exec(RemoteCommand.of("sh", "-c", "echo last words; exit 7"));
        assertThat(seven.exitStatus()).isEqualTo(7);
        assertThatThrownBy(seven::requireSuccess).isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("exit status 7").hasMessageContaining("last words");
    }

    @Test
    void streamsLinesToTheListenerAndFeedsStdin() {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        ExecResult r = node.exec(RemoteCommand.of("cat").withInput("a\nb\nc".getBytes(StandardCharsets.UTF_8)),
                Duration.ofSeconds(30), new OutputListener() {
                    @Override
                    public void stdout(String line) {
                        lines.add(line);
                    }
                });
        assertThat(r.stdout()).isEqualTo("a\nb\nc");
        assertThat(lines).containsExactly("a", "b", "c");
    }

    @Test
    void deadlineClosesACommandThatRunsTooLong() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> node.exec(RemoteCommand.of("sleep", "30"), Duration.ofMillis(700), OutputListener.none()))
                .isInstanceOf(ProxmoxTimeoutException.class).hasMessageContaining("did not end within");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
        // the connection is still usable
        assertThat(node.exec(RemoteCommand.of("true")).exitStatus()).isZero();
    }

    @Test
    void wrongFingerprintIsRefusedBeforeAuthentication() throws Exception {
        String wrong = "SHA256:" + "A".repeat(43);
        int before = sshd.log().split("\n").length;
        try (NodeConnection bad = NodeConnection.builder(sshd.target()).hostKeys(HostKeyPolicy.fingerprints(wrong))
                .auth(SshAuth.keyFile(sshd.userKey)).build()) {
            assertThatThrownBy(() -> bad.exec(RemoteCommand.of("true")))
                    .isInstanceOf(HostKeyRejectedException.class)
                    .hasMessageContaining(sshd.fingerprint()).hasMessageContaining("nothing was sent")
                    .satisfies(e -> assertThat(((HostKeyRejectedException) e).fingerprint()).isEqualTo(sshd.fingerprint()));
        }
        // sshd logged the connection, but no authentication attempt for it
        String[] lines = sshd.log().split("\n");
        List<String> after = List.of(lines).subList(Math.min(before, lines.length), lines.length);
        assertThat(after).noneMatch(l -> l.contains("Accepted") || l.contains("Failed") || l.contains("Postponed")
                || l.contains("userauth"));
    }

    @Test
    void knownHostsFileIsHonoured() throws Exception {
        String pub = Files.readString(sshd.hostKeyPub).trim();
        String[] parts = pub.split(" ");
        Path known = dir.resolve("known_hosts");
        Files.writeString(known, "[127.0.0.1]:" + sshd.port + " " + parts[0] + " " + parts[1] + "\n");
        try (NodeConnection c = NodeConnection.builder(sshd.target()).hostKeys(HostKeyPolicy.knownHosts(known))
                .auth(SshAuth.keyFile(sshd.userKey)).build()) {
            assertThat(c.exec(RemoteCommand.of("true")).exitStatus()).isZero();
        }
        Path empty = dir.resolve("known_hosts_empty");
        Files.writeString(empty, "");
        try (NodeConnection c = NodeConnection.builder(sshd.target()).hostKeys(HostKeyPolicy.knownHosts(empty))
                .auth(SshAuth.keyFile(sshd.userKey)).build()) {
            assertThatThrownBy(() -> c.exec(RemoteCommand.of("true"))).isInstanceOf(HostKeyRejectedException.class);
        }
    }

    @Test
    void encryptedKeyWithPassphraseAndWrongPassphrase() throws Exception {
        Path enc = dir.resolve("enc_ed25519");
        OpenSshServer.run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "s3cret pass", "-f", enc.toString());
        Files.writeString(dir.resolve("authorized_keys"), Files.readString(dir.resolve("enc_ed25519.pub")),
                java.nio.file.StandardOpenOption.APPEND);
        try (NodeConnection c = NodeConnection.builder(sshd.target()).hostKeys(HostKeyPolicy.fingerprints(sshd.fingerprint()))
                .auth(SshAuth.keyFile(enc, "s3cret pass".toCharArray())).build()) {
            assertThat(c.exec(RemoteCommand.of("echo", "hi")).stdout()).isEqualTo("hi\n");
        }
        try (NodeConnection c = NodeConnection.builder(sshd.target()).hostKeys(HostKeyPolicy.fingerprints(sshd.fingerprint()))
                .auth(SshAuth.keyFile(enc, "wrong".toCharArray())).build()) {
            assertThatThrownBy(() -> c.exec(RemoteCommand.of("true"))).isInstanceOf(NodeChannelException.class)
                    .hasMessageContaining(enc.toString()).hasMessageNotContaining("wrong\"");
        }
    }

    @Test
    void sshAgentLogin() throws Exception {
        Path sock = dir.resolve("agent.sock");
        Process agent = OpenSshServer.startProcess(dir, List.of("ssh-agent", "-D", "-a", sock.toString()), Map.of());
        try {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.exists(sock)) {
                assertThat(System.nanoTime()).as("agent socket appears").isLessThan(end);
                Thread.onSpinWait();
            }
            Process add = OpenSshServer.startProcess(dir, List.of("ssh-add", sshd.userKey.toString()),
                    Map.of("SSH_AUTH_SOCK", sock.toString()));
            assertThat(add.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(add.exitValue()).as(new String(add.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
            try (NodeConnection c = NodeConnection.builder(sshd.target())
                    .hostKeys(HostKeyPolicy.fingerprints(sshd.fingerprint())).auth(SshAuth.agent(sock)).build()) {
                assertThat(c.exec(RemoteCommand.of("echo", "agent")).stdout()).isEqualTo("agent\n");
            }
        } finally {
            agent.destroy();
            agent.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void oneConnectionServesConcurrentCommands() throws Exception {
        int loginsBefore = sshd.log().split("Accepted publickey", -1).length - 1;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (NodeConnection node = NodeConnection.builder(sshd.target())
                .hostKeys(HostKeyPolicy.fingerprints(sshd.fingerprint())).auth(SshAuth.keyFile(sshd.userKey))
                .commandTimeout(Duration.ofSeconds(100)).build()) {
            List<Future<String>> fs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String v = "value " + i;
                fs.add(pool.submit(() -> node.exec(RemoteCommand.of("printf", "%s", v)).stdout()));
            }
            for (int i = 0; i < 8; i++) {
                assertThat(fs.get(i).get(110, TimeUnit.SECONDS)).isEqualTo("value " + i);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sshd.log().split("Accepted publickey", -1).length - 1 - loginsBefore).as("one login for all").isEqualTo(1);
    }

    @Test
    void quotedArgumentsRoundTripThroughTheRemoteShell() {
        List<String> samples = List.of("", " ", "it's", "\"\\$HOME`id`", "line1\nline2\n", "a\tb", "*?[", "ünïcødé ✓ 😀",
                "'", "''", "-n", "$(rm -rf /)", "a\\", "\r\n");
        assertThat(roundTrip(samples)).isEqualTo(samples);
        for (String s : List.of("it's", "x\ny")) {
            assertThat(node.exec(RemoteCommand.script("printf %s \"$1\"", s)).stdout()).isEqualTo(s);
        }
    }

    /** Sends every value as one quoted argument of one remote bash, which prints each NUL-terminated. */
    static List<String> roundTrip(List<String> values) {
        return roundTrip(node, values);
    }

    static List<String> roundTrip(NodeConnection node, List<String> values) {
        List<String> argv = new ArrayList<>(List.of("bash", "-c", "for a; do printf '%s\\0' \"$a\"; done", "_"));
        argv.addAll(values);
        ExecResult r = node.exec(RemoteCommand.of(argv)).requireSuccess();
        String out = r.stdout();
        List<String> back = new ArrayList<>(List.of(out.split("\0", -1)));
        back.remove(back.size() - 1);
        return back;
    }

    @Test
    void environmentValuesAreQuotedAndHidden() {
        RemoteCommand c = RemoteCommand.of("sh", "-c", "printf %s \"$SECRET\"").withEnv(Map.of("SECRET", "p'w $x"));
        assertThat(c.toString()).doesNotContain("p'w").contains("SECRET=***");
        ExecResult r = node.exec(c);
        assertThat(r.stdout()).isEqualTo("p'w $x");
        assertThat(r.command()).doesNotContain("p'w");
    }
}
