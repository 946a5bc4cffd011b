package io.github.proxmoxlxc.node;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.client.PollSchedule;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.RetryPolicy;
import io.github.proxmoxlxc.core.client.Trust;
import io.github.proxmoxlxc.testkit.PveSimulator;
import io.github.proxmoxlxc.testkit.TaskState;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A node for update tests: the API is the simulator (snapshots, rollback, status), the node channel
 * is a real OpenSSH server whose {@code pct} is a test double. {@code pct exec <vmid> -- ...} runs
 * the command on the test machine with {@code /root/...} mapped under the container's fake root
 * and fake package managers ({@code apt-get}, {@code apk}) first on the PATH; they write the
 * container's "installed version" to {@code <root>/state}. A file {@code <root>/fail} makes the
 * upgrade fail half-way (state {@code half}) with dpkg's error text; {@code <root>/hang} makes it
 * hang half-way (until the command's deadline).
 */
final class FakeNode implements AutoCloseable {
    static final PollSchedule FAST_POLL = PollSchedule.builder().firstDelay(Duration.ofMillis(2))
            .initialInterval(Duration.ofMillis(3)).multiplier(1.3).maxInterval(Duration.ofMillis(15))
            .notVisibleGrace(Duration.ofSeconds(2)).build();

    final Path dir;
    final OpenSshServer sshd;
    final NodeConnection node;
    final PveSimulator sim;
    final ProxmoxClient pve;
    /** A client with a generous read timeout for setting up and checking (not the code under test). */
    final ProxmoxClient admin;
    private WatchService unlockWatch;

    private FakeNode(Path dir, OpenSshServer sshd, NodeConnection node, PveSimulator sim, ProxmoxClient pve,
            ProxmoxClient admin) {
        this.dir = dir;
        this.sshd = sshd;
        this.node = node;
        this.sim = sim;
        this.pve = pve;
        this.admin = admin;
    }

    static FakeNode start(Path dir, Duration readTimeout) throws Exception {
        return start(dir, readTimeout, b -> { });
    }

    static FakeNode startWith(Path dir, Consumer<PveSimulator.Builder> config) throws Exception {
        return start(dir, Duration.ofSeconds(10), config);
    }

    static FakeNode start(Path dir, Duration readTimeout, Consumer<PveSimulator.Builder> config) throws Exception {
        assumeTrue(OpenSshServer.available(), "/usr/sbin/sshd is not installed (apt-get install openssh-server)");
        OpenSshServer sshd = OpenSshServer.start(dir);
        NodeConnection node = NodeConnection.builder(sshd.target()).hostKeys(HostKeyPolicy.fingerprints(sshd.fingerprint()))
                .auth(SshAuth.keyFile(sshd.userKey)).commandTimeout(Duration.ofSeconds(120)).build();
        Path ct = dir.resolve("ct");
        Path fake = dir.resolve("fakebin");
        Files.createDirectories(fake);
        script(dir.resolve("bin/pct"), "#!/bin/bash",
                "ct=" + ct,
                "printf '%s\\n' \"$1 $2\" >> " + dir.resolve("pct.log"),
                "case $1 in",
                "  exec) root=$ct/$2; mkdir -p \"$root\"; shift 3; args=();"
                        + " for a; do case $a in /root/*) args+=(\"$root$a\");; *) args+=(\"$a\");; esac; done;"
                        + " export CT_ROOT=\"$root\" PATH=" + fake + ":$PATH; exec \"${args[@]}\";;",
                "  unlock) req=" + dir.resolve("unlock") + "/$2; touch \"$req\"; i=0;"
                        + " while [ -e \"$req\" ] && [ $i -lt 400 ]; do sleep 0.05; i=$((i+1)); done; [ ! -e \"$req\" ];;",
                "  push) root=$ct/$2; mkdir -p \"$(dirname \"$root$4\")\"; cp \"$3\" \"$root$4\"; chmod 700 \"$root$4\";;",
                "  *) exit 2;;",
                "esac");
        String upgrade = String.join("\n",
                "echo 'Reading package lists...'",
                "if [ -e \"$CT_ROOT/hang\" ]; then echo half > \"$CT_ROOT/state\"; echo 'Setting up app (2.0) ...';"
                        + " exec sleep 20; fi",
                "if [ -e \"$CT_ROOT/fail\" ]; then echo half > \"$CT_ROOT/state\"; echo 'Setting up app (2.0) ...';"
                        + " echo 'E: Sub-process /usr/bin/dpkg returned an error code (1)' >&2; exit 100; fi",
                "echo v2 > \"$CT_ROOT/state\"; echo 'Setting up app (2.0) ...'; exit 0");
        script(fake.resolve("apt-get"), "#!/bin/sh",
                "printf 'apt-get %s\\n' \"$*\" >> \"$CT_ROOT/calls\"",
                "case \"$*\" in *dist-upgrade*) ;; *) echo 'Hit:1 http://deb.debian.org/debian bookworm InRelease'; exit 0;; esac",
                upgrade);
        script(fake.resolve("apk"), "#!/bin/sh", "printf 'apk %s\\n' \"$*\" >> \"$CT_ROOT/calls\"", upgrade);
        PveSimulator.Builder b = PveSimulator.builder().timeScale(0.001);
        config.accept(b);
        PveSimulator sim = b.start();
        ProxmoxClient pve = ProxmoxClient.builder().baseUrl(sim.baseUrl()).apiToken(sim.tokenId(), sim.tokenSecret())
                .trust(Trust.fingerprints(sim.fingerprint()))
                .retry(RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(2))
                        .maxBackoff(Duration.ofMillis(10)).build())
                .taskPolling(FAST_POLL).readTimeout(readTimeout).build();
        ProxmoxClient admin = ProxmoxClient.builder().baseUrl(sim.baseUrl()).apiToken(sim.tokenId(), sim.tokenSecret())
                .trust(Trust.fingerprints(sim.fingerprint())).taskPolling(FAST_POLL)
                .readTimeout(Duration.ofSeconds(30)).build();
        FakeNode f = new FakeNode(dir, sshd, node, sim, pve, admin);
        f.watchUnlocks();
        return f;
    }

    /** {@code pct unlock <vmid>} on the double: removes the simulator's config lock, as pct does on a node. */
    private void watchUnlocks() throws IOException {
        Path requests = Files.createDirectories(dir.resolve("unlock"));
        unlockWatch = requests.getFileSystem().newWatchService();
        requests.register(unlockWatch, StandardWatchEventKinds.ENTRY_CREATE);
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    WatchKey key = unlockWatch.take();
                    key.pollEvents();
                    try (DirectoryStream<Path> ds = Files.newDirectoryStream(requests)) {
                        for (Path req : ds) {
                            sim.clearLock(Integer.parseInt(req.getFileName().toString()));
                            Files.deleteIfExists(req);
                        }
                    }
                    key.reset();
                }
            } catch (InterruptedException | ClosedWatchServiceException | IOException e) {
                // closed with the node
            }
        }, "fake-pct-unlock");
        t.setDaemon(true);
        t.start();
    }

    private static void script(Path file, String... lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The container as the client under test sees it. */
    Container under(int vmid) {
        return pve.node("pve1").container(vmid);
    }

    /** A running container on {@code storage} with the given ostype and installed version v1. */
    Container container(int vmid, String ostype, String storage, boolean start) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("vmid", Integer.toString(vmid));
        p.put("hostname", "ct" + vmid);
        p.put("ostemplate", "local:vztmpl/" + PveSimulator.DEFAULT_STORED_TEMPLATE);
        p.put("ostype", ostype);
        p.put("rootfs", storage + ":4");
        p.put("net0", "name=eth0,bridge=vmbr0,ip=dhcp");
        admin.tasks().await(admin.node("pve1").containers().create(p), Duration.ofSeconds(30));
        Container ct = admin.node("pve1").container(vmid);
        if (start) {
            admin.tasks().await(ct.start(), Duration.ofSeconds(30));
        }
        Files.createDirectories(root(vmid));
        Files.writeString(root(vmid).resolve("state"), "v1\n");
        return ct;
    }

    Path root(int vmid) {
        return dir.resolve("ct").resolve(Integer.toString(vmid));
    }

    String state(int vmid) throws IOException {
        return Files.readString(root(vmid).resolve("state")).strip();
    }

    void failNextUpgrade(int vmid, boolean fail) throws IOException {
        Path f = root(vmid).resolve("fail");
        if (fail) {
            Files.writeString(f, "");
        } else {
            Files.deleteIfExists(f);
        }
    }

    /** Successful rollback tasks of this container. */
    long rollbacks(int vmid) {
        List<TaskState> tasks = sim.tasks();
        return tasks.stream().filter(t -> t.type().equals("vzrollback") && t.id().equals(Integer.toString(vmid))
                && !t.running() && t.succeeded()).count();
    }

    @Override
    public void close() {
        try {
            unlockWatch.close();
        } catch (IOException e) {
            // best effort
        }
        pve.close();
        admin.close();
        sim.close();
        node.close();
        sshd.close();
    }
}
